"""The identity scan of a public request (a photo of a KTP taken with a phone) is
stored without its EXIF: GPS position, device and owner's name are gone."""

import io

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.info_requests.models import InformationRequest
from tests import images

from .test_views import FORM_URL, form_data

pytestmark = pytest.mark.django_db


def test_a_gps_photo_of_the_ktp_loses_its_exif(client, units, sample_pdf):
    data = form_data(client, sample_pdf)
    data["identity_document"] = SimpleUploadedFile(
        "ktp.jpg", images.jpeg_with_gps(), content_type="image/jpeg"
    )
    response = client.post(FORM_URL, data)
    assert response.status_code == 302
    request = InformationRequest.objects.get()
    assert request.identity_document_type == "image/jpeg"
    with request.identity_document.open("rb") as handle:
        content = handle.read()
    assert not images.has_author_metadata(content)
    picture = Image.open(io.BytesIO(content))
    assert dict(picture.getexif()) == {}
    assert picture.size == (20, 40)
