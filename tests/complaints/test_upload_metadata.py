"""A photo attached to a public complaint comes back without its EXIF (GPS,
device, owner), and an anonymous reporter's PDF without its author."""

import io

import pytest
from pypdf import PdfReader

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.complaints.models import Complaint
from tests import images

from .test_views import form_data

pytestmark = pytest.mark.django_db


def stored(attachment) -> bytes:
    with attachment.file.open("rb") as handle:
        return handle.read()


@pytest.mark.parametrize("identity", ["anonymous", "identified"])
def test_a_gps_photo_through_the_public_form_loses_its_exif(client, identity):
    photo = images.jpeg_with_gps()
    response = client.post(
        "/pengaduan/ajukan/",
        {
            **form_data(identity=identity),
            "attachments": SimpleUploadedFile("IMG_0001.jpg", photo),
        },
    )
    assert response.status_code == 302
    attachment = Complaint.objects.get().attachments.get()
    content = stored(attachment)
    assert not images.has_author_metadata(content)
    from PIL import Image

    picture = Image.open(io.BytesIO(content))
    assert picture.getexif().get_ifd(0x8825) == {}  # no GPS
    assert picture.size == (20, 40)  # turned upright
    assert attachment.size == len(content)


def test_an_anonymous_reporters_pdf_loses_its_author(client):
    response = client.post(
        "/pengaduan/ajukan/",
        {
            **form_data(identity="anonymous"),
            "attachments": SimpleUploadedFile("bukti.pdf", images.pdf_with_author()),
        },
    )
    assert response.status_code == 302
    reader = PdfReader(io.BytesIO(stored(Complaint.objects.get().attachments.get())))
    assert reader.metadata is None
    assert "Bukti pungutan liar" in reader.pages[0].extract_text()


def test_an_image_bomb_is_a_form_error_not_a_500(client):
    bomb = images.png_claiming_size(100_000, 100_000)
    response = client.post(
        "/pengaduan/ajukan/",
        {**form_data(), "attachments": SimpleUploadedFile("peta.png", bomb)},
    )
    assert response.status_code == 200
    assert "attachments" in response.context["form"].errors
    assert response.context["form"]["title"].value() == "Antrean terlalu lama"
    assert Complaint.objects.count() == 0
