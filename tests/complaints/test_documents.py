"""The complaint receipt is an official document: Indonesian whatever language the
reporter's browser asks for."""

import pytest

from apps.complaints.models import Complaint
from tests.pdfs import english_in, pdf_text

from .test_views import form_data

pytestmark = pytest.mark.django_db


def test_receipt_for_an_english_browser(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.post("/pengaduan/ajukan/", form_data())
    complaint = Complaint.objects.get()
    response = client.get(f"/pengaduan/terkirim/{complaint.number}/tanda-terima.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "TANDA TERIMA PENGADUAN" in text
    assert f"Nomor registrasi {complaint.number}" in text
    assert english_in(text) == []
