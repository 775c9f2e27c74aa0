import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.core.exports import csv_text, xlsx_bytes
from apps.core.files import (
    IDENTITY_KINDS,
    encrypted_storage,
    private_storage,
    validate_upload,
)
from apps.core.models import BodyProfile
from apps.core.pdf import render_pdf


class TestValidateUpload:
    def test_pdf_is_accepted_with_digest(self, sample_pdf):
        upload = SimpleUploadedFile("ktp.pdf", sample_pdf)
        checked = validate_upload(upload, IDENTITY_KINDS)
        assert checked.mimetype == "application/pdf"
        assert checked.size == len(sample_pdf)
        assert len(checked.sha256) == 64

    def test_type_is_checked_by_content_not_name(self):
        upload = SimpleUploadedFile("ktp.pdf", b"MZ\x90\x00 this is an exe")
        with pytest.raises(ValidationError) as info:
            validate_upload(upload, IDENTITY_KINDS)
        assert info.value.code == "file_type"

    def test_too_large_is_refused(self, sample_png):
        upload = SimpleUploadedFile("big.png", sample_png + b"\0" * (1024 * 1024))
        with pytest.raises(ValidationError) as info:
            validate_upload(upload, IDENTITY_KINDS, max_mb=1)
        assert info.value.code == "file_too_large"

    def test_empty_is_refused(self):
        with pytest.raises(ValidationError) as info:
            validate_upload(SimpleUploadedFile("a.pdf", b""))
        assert info.value.code == "file_empty"


class TestPrivateStorage:
    def test_private_files_have_no_url(self):
        name = private_storage.save("minutes/a.txt", ContentFile(b"rahasia"))
        with pytest.raises(ValueError, match="no URL"):
            private_storage.url(name)

    def test_encrypted_at_rest_and_readable_through_storage(self, settings):
        name = encrypted_storage.save("ktp/a.png", ContentFile(b"\x89PNG identity"))
        on_disk = (settings.PRIVATE_MEDIA_ROOT / "encrypted" / name).read_bytes()
        assert b"identity" not in on_disk
        with encrypted_storage.open(name) as handle:
            assert handle.read() == b"\x89PNG identity"

    def test_wrong_key_cannot_decrypt(self, settings):
        name = encrypted_storage.save("ktp/b.png", ContentFile(b"data"))
        settings.FIELD_ENCRYPTION_KEY = "Tl9ZUl8xR3lVdC1sZnFoY3lCUWZZb0RqdkR1a1dWR0c="
        with pytest.raises(ValueError, match="cannot be decrypted"):
            encrypted_storage.open(name)


@pytest.mark.django_db
def test_pdf_letterhead_uses_the_body_profile():
    profile = BodyProfile.load()
    profile.name = "Pemerintah Kabupaten Kutai Timur"
    profile.ppid_name = "PPID Kabupaten Kutai Timur"
    profile.save()
    pdf = render_pdf("pdf/sample_letter.html", {"message": "Surat uji"})
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert pdf.startswith(b"%PDF")
    assert "PEMERINTAH KABUPATEN KUTAI TIMUR" in text
    assert "Surat uji" in text


def test_xlsx_export_round_trips_and_neutralises_formulas():
    content = xlsx_bytes(
        title="Register",
        headers=["No", "Judul"],
        rows=[[1, "APBD 2026"], [2, "=HYPERLINK('x')"]],
    )
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A1"].value == "Register"
    assert [c.value for c in sheet[2]] == ["No", "Judul"]
    assert sheet["B3"].value == "APBD 2026"
    assert sheet["B4"].value == "'=HYPERLINK('x')"


def test_csv_export():
    text = csv_text(headers=["No", "Judul"], rows=[[1, "Renstra, 2026"], [2, None]])
    assert text.splitlines() == ["No,Judul", '1,"Renstra, 2026"', "2,"]
