"""The official documents of requests: Indonesian whatever the officer's language,
and the register book keeps every column on its landscape page."""

import datetime as dt
import io
import re

import pytest
import time_machine
from openpyxl import load_workbook
from rest_framework.test import APIClient

from django.utils import translation

from apps.accounts.tokens import api_token_issue
from apps.info_requests import registerbook, services
from apps.info_requests.letters import render_notice_pdf, render_receipt_pdf
from tests.pdfs import assert_table_fits, english_in, pdf_text

CHANGELIST = "/admin/info_requests/informationrequest/"
DECIDED_AT = dt.datetime(2026, 3, 13, 3, 0, tzinfo=dt.UTC)  # Friday, 11:00 WITA


@pytest.fixture
def english_client(client, settings):
    """An officer's browser that asks for English (cookie and Accept-Language)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def decided(submit, utama, units):
    """A request refused as exempt with a cost, decided on 13 March 2026."""
    request = submit(
        name="Ani Register",
        address="Jl. Poros Sangatta-Bengalon Km 12, RT 04, Kelurahan Sangatta Utara",
        information_requested="Peta rawan banjir Kecamatan Bengalon 2025",
    )
    with time_machine.travel(DECIDED_AT, tick=False):
        services.information_request_assign(
            info_request=request, unit=units["dinkes"], actor=utama
        )
        services.information_request_decide(
            info_request=request, actor=utama, control="held", decision="refused",
            refusal_reason="exempt", exemption_letters=["h"], cost=15000,
            payment_method="Transfer bank",
        )  # fmt: skip
    request.refresh_from_db()
    return request


@pytest.mark.django_db
class TestRegisterBookPdf:
    def test_every_column_fits_the_landscape_page(self, decided, submit):
        for number in range(12):  # more than one page: the titles repeat
            submit(name=f"Pemohon {number}", email=f"pemohon{number}@example.com")
        pdf = registerbook.register_pdf(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        with translation.override("id"):
            headers = registerbook.register_headers()
        text = assert_table_fits(
            pdf, headers=headers, last_column_value="Rp 15.000; Transfer bank"
        )
        assert "Jumat, 13 Maret 2026" in text  # the notice date column
        assert text.count("Hari dan tanggal pemberitahuan tertulis") >= 2
        assert len(registerbook.REGISTER_WIDTHS) == len(headers)

    def test_in_indonesian_for_an_english_officer(self, english_client, utama, decided):
        english_client.force_login(utama)
        response = english_client.get(
            f"{CHANGELIST}register-book/",
            {"start": "2026-01-01", "end": "2026-12-31", "format": "pdf"},
        )
        assert response.status_code == 200
        text = pdf_text(response.content)
        assert "REGISTER PERMOHONAN INFORMASI" in text
        assert "Biaya dan cara pembayaran" in text
        assert "Ditolak" in text
        assert "Senin, 2 Maret 2026" in text
        assert english_in(text) == []

    def test_xlsx_in_indonesian_for_an_english_officer(self, decided):
        with translation.override("en"):
            content = registerbook.register_xlsx(
                dt.date(2026, 1, 1), dt.date(2026, 12, 31)
            )
        sheet = load_workbook(io.BytesIO(content)).active
        assert sheet["A1"].value.startswith("Register permohonan informasi 1 Januari")
        assert [cell.value for cell in sheet[2]][-1] == "Biaya dan cara pembayaran"
        assert sheet["B3"].value == "Senin, 2 Maret 2026"
        assert sheet["M3"].value == "Ditolak"


@pytest.mark.django_db
class TestLettersAreIndonesian:
    def test_receipt_for_an_english_officer(self, english_client, utama, decided):
        english_client.force_login(utama)
        response = english_client.get(f"{CHANGELIST}{decided.pk}/receipt/")
        assert response.status_code == 200
        text = pdf_text(response.content)
        assert "TANDA BUKTI PERMOHONAN INFORMASI" in text
        assert "Nomor pendaftaran" in text
        assert english_in(text) == []

    def test_receipt_rendered_while_english_is_active(self, decided):
        with translation.override("en"):
            text = pdf_text(render_receipt_pdf(decided))
        assert "Senin, 2 Maret 2026" in text
        assert english_in(text) == []

    def test_written_notice_issued_through_the_english_api(
        self, submit, officer, units
    ):
        request = submit(unit=units["dinkes"])
        pelaksana = officer("PPID Pelaksana", units=[units["dinkes"]])
        client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
        token = api_token_issue(user=pelaksana)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        with time_machine.travel(DECIDED_AT, tick=False):
            response = client.post(
                f"/api/v1/requests/{request.registration_number}/decide/",
                {
                    "control": "held",
                    "decision": "granted",
                    "information_given": "Salinan peta (PDF)",
                    "form_given": "softcopy",
                    "delivery_method": "email",
                    "cost": "0",
                },
                format="json",
            )
        assert response.status_code == 201, response.content
        assert response.json()["decision"] == "granted"
        request.refresh_from_db()
        with request.notice.letter.open("rb") as handle:
            text = pdf_text(handle.read())
        assert "PEMBERITAHUAN TERTULIS" in text
        assert "Dikabulkan seluruhnya" in text
        assert "13 Maret 2026" in text
        assert "Tanpa biaya" in text
        assert english_in(text) == []

    def test_notice_rendered_while_english_is_active(self, decided):
        with translation.override("en"):
            text = pdf_text(render_notice_pdf(decided.notice))
            assert translation.get_language() == "en"  # restored afterwards
        assert "PEMBERITAHUAN TERTULIS" in text
        assert re.search(r"Rp 15\.000", text)
        assert english_in(text) == []
