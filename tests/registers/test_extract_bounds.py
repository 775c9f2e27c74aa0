"""Text extraction is bounded: a zip-bomb .docx (a few hundred KB inflating to
200 MB) is refused before python-docx reads it, within a small memory bound, and
its upload is stored without text rather than failing."""

import io
import tracemalloc
import zipfile

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.registers import extract
from apps.registers.extract import DOCX, XLSX, extract_text
from apps.registers.models import InformationItem

MB = 1024 * 1024


def inflate_member(source: bytes, member: str, inflated: int) -> bytes:
    """`source` (a real docx/xlsx) with `member`'s first text node padded to
    `inflated` bytes of "a": valid XML, highly compressible, written in streaming
    mode so the test itself never holds it."""
    original = zipfile.ZipFile(io.BytesIO(source))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in original.infolist():
            content = original.read(info.filename)
            if info.filename != member:
                target.writestr(info.filename, content)
                continue
            cut = content.index(b"</w:t>") if b"</w:t>" in content else -1
            with target.open(member, "w") as handle:
                handle.write(content[:cut])
                block = b"a" * MB
                for _ in range(inflated // MB):
                    handle.write(block)
                handle.write(content[cut:])
    return out.getvalue()


@pytest.fixture
def bomb(docx_bytes):
    return inflate_member(docx_bytes, "word/document.xml", 200 * MB)


def peak_while(function, *args):
    tracemalloc.start()
    try:
        result = function(*args)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak


def test_a_zip_bomb_docx_is_refused_within_a_memory_bound(bomb):
    assert len(bomb) < MB  # a small upload...
    declared = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(bomb)).infolist())
    assert declared > 200 * MB  # ...that would inflate to 200 MB
    text, peak = peak_while(extract_text, bomb, DOCX)
    assert text == ""
    assert peak < 5 * MB


def test_a_member_compressed_beyond_the_ratio_is_refused(docx_bytes):
    # 10 MB inflated stays under the total bound; its 1000:1 ratio does not.
    dense = inflate_member(docx_bytes, "word/document.xml", 10 * MB)
    with pytest.raises(extract.ArchiveTooLarge, match="compressed"):
        extract.check_archive(dense)
    text, peak = peak_while(extract_text, dense, DOCX)
    assert text == ""
    assert peak < 5 * MB


def test_an_ordinary_docx_and_xlsx_pass_the_check(docx_bytes, xlsx_bytes_sample):
    extract.check_archive(docx_bytes)
    extract.check_archive(xlsx_bytes_sample)
    assert "Puskesmas Sangatta" in extract_text(docx_bytes, DOCX)
    assert "Bengalon 31245" in extract_text(xlsx_bytes_sample, XLSX)


def test_text_stops_at_the_cap(monkeypatch):
    import docx

    document = docx.Document()
    for number in range(300):
        document.add_paragraph(f"Paragraf {number:03d} " + "isi " * 20)
    buffer = io.BytesIO()
    document.save(buffer)
    monkeypatch.setattr(extract, "MAX_TEXT_CHARS", 1000)
    text = extract_text(buffer.getvalue(), DOCX)
    assert len(text) == 1000
    assert text.startswith("Paragraf 000")


@pytest.mark.django_db
def test_the_bomb_through_the_admin_is_stored_without_text(
    client, units, pelaksana_dinkes, bomb
):
    from tests.registers.test_admin import CHANGELIST, item_post

    client.force_login(pelaksana_dinkes)
    data = item_post(
        units["dinkes"],
        **{
            "documents-TOTAL_FORMS": "1",
            "documents-0-title": "Renja (Word)",
            "documents-0-file": SimpleUploadedFile("renja.docx", bomb),
        },
    )
    response, peak = peak_while(client.post, f"{CHANGELIST}add/", data)
    assert response.status_code == 302
    assert peak < 40 * MB  # the whole admin request (before the bound: 450 MB+)
    document = InformationItem.objects.get().documents.get()
    assert document.content_type == DOCX
    assert document.extracted_text == ""
    assert document.size == len(bomb)
