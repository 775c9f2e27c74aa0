import datetime as dt
from decimal import Decimal

import pytest

from django.utils import timezone, translation

from apps.accounts.roles import Role
from apps.info_requests import services as request_services
from apps.objections import services
from tests.info_requests.factories import VALID_NIK


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the msgids), whatever the default."""
    with translation.override("en"):
        yield


@pytest.fixture
def client(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def at(year, month, day, hour=9, minute=0):
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


@pytest.fixture
def make_request(db, units):
    """make_request(**overrides): a request received Mon 2 March 2026 09:00 at
    Dinas Kesehatan (due Mon 16 March 2026), through the real service."""

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
            "unit": units["dinkes"],
            "received_at": at(2026, 3, 2),
        }
        data.update(overrides)
        return request_services.information_request_submit(**data)

    return make


@pytest.fixture
def decide(utama):
    """decide(request, kind="refused_exempt", when=13 March 2026, **notice fields)."""

    def make(request, kind="refused_exempt", when=None, **extra):
        when = when or at(2026, 3, 13, 10)
        fields = {
            "refused_exempt": {
                "control": "held",
                "decision": "refused",
                "refusal_reason": "exempt",
                "exemption_letters": ["h"],
            },
            "refused_not_held": {
                "control": "not_documented",
                "decision": "refused",
                "refusal_reason": "not_documented",
            },
            "granted": {
                "control": "held",
                "decision": "granted",
                "information_given": "Salinan data (PDF)",
            },
            "granted_in_part": {
                "control": "held",
                "decision": "granted_in_part",
                "information_given": "Rekap tanpa nama",
                "redactions": "Nama pasien dihitamkan (Pasal 17 h)",
            },
        }[kind]
        fields.update(extra)
        if "cost" in fields:
            fields["cost"] = Decimal(fields["cost"])
        return request_services.information_request_decide(
            info_request=request, actor=utama, now=when, **fields
        )

    return make


@pytest.fixture
def file_objection():
    def make(info_request=None, grounds=("a",), when=None, **extra):
        data = {
            "info_request": info_request,
            "grounds": list(grounds),
            "reason": "Informasi ini bukan informasi yang dikecualikan.",
            "received_at": when or at(2026, 3, 16, 10),
        }
        data.update(extra)
        return services.objection_submit(**data)

    return make


@pytest.fixture
def utama(officer):
    return officer(Role.PPID_UTAMA, username="utama", email="utama@kutim.go.id")


@pytest.fixture
def atasan(officer):
    return officer(Role.ATASAN_PPID, username="atasan", email="sekda@kutim.go.id")


@pytest.fixture
def pelaksana(officer, units):
    return officer(
        Role.PPID_PELAKSANA,
        units=[units["dinkes"]],
        username="pelaksana",
        email="pelaksana@kutim.go.id",
    )


@pytest.fixture
def refused(make_request, decide):
    """A request refused citing Pasal 17 h on Fri 13 March 2026."""
    request = make_request()
    decide(request)
    request.refresh_from_db()
    return request
