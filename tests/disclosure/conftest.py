import datetime as dt

import pytest
from weasyprint import HTML

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.accounts.roles import Role
from apps.info_requests import services as request_services
from apps.info_requests.services import information_request_submit
from tests.info_requests.factories import VALID_NIK

NAME = "Budi Santoso"
ADDRESS = "Jl. Yos Sudarso No. 1, Sangatta"
PHONE = "0812 3456 7890"
EMAIL = "budi@example.com"
PERSONAL = [NAME, VALID_NIK, ADDRESS, EMAIL]


def given_pdf() -> bytes:
    """A document given to the applicant that names them (as real ones do)."""
    return HTML(
        string=f"""<h1>Rekap kasus demam berdarah 2025</h1>
        <p>Kepada Yth. {NAME}, NIK {VALID_NIK}, {ADDRESS}.</p>
        <p>Telepon {PHONE}, surel {EMAIL}.</p>
        <p>Kelurahan Teluk Lingga mencatat 123 kasus; Swarga Bara 87 kasus.</p>"""
    ).write_pdf()


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
        first_name="Sari",
        last_name="Wulandari",
        position="Kepala Subbagian Umum",
    )


@pytest.fixture
def other_pelaksana(officer, units):
    return officer(Role.PPID_PELAKSANA, units=[units["bpbd"]], username="bpbd")


@pytest.fixture
def make_decided(db, units, utama, django_capture_on_commit_callbacks):
    """make_decided(consent=True, **submit overrides): a granted request of
    Dinas Kesehatan with its notice letter and one PDF given."""

    def make(consent=True, document=True, **overrides):
        received = timezone.now() - dt.timedelta(days=20)
        data = {
            "applicant_type": "individual",
            "name": NAME,
            "nik": VALID_NIK,
            "address": ADDRESS,
            "phone": PHONE,
            "email": EMAIL,
            "information_requested": (
                f"Data kasus demam berdarah per kelurahan 2025. Hubungi saya, {NAME}, "
                f"di {EMAIL}."
            ),
            "purpose": "Penelitian",
            "access_method": "copy",
            "copy_format": "softcopy",
            "delivery_method": "email",
            "unit": units["dinkes"],
            "received_at": received,
            "publication_consent": consent,
        }
        data.update(overrides)
        with django_capture_on_commit_callbacks(execute=True):
            info_request = information_request_submit(**data)
            request_services.information_request_decide(
                info_request=info_request,
                actor=utama,
                control="held",
                decision="granted",
                information_given="Rekap kasus demam berdarah per kelurahan 2025",
            )
        info_request.refresh_from_db()
        if document:
            request_services.information_request_add_document(
                info_request=info_request,
                actor=utama,
                upload=SimpleUploadedFile(
                    "rekap-dbd-2025.pdf", given_pdf(), "application/pdf"
                ),
            )
        return info_request

    return make


@pytest.fixture
def decided(make_decided):
    return make_decided()


@pytest.fixture
def submit_open(db, units):
    return information_request_submit(
        applicant_type="individual",
        name=NAME,
        nik=VALID_NIK,
        address=ADDRESS,
        phone=PHONE,
        email=EMAIL,
        information_requested="Jadwal imunisasi puskesmas 2026",
        purpose="Keperluan keluarga",
        access_method="view",
        unit=units["dinkes"],
        publication_consent=True,
    )


@pytest.fixture
def submit(db, units):
    """submit(**overrides): a web request of today through the real service."""

    def make(**overrides):
        data = {
            "applicant_type": "individual",
            "name": NAME,
            "nik": VALID_NIK,
            "address": ADDRESS,
            "phone": PHONE,
            "email": EMAIL,
            "information_requested": "Data kasus DBD per kelurahan 2025",
            "purpose": "Penelitian",
            "access_method": "view",
            "unit": units["dinkes"],
        }
        data.update(overrides)
        return information_request_submit(**data)

    return make
