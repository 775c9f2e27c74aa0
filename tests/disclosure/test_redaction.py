"""Redaction removes the text under each area (PyMuPDF), prints the reasons on
the page and keeps no metadata; suggestions find what is personal."""

import io

import pymupdf
import pytest
from pypdf import PdfReader

from django.core.exceptions import ValidationError

from apps.disclosure import redaction
from apps.disclosure.redaction import Mark
from tests.disclosure.conftest import ADDRESS, EMAIL, NAME, PHONE, given_pdf
from tests.info_requests.factories import VALID_NIK


def _texts(pdf: bytes) -> list[str]:
    """The text as two different readers extract it."""
    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        mupdf = "\n".join(page.get_text() for page in document)
    pypdf = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    return [mupdf, pypdf]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_suggestions_find_nik_phone_email_and_the_applicants_details():
    marks = redaction.suggest(given_pdf(), [NAME, ADDRESS])
    found = {mark.text for mark in marks}
    assert VALID_NIK in found
    assert EMAIL in found
    assert NAME in found
    assert ADDRESS in found
    assert any(PHONE.replace(" ", "") == m.replace(" ", "") for m in found)
    assert {mark.reason for mark in marks} == {"pdp"}


def test_redacted_text_is_gone_from_the_file_not_just_covered():
    data = given_pdf()
    marks = redaction.suggest(data, [NAME, ADDRESS])
    result = redaction.redact(data, marks)
    for text in _texts(result.pdf):
        flat = _flat(text)
        for secret in (NAME, VALID_NIK, EMAIL, "Yos Sudarso", "3456"):
            assert secret not in flat
        # What was not marked stays, and the reason is printed on the page.
        assert "Teluk Lingga mencatat 123 kasus" in flat
        assert "Data pribadi (UU 27/2022)" in flat
        assert "Pasal 22 ayat (7) huruf e" in flat
    assert any(NAME in removed for removed in result.removed)
    assert result.page_count == 1


def test_an_area_with_a_pasal_17_letter_removes_what_lies_under_it():
    data = given_pdf()
    with pymupdf.open(stream=data, filetype="pdf") as document:
        rect = document[0].search_for("123 kasus")[0]
    mark = Mark(reason="h", page=0, rect=tuple(rect))
    result = redaction.redact(data, [mark])
    for text in _texts(result.pdf):
        assert "123 kasus" not in _flat(text)
        assert "Swarga Bara" in _flat(text)
        assert "UU 14/2008 Pasal 17 huruf h" in _flat(
            text
        ) or "Ps. 17 huruf h" in _flat(text)
    assert result.areas[0]["reason"] == "h"


def test_the_redacted_file_keeps_no_metadata():
    from weasyprint import HTML

    data = HTML(string=f"<title>{NAME}</title><p>Isi {NAME}</p>").write_pdf()
    assert NAME in (PdfReader(io.BytesIO(data)).metadata.title or "")
    result = redaction.redact(data, [Mark(reason="pdp", text=NAME)])
    metadata = PdfReader(io.BytesIO(result.pdf)).metadata or {}
    assert NAME not in " ".join(str(v) for v in metadata.values())
    assert NAME.encode() not in result.pdf


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("pdp | Budi", Mark(reason="pdp", text="Budi")),
        ("H | p2: 10, 20, 110, 40", Mark(reason="h", page=1, rect=(10, 20, 110, 40))),
        ("# a comment\n\n", None),
    ],
)
def test_marks_are_read_from_lines(line, expected):
    marks = redaction.parse_marks(line)
    assert marks == ([expected] if expected else [])


@pytest.mark.parametrize(
    "line",
    ["Budi", "x | Budi", "pdp | ", "a | p1: 50, 50, 10, 10", "a | p0: 1, 1, 2, 2"],
)
def test_bad_marks_are_refused_with_their_line(line):
    with pytest.raises(ValidationError) as error:
        redaction.parse_marks(line)
    assert "1" in error.value.messages[0]


def test_a_text_not_in_the_file_or_no_mark_is_an_error():
    with pytest.raises(ValidationError):
        redaction.redact(given_pdf(), [Mark(reason="pdp", text="tidak ada di berkas")])
    with pytest.raises(ValidationError):
        redaction.redact(given_pdf(), [])
    with pytest.raises(ValidationError):
        redaction.redact(b"not a pdf", [Mark(reason="pdp", text="x")])
