"""The shared PDF renderer: official documents in Indonesian, machine numbers in
the template never locale-formatted."""

import pytest

from django.utils import translation

from apps.core.pdf import (
    OFFICIAL_LANGUAGE,
    column_widths,
    official_document,
    render_pdf,
)
from tests.pdfs import pdf_text


@pytest.mark.django_db
def test_render_pdf_is_indonesian_whatever_language_is_active():
    with translation.override("en"):
        text = pdf_text(render_pdf("pdf/sample_letter.html", {"message": "Surat uji"}))
        assert translation.get_language() == "en"
    assert OFFICIAL_LANGUAGE == "id"
    assert "Halaman 1 / 1" in text
    assert "Page" not in text


def test_official_document_nests_and_restores_the_language():
    @official_document
    def inner():
        return translation.get_language()

    @official_document
    def outer():
        return [translation.get_language(), inner(), translation.get_language()]

    with translation.override("en"):
        assert outer() == ["id", "id", "id"]
        assert translation.get_language() == "en"


def test_column_widths_are_css_percentages_with_a_dot():
    with translation.override("id"):
        widths = column_widths([1, 2, 1])
    assert widths == ["25.00%", "50.00%", "25.00%"]
