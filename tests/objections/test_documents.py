"""The official documents of objections: Indonesian although every test here runs
in English (conftest), and the register keeps every column on its page."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from django.utils import translation

from apps.objections import registerbook, services
from apps.objections.letters import render_dispute_bundle, render_receipt_pdf
from apps.objections.models import Objection
from tests.objections.conftest import at
from tests.objections.factories import ObjectionFactory
from tests.pdfs import assert_table_fits, english_in, pdf_text

CHANGELIST = "/admin/objections/objection/"


@pytest.fixture
def answered(refused, file_objection, atasan):
    """An objection on grounds a and e, affirmed on 1 April 2026; the applicant
    was not satisfied."""
    objection = file_objection(refused, grounds=["a", "e"])
    services.objection_decide(
        objection=objection,
        actor=atasan,
        outcome="affirmed",
        reasons="Pengecualian Pasal 17 huruf h dikuatkan.",
        now=at(2026, 4, 1, 10),
    )
    Objection.objects.filter(pk=objection.pk).update(applicant_response="not_satisfied")
    objection.refresh_from_db()
    return objection


@pytest.fixture
def register_row(db):
    """What the register shows of `answered`, built without filing or a letter."""
    return ObjectionFactory(
        grounds=("a", "e"), affirmed=True, applicant_response="not_satisfied"
    )


@pytest.fixture
def dispute(answered, utama):
    return services.dispute_record(
        register_number="002/IV/KI-Kaltim-PS/2026",
        filed_on=dt.date(2026, 4, 10),
        registered_on=dt.date(2026, 4, 14),
        objection=answered,
        actor=utama,
    )


@pytest.mark.django_db
class TestRegisterPdf:
    def test_every_column_fits_the_landscape_page(self, register_row):
        for number in range(10):  # more than one page
            ObjectionFactory(request__name=f"Pemohon {number}")
        pdf = registerbook.register_pdf(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        with translation.override("id"):
            headers = registerbook.register_headers()
        text = assert_table_fits(pdf, headers=headers, last_column_value="Tidak puas")
        assert "Menguatkan putusan PPID" in text
        assert text.count("Tanggapan pemohon") >= 2  # the titles on each page
        assert len(registerbook.REGISTER_WIDTHS) == len(headers)

    def test_in_indonesian_for_an_english_officer(self, client, register_row, atasan):
        assert translation.get_language() == "en"
        client.force_login(atasan)
        response = client.get(
            f"{CHANGELIST}register/",
            {"start": "2026-01-01", "end": "2026-12-31", "format": "pdf"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert response.status_code == 200
        text = pdf_text(response.content)
        assert "REGISTER KEBERATAN 1 JANUARI 2026 – 31 DESEMBER 2026" in text
        assert "Nomor keberatan" in text
        assert english_in(text) == []

    def test_xlsx_in_indonesian_while_english_is_active(self, register_row):
        content = registerbook.register_xlsx(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        sheet = load_workbook(io.BytesIO(content)).active
        title = "Register keberatan 1 Januari 2026 – 31 Desember 2026"
        assert sheet["A1"].value == title
        assert sheet["B2"].value == "Nomor keberatan"
        assert sheet["M3"].value == "Tidak puas"


@pytest.mark.django_db
class TestLettersAreIndonesian:
    def test_receipt(self, answered):
        text = pdf_text(render_receipt_pdf(answered))
        assert "TANDA BUKTI PENERIMAAN KEBERATAN" in text
        assert "Nomor keberatan" in text
        assert english_in(text) == []

    def test_receipt_from_the_admin_for_an_english_officer(
        self, client, answered, atasan
    ):
        client.force_login(atasan)
        response = client.get(
            f"{CHANGELIST}{answered.pk}/receipt/", HTTP_ACCEPT_LANGUAGE="en"
        )
        assert response.status_code == 200
        assert english_in(pdf_text(response.content)) == []

    def test_answer_letter_issued_by_an_english_atasan(self, answered):
        with answered.answer_letter.open("rb") as handle:
            text = pdf_text(handle.read())
        assert "TANGGAPAN ATASAN PPID ATAS KEBERATAN" in text
        assert "Menguatkan putusan PPID (dengan alasan tertulis)" in text
        assert "1 April 2026" in text
        assert english_in(text) == []

    def test_dispute_bundle(self, dispute):
        text = pdf_text(render_dispute_bundle(dispute))
        assert "BERKAS SENGKETA INFORMASI" in text
        assert "PEMBERITAHUAN TERTULIS" in text
        assert "TANDA BUKTI PERMOHONAN INFORMASI" in text
        assert english_in(text) == []
        assert translation.get_language() == "en"  # the caller's language is back
