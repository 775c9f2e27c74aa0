"""Every accepted image loses its metadata in the shared upload path
(validate_upload); PDFs when asked. Orientation is applied, clean files are kept
byte for byte, and an image too large to decode is refused."""

import io

import pytest
from PIL import Image
from pypdf import PdfReader

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

from apps.core.files import DOCUMENT_KINDS, IDENTITY_KINDS, validate_upload
from tests import images


def upload(data: bytes, name="foto") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    ("make", "mimetype"),
    [
        (images.jpeg_with_gps, "image/jpeg"),
        (images.png_with_text, "image/png"),
        (images.webp_with_exif, "image/webp"),
        (lambda: images.webp_with_exif(lossless=True), "image/webp"),
    ],
)
def test_image_metadata_is_removed_in_place(make, mimetype):
    original = make()
    assert images.has_author_metadata(original)
    file = upload(original)
    checked = validate_upload(file, IDENTITY_KINDS)
    cleaned = file.read()
    assert checked.mimetype == mimetype
    assert not images.has_author_metadata(cleaned)
    assert checked.size == len(cleaned) == file.size
    # The digest is of what is stored, not of what was sent.
    import hashlib

    assert checked.sha256 == hashlib.sha256(cleaned).hexdigest()


def test_orientation_is_applied_to_the_pixels():
    file = upload(images.jpeg_with_gps(size=(40, 20)))
    validate_upload(file, IDENTITY_KINDS)
    image = Image.open(file)
    # Orientation 6 (rotate 90° clockwise to view): the stored photo is upright.
    assert image.size == (20, 40)
    red, _green, _blue = image.getpixel((10, 5))
    assert red > 150  # the red left half is now on top
    assert image.getpixel((10, 35))[1] > 150  # white at the bottom


def test_a_clean_image_is_kept_byte_for_byte(sample_png):
    file = upload(sample_png)
    checked = validate_upload(file, IDENTITY_KINDS)
    assert file.read() == sample_png
    assert checked.size == len(sample_png)


def test_a_large_upload_on_disk_keeps_its_temporary_file():
    data = images.jpeg_with_gps()
    file = TemporaryUploadedFile("foto.jpg", "image/jpeg", len(data), None)
    file.write(data)
    file.seek(0)
    validate_upload(file, IDENTITY_KINDS)
    with open(file.temporary_file_path(), "rb") as handle:
        on_disk = handle.read()
    assert not images.has_author_metadata(on_disk)
    assert file.size == len(on_disk)
    file.close()


@pytest.mark.parametrize(
    ("width", "height"),
    [(8000, 6000), (100_000, 100_000)],  # over our 40 MP; over Pillow's own bomb limit
)
def test_an_image_too_large_to_decode_is_refused(width, height):
    with pytest.raises(ValidationError) as info:
        validate_upload(upload(images.png_claiming_size(width, height)), IDENTITY_KINDS)
    assert info.value.code == "image_too_large"


def test_an_unreadable_image_with_metadata_is_refused():
    broken = images.jpeg_with_gps()[:-200]
    with pytest.raises(ValidationError) as info:
        validate_upload(upload(broken), IDENTITY_KINDS)
    assert info.value.code == "image_unreadable"


def test_pdf_metadata_is_removed_only_when_asked():
    pdf = images.pdf_with_author()
    assert PdfReader(io.BytesIO(pdf)).metadata.author == images.AUTHOR
    kept = upload(pdf)
    validate_upload(kept, DOCUMENT_KINDS)
    assert kept.read() == pdf  # official documents may be signed: untouched

    stripped = upload(pdf)
    validate_upload(stripped, DOCUMENT_KINDS, strip_pdf_metadata=True)
    reader = PdfReader(io.BytesIO(stripped.read()))
    assert reader.metadata is None
    assert reader.xmp_metadata is None
    assert "Bukti pungutan liar" in reader.pages[0].extract_text()
