"""Benchmark of request pages: time with 50 vs 500 requests on file.

Run: DEBUG=1 .venv/bin/python bench/requests_pages.py  (a throw-away test
database; set DATABASE_URL for PostgreSQL). Prints the ratios: near 1 means the
page cost does not grow with the number of requests (pagination, indexes,
constant queries). Pages: the officers' changelist (50 per page), its overdue
filter, the admin home queue, the public status lookup and the officer API list.
"""

import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppid_portal.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import get_runner  # noqa: E402
from django.utils import timezone  # noqa: E402

from apps.accounts.models import Unit, User  # noqa: E402
from apps.info_requests.models import InformationRequest  # noqa: E402
from apps.info_requests.services import compute_due_dates  # noqa: E402

ADMIN = "/admin/info_requests/informationrequest/"
PAGES = [ADMIN, ADMIN + "?deadline=overdue", "/admin/", "/api/v1/requests/"]


def fill(total: int, unit: Unit) -> None:
    have = InformationRequest.objects.count()
    start = timezone.make_aware(dt.datetime(2026, 1, 5, 9))
    rows = []
    for n in range(have, total):
        received = start + dt.timedelta(hours=7 * n)
        rows.append(
            InformationRequest(
                registration_number=f"REQ-2026-{n + 1:05d}",
                status="in_process" if n % 3 else "received",
                applicant_type="individual",
                name=f"Pemohon {n}",
                nik="6408011203850001",
                address="Sangatta",
                email=f"p{n}@example.com",
                information_requested="Data anggaran",
                purpose="Penelitian",
                access_method="view",
                unit=unit if n % 3 else None,
                received_at=received,
                due_date=compute_due_dates(received_at=received, extended=False)[0],
            )
        )
    InformationRequest.objects.bulk_create(rows)


def timed(client: Client, url: str, repeat: int = 10, **extra) -> float:
    client.get(url, **extra)
    begin = time.perf_counter()
    for _ in range(repeat):
        assert client.get(url, **extra).status_code == 200, url
    return (time.perf_counter() - begin) / repeat


def lookup(client: Client, repeat: int = 10) -> float:
    data = {"registration_number": "REQ-2026-00007", "contact": "p6@example.com"}
    begin = time.perf_counter()
    for _ in range(repeat):
        assert client.post("/permohonan/status/", data).status_code == 200
    return (time.perf_counter() - begin) / repeat


def main() -> None:
    runner = get_runner(django.conf.settings)(verbosity=0)
    old_config = runner.setup_databases()
    try:
        unit = Unit.objects.create(kind="opd", name="Dinkes", code="DINKES", slug="dk")
        user = User.objects.create_user("utama", password="x", is_staff=True)
        user.groups.add(Group.objects.get(name="PPID Utama"))
        client = Client()
        client.force_login(user)
        public = Client()
        results = {}
        for total in (50, 500):
            fill(total, unit)
            results[total] = {url: timed(client, url) for url in PAGES}
            results[total]["status lookup (POST)"] = lookup(public)
        print(f"database: {connection.vendor}")
        for name in results[50]:
            small, large = results[50][name], results[500][name]
            print(
                f"{name:50} 50: {small * 1000:7.1f} ms  500: {large * 1000:7.1f} ms"
                f"  ratio {large / small:4.2f}"
            )
    finally:
        runner.teardown_databases(old_config)


if __name__ == "__main__":
    main()
