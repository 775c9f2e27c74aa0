"""Benchmark of the public register: list and search time with 50 vs 500 items.

Run: DEBUG=1 .venv/bin/python bench/registers_search.py  (uses a throw-away
test database; set DATABASE_URL for PostgreSQL). Prints the ratios; a ratio
near 1 means the page cost does not grow with the register.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppid_portal.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import get_runner  # noqa: E402
from django.utils import timezone  # noqa: E402

from apps.accounts.models import Unit  # noqa: E402
from apps.registers.models import InformationItem  # noqa: E402
from apps.registers.services import refresh_search_vector  # noqa: E402

URLS = ["/informasi/", "/informasi/?q=anggaran", "/informasi/?q=anggaran&year=2024"]


def fill(total: int, unit: Unit) -> None:
    have = InformationItem.objects.count()
    items = [
        InformationItem(
            category="setiap_saat",
            title=f"Laporan realisasi anggaran nomor {n}",
            summary=f"Realisasi belanja daerah bagian {n} tahun {2020 + n % 5}",
            unit=unit,
            year=2020 + n % 5,
            status="published",
            published_at=timezone.now(),
        )
        for n in range(have, total)
    ]
    InformationItem.objects.bulk_create(items)
    for pk in InformationItem.objects.values_list("pk", flat=True):
        refresh_search_vector(pk)


def timed(client: Client, url: str, repeat: int = 15) -> float:
    client.get(url)
    start = time.perf_counter()
    for _ in range(repeat):
        assert client.get(url).status_code == 200
    return (time.perf_counter() - start) / repeat


def main() -> None:
    runner = get_runner(django.conf.settings)(verbosity=0)
    old_config = runner.setup_databases()
    try:
        unit = Unit.objects.create(kind="opd", name="BPKAD", code="BPKAD", slug="bpkad")
        client = Client()
        results = {}
        for total in (50, 500):
            fill(total, unit)
            results[total] = {url: timed(client, url) for url in URLS}
        print(f"database: {connection.vendor}")
        for url in URLS:
            small, large = results[50][url], results[500][url]
            print(
                f"{url:40} 50 items {small * 1000:7.1f} ms  500 items "
                f"{large * 1000:7.1f} ms  ratio {large / small:4.2f}"
            )
    finally:
        runner.teardown_databases(old_config)


if __name__ == "__main__":
    main()
