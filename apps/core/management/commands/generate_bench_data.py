"""Fill a database with N requests, items and complaints for bench/ (issue 18,
item 7): bulk inserts in batches, then the derived data the signals would have
kept (search vectors, maintained statistics). Never on a production database:
it refuses unless BENCH_DATA=1 is set.

    BENCH_DATA=1 DATABASE_URL=postgres://... manage.py generate_bench_data \
        --requests 100000 --items 10000 --complaints 10000
"""

import datetime as dt
import os
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

WORDS = [
    "anggaran",
    "realisasi",
    "belanja",
    "daerah",
    "kesehatan",
    "pendidikan",
    "jalan",
    "jembatan",
    "banjir",
    "puskesmas",
    "sekolah",
    "rencana",
    "kerja",
    "laporan",
    "keuangan",
    "pengadaan",
    "kontrak",
    "izin",
    "usaha",
    "tata",
    "ruang",
    "air",
    "bersih",
    "sampah",
    "pertanian",
    "perikanan",
    "pariwisata",
    "bantuan",
    "sosial",
]


class Command(BaseCommand):
    help = "Generate bench data: N requests, items, complaints (BENCH_DATA=1)."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=10000)
        parser.add_argument("--items", type=int, default=1000)
        parser.add_argument("--complaints", type=int, default=1000)
        parser.add_argument("--batch", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=18)

    def handle(self, *args, **options):
        if os.environ.get("BENCH_DATA") != "1":
            raise CommandError("Set BENCH_DATA=1: this fills the database.")
        self.rng = random.Random(options["seed"])
        self.batch = options["batch"]
        started = time.perf_counter()
        units = self._units()
        self._requests(options["requests"], units)
        self._items(options["items"], units)
        self._complaints(options["complaints"])
        self._derived()
        self.stdout.write(f"Done in {time.perf_counter() - started:.1f} s.")

    def _units(self):
        from apps.accounts.models import Unit

        units = []
        for n in range(12):
            unit, _ = Unit.objects.get_or_create(
                code=f"BENCH{n:02d}",
                defaults={
                    "name": f"Dinas Bench {n:02d}",
                    "kind": "opd",
                    "slug": f"bench-{n:02d}",
                },
            )
            units.append(unit)
        return units

    def _text(self, words: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(words))

    def _requests(self, total: int, units) -> None:
        from apps.core.workdays import Calendar
        from apps.info_requests.models import InformationRequest, WrittenNotice

        calendar = Calendar()
        this_year = timezone.localdate().year
        start = timezone.make_aware(dt.datetime(this_year - 1, 1, 2, 8))
        span = (timezone.now() - start).total_seconds()
        have = InformationRequest.objects.filter(
            registration_number__startswith="BENCH-"
        ).count()
        made = 0
        while made < total - have:
            rows, notices = [], []
            for _ in range(min(self.batch, total - have - made)):
                n = have + made + len(rows)
                received = start + dt.timedelta(seconds=self.rng.random() * span)
                day = timezone.localtime(received).date()
                due = calendar.add(day, 10)
                roll = self.rng.random()
                status = (
                    "decided"
                    if roll < 0.6
                    else "withdrawn"
                    if roll < 0.65
                    else self.rng.choice(["received", "in_process"])
                )
                decided_at = (
                    received + dt.timedelta(days=self.rng.randrange(1, 20))
                    if status == "decided"
                    else None
                )
                rows.append(
                    InformationRequest(
                        registration_number=f"BENCH-{n + 1:08d}",
                        status=status,
                        applicant_type="individual",
                        name=f"Pemohon {n}",
                        nik="6408011203850001",
                        address="Jl. Yos Sudarso, Sangatta",
                        email=f"pemohon{n}@example.com",
                        information_requested=self._text(8),
                        purpose="Penelitian",
                        access_method="copy",
                        copy_format="softcopy",
                        delivery_method="email",
                        channel=self.rng.choice(["web", "email", "walk_in"]),
                        unit=self.rng.choice(units),
                        received_at=received,
                        due_date=due,
                        decided_at=decided_at,
                    )
                )
            with transaction.atomic():
                created = InformationRequest.objects.bulk_create(rows)
                for request in created:
                    if request.decided_at is None:
                        continue
                    decision = self.rng.choice(
                        ["granted", "granted", "granted_in_part", "refused"]
                    )
                    notices.append(
                        WrittenNotice(
                            request=request,
                            letter_number=f"{request.registration_number}/PT",
                            control="held",
                            decision=decision,
                            refusal_reason="not_held" if decision == "refused" else "",
                            issued_at=request.decided_at,
                        )
                    )
                WrittenNotice.objects.bulk_create(notices)
            made += len(rows)
            self.stdout.write(f"requests: {have + made}/{total}")

    def _items(self, total: int, units) -> None:
        from apps.registers.models import InformationItem

        have = InformationItem.objects.filter(title__startswith="Bench ").count()
        made = 0
        while made < total - have:
            rows = [
                InformationItem(
                    category=self.rng.choice(["setiap_saat", "berkala", "serta_merta"]),
                    title=f"Bench {self._text(6)} {have + made + i}",
                    summary=self._text(30),
                    unit=self.rng.choice(units),
                    responsible_official="Kepala Dinas",
                    production_time_place="Sangatta",
                    retention_period="5 tahun",
                    year=2018 + self.rng.randrange(9),
                    status="published",
                    published_at=timezone.now(),
                )
                for i in range(min(self.batch, total - have - made))
            ]
            InformationItem.objects.bulk_create(rows)
            made += len(rows)
            self.stdout.write(f"items: {have + made}/{total}")

    def _complaints(self, total: int) -> None:
        from apps.complaints.models import Complaint

        have = Complaint.objects.filter(number__startswith="BENCH-").count()
        made = 0
        while made < total - have:
            rows = []
            for _ in range(min(self.batch, total - have - made)):
                n = have + made + len(rows)
                received = timezone.now() - dt.timedelta(
                    minutes=self.rng.randrange(60 * 24 * 400)
                )
                rows.append(
                    Complaint(
                        number=f"BENCH-{n + 1:08d}",
                        title=self._text(5),
                        description=self._text(20),
                        reporter_name=f"Pelapor {n}",
                        reporter_email=f"pelapor{n}@example.com",
                        received_at=received,
                        verification_due=timezone.localtime(received).date()
                        + dt.timedelta(days=14),
                        due_date=timezone.localtime(received).date()
                        + dt.timedelta(days=14),
                    )
                )
            Complaint.objects.bulk_create(rows)
            made += len(rows)
            self.stdout.write(f"complaints: {have + made}/{total}")

    def _derived(self) -> None:
        """What the signals and services keep for single writes."""
        from apps.reports.summary import refresh_year, years_with_requests

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE registers_informationitem SET search_vector = "
                    "setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
                    "setweight(to_tsvector('simple', coalesce(summary, '') || ' ' || "
                    "coalesce(tags, '')), 'B') || "
                    "setweight(to_tsvector('simple', coalesce(document_text, '')), "
                    "'C') WHERE search_vector IS NULL"
                )
                cursor.execute("ANALYZE")
        for year in years_with_requests():
            refresh_year(year)
        self.stdout.write("search vectors and statistics rebuilt")
