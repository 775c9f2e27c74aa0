import datetime as dt

import pytest

from django.utils import timezone

from apps.accounts.roles import Role
from apps.info_requests.services import information_request_submit
from tests.info_requests.factories import VALID_NIK


def at(year, month, day, hour=9, minute=0):
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


@pytest.fixture
def submit(db):
    """submit(**overrides): a web request through the real service."""

    def make(**overrides):
        data = {
            "applicant_type": "individual",
            "name": "Budi Santoso",
            "nik": VALID_NIK,
            "address": "Jl. Yos Sudarso No. 1, Sangatta",
            "phone": "0812 3456 7890",
            "email": "budi@example.com",
            "occupation": "Wiraswasta",
            "information_requested": "Data kasus DBD per kelurahan 2025",
            "purpose": "Penelitian",
            "access_method": "copy",
            "copy_format": "softcopy",
            "delivery_method": "email",
            "received_at": at(2026, 3, 2),
        }
        data.update(overrides)
        return information_request_submit(**data)

    return make


@pytest.fixture
def utama(officer):
    return officer(Role.PPID_UTAMA, username="utama", email="utama@kutim.go.id")


@pytest.fixture
def pelaksana(officer, units):
    return officer(
        Role.PPID_PELAKSANA,
        units=[units["dinkes"]],
        username="pelaksana",
        email="pelaksana@kutim.go.id",
    )
