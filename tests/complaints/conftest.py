import datetime as dt

import pytest

from django.utils import timezone

from apps.accounts.roles import Role
from apps.complaints import services


def at(year, month, day, hour=10, minute=0):
    """A moment in the portal's time zone (WITA)."""
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


IDENTITY = {
    "reporter_name": "Budi Santoso",
    "reporter_nik": "6408011201900003",
    "reporter_phone": "0812 5400 1234",
    "reporter_email": "budi.santoso@example.com",
}
IDENTITY_VALUES = [
    "Budi Santoso",
    "6408011201900003",
    "+6281254001234",
    "budi.santoso@example.com",
]


@pytest.fixture
def lead(officer):
    return officer(Role.PPID_UTAMA, username="utama", email="utama@example.go.id")


@pytest.fixture
def desk(officer):
    return officer(Role.PETUGAS_LAYANAN, username="petugas")


@pytest.fixture
def unit_officer(officer, units):
    return officer(
        Role.PPID_PELAKSANA,
        units=[units["dinkes"]],
        username="pelaksana",
        email="pelaksana.dinkes@example.go.id",
    )


@pytest.fixture
def submit(units):
    def make(*, now=None, **kwargs):
        values = {
            "title": "Antrean pendaftaran terlalu lama",
            "description": "Loket pendaftaran RSUD buka terlambat setiap pagi.",
            "unit": units["dinkes"],
            **IDENTITY,
            **kwargs,
        }
        if values.get("is_anonymous"):
            for field in IDENTITY:
                values[field] = ""
        return services.complaint_submit(now=now or at(2026, 3, 16), **values)

    return make
