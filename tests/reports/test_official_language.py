"""The annual report is Indonesian whatever the officer's or visitor's language."""

import io

import pytest
from openpyxl import load_workbook

from django.utils import translation

from apps.reports.annual import render_report_pdf, render_report_xlsx
from apps.reports.services import annual_report_publish
from tests.pdfs import english_in, pdf_text
from tests.reports.factories import AnnualReportFactory

pytestmark = pytest.mark.django_db


def test_pdf_rendered_while_english_is_active(year_2026):
    with translation.override("en"):
        text = pdf_text(render_report_pdf(AnnualReportFactory(year=2026)))
    assert "LAPORAN LAYANAN INFORMASI PUBLIK" in text
    assert "1. Kebijakan layanan" in text
    assert "Permohonan diterima 6" in text  # a figure labelled in Python
    assert "Dijawab dalam 10 hari kerja (%) 75,0" in text
    assert english_in(text) == []


def test_xlsx_rendered_while_english_is_active(year_2026):
    with translation.override("en"):
        content = render_report_xlsx(AnnualReportFactory(year=2026))
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A1"].value == "Laporan Layanan Informasi Publik 2026"
    assert [cell.value for cell in sheet[2]] == ["Bagian", "Butir", "Nilai"]
    labels = [row[1] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert "Permohonan diterima" in labels
    assert "Requests received" not in labels


def test_public_pdf_for_an_english_visitor(
    client, settings, year_2026, officer, signatory
):
    report = AnnualReportFactory(year=2026)
    # Published by an officer whose browser speaks English: the issued PDF is
    # Indonesian all the same.
    with translation.override("en"):
        annual_report_publish(report=report, actor=officer("PPID Utama"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/laporan/2026/pdf/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    text = pdf_text(b"".join(response.streaming_content))
    assert "Permohonan diterima 6" in text
    assert english_in(text) == []
