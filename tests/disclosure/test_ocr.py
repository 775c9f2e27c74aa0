"""OCR of scanned register documents through the task layer: a word only in the
image of a scanned PDF (or a photo) is found by the register's search, on
SQLite and on PostgreSQL; the admin says plainly when OCR is not installed."""

import pymupdf
import pytest

from django.core.files.base import ContentFile

from apps.disclosure import ocr
from apps.disclosure.demo import scanned_pdf
from apps.disclosure.models import OcrJob
from apps.disclosure.tasks import ocr_register_document
from apps.registers import selectors
from apps.registers import services as register_services
from apps.registers.models import InformationItem
from tests.registers.factories import InformationItemFactory

pytestmark = pytest.mark.django_db

WORD = "kelambu"
LINES = ["Laporan pembagian kelambu berinsektisida", "Puskesmas Sangatta 2025"]

needs_ocr = pytest.mark.skipif(
    not ocr.is_available(), reason="OCR not installed (" + ocr.INSTALL_HINT + ")"
)


@pytest.fixture
def item(units, utama):
    return InformationItemFactory(
        unit=units["dinkes"], published=True, title="Laporan distribusi 2025"
    )


def _search(word):
    return list(selectors.search_items(selectors.public_items(), word))


def test_a_generated_scan_has_no_text_of_its_own():
    data = scanned_pdf(LINES)
    with pymupdf.open(stream=data, filetype="pdf") as document:
        assert document[0].get_text().strip() == ""
        assert document[0].get_images()
    assert ocr.looks_scanned(content_type="application/pdf", text="", page_count=1)
    assert not ocr.looks_scanned(
        content_type="application/pdf", text="x" * 100, page_count=1
    )


@needs_ocr
def test_the_word_in_the_image_is_found_by_register_search(
    item, utama, django_capture_on_commit_callbacks
):
    assert _search(WORD) == []
    with django_capture_on_commit_callbacks(execute=True):
        document = register_services.document_add(
            actor=utama,
            item=item,
            title="Pindaian",
            upload=ContentFile(scanned_pdf(LINES), name="pindaian.pdf"),
        )
    job = OcrJob.objects.get(document=document)
    assert job.status == OcrJob.Status.DONE, job.error
    assert WORD in job.text.lower()
    assert _search(WORD) == [InformationItem.objects.get(pk=item.pk)]
    assert _search("berinsektisida")
    # The searchable copy has a text layer; the original is kept as uploaded.
    with job.searchable_pdf.open("rb") as handle:
        layered = pymupdf.open(stream=handle.read(), filetype="pdf")
    assert WORD in layered[0].get_text().lower()
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        original = pymupdf.open(stream=handle.read(), filetype="pdf")
    assert original[0].get_text().strip() == ""
    # Done once: the same document is not OCR'd again unless forced.
    assert ocr_register_document.call(document_id=document.pk) == OcrJob.Status.DONE


@needs_ocr
def test_a_photo_is_ocrd_too(item, utama, django_capture_on_commit_callbacks):
    import io

    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1600, 300), "white")
    ImageDraw.Draw(image).text(
        (60, 100), "Foto papan kelambu", fill="black", font=ImageFont.load_default(48)
    )
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(300, 300))
    with django_capture_on_commit_callbacks(execute=True):
        register_services.document_add(
            actor=utama,
            item=item,
            title="Foto",
            upload=ContentFile(buffer.getvalue(), name="foto.png"),
        )
    assert _search(WORD) == [InformationItem.objects.get(pk=item.pk)]


def test_a_document_with_text_is_not_queued(
    item, utama, django_capture_on_commit_callbacks
):
    from tests.disclosure.conftest import given_pdf

    with django_capture_on_commit_callbacks(execute=True):
        register_services.document_add(
            actor=utama,
            item=item,
            title="Teks",
            upload=ContentFile(given_pdf(), name="teks.pdf"),
        )
    assert not OcrJob.objects.exists()


def test_without_ocr_the_job_says_so_and_the_admin_tells_officers(
    item, utama, settings, client, django_capture_on_commit_callbacks
):
    settings.OCR_ENABLED = False
    ocr.availability.cache_clear()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            register_services.document_add(
                actor=utama,
                item=item,
                title="Pindaian",
                upload=ContentFile(scanned_pdf(LINES), name="pindaian.pdf"),
            )
        job = OcrJob.objects.get()
        assert job.status == OcrJob.Status.UNAVAILABLE
        assert "OCR_ENABLED" in job.error
        client.force_login(utama)
        html = client.get("/admin/disclosure/ocrjob/").content.decode()
        assert "OCR" in html
        assert "OCR_ENABLED=0" in html
    finally:
        ocr.availability.cache_clear()


def test_a_missing_program_is_named(monkeypatch):
    ocr.availability.cache_clear()
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    try:
        available, missing = ocr.availability()
        assert not available
        assert "ocrmypdf" in missing.lower()
        assert "apt-get install" in missing
        with pytest.raises(ocr.OcrUnavailable):
            ocr.run(b"%PDF-1.4", "application/pdf")
    finally:
        ocr.availability.cache_clear()
