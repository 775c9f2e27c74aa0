"""The public DIP as PDF: every column of Perki 1/2010 Lampiran II on the page, in
Indonesian whatever the visitor's language."""

import datetime as dt

import pytest
import time_machine

from apps.registers import spreadsheet
from apps.registers.spreadsheet import PUBLIC_HEADERS
from tests.pdfs import assert_table_fits, english_in, pdf_text
from tests.registers.factories import InformationItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(units):
    long_summary = (
        "Rencana kerja dan anggaran tahunan Dinas Kesehatan, memuat program, "
        "kegiatan, sub-kegiatan, indikator kinerja dan pagu per puskesmas."
    )
    for number in range(14):  # more than one page
        InformationItemFactory(
            unit=units["dinkes"],
            published=True,
            title=f"Rencana kerja dan anggaran {number}",
            summary=long_summary,
            legal_basis="Peraturan Bupati Kutai Timur Nomor 12 Tahun 2024",
            dip_decree_number="188.45/K.321/2026",
            dip_decree_date=dt.date(2026, 1, 15),
            format_softcopy=True,
            format_hardcopy=True,
        )


@time_machine.travel(dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC), tick=False)
def test_every_column_fits_the_landscape_page(client, items):
    response = client.get("/informasi/ekspor.pdf")
    assert response.status_code == 200
    text = assert_table_fits(
        response.content, headers=PUBLIC_HEADERS, last_column_value="2026-01-15"
    )
    assert "188.45/K.321/2026" in text  # Nomor SK DIP
    assert text.count("Tanggal SK DIP") >= 2  # the titles repeat on each page
    assert len(spreadsheet.PUBLIC_WIDTHS) == len(PUBLIC_HEADERS)


@time_machine.travel(dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC), tick=False)
def test_indonesian_for_an_english_visitor(client, items, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/informasi/ekspor.pdf", HTTP_ACCEPT_LANGUAGE="en")
    text = pdf_text(response.content)
    assert "Per 02-03-2026" in text
    assert "Halaman 1 /" in text
    assert english_in(text) == []
