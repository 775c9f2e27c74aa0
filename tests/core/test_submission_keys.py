"""A resent submission key (Idempotency-Key, a form's hidden key) returns the
receipt only to the client that created it; another client with the same key gets
a fresh submission of its own."""

import re
import uuid

import pytest
from rest_framework.test import APIClient

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from apps.complaints.models import Complaint
from apps.core.tracking import read_status_token
from apps.info_requests.models import InformationRequest
from apps.objections.models import Objection
from tests.complaints.test_views import form_data as complaint_form
from tests.info_requests.factories import VALID_NIK
from tests.info_requests.test_api import payload as request_payload
from tests.info_requests.test_views import form_data as request_form

OWNER = "198.51.100.10"
OTHER = "198.51.100.20"


def _api(address):
    return APIClient(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.django_db
class TestApi:
    def test_request_receipt_only_for_its_client(self, units):
        key = str(uuid.uuid4())
        first = _api(OWNER).post(
            "/api/v1/requests/",
            request_payload(),
            format="json",
            HTTP_IDEMPOTENCY_KEY=key,
        )
        stolen = _api(OTHER).post(
            "/api/v1/requests/",
            request_payload(name="Penyerang"),
            format="json",
            HTTP_IDEMPOTENCY_KEY=key,
        )
        resent = _api(OWNER).post(
            "/api/v1/requests/",
            request_payload(),
            format="json",
            HTTP_IDEMPOTENCY_KEY=key,
        )
        assert first.status_code == stolen.status_code == resent.status_code == 201
        receipt, again = first.json(), resent.json()
        # The links are signed anew (a timestamped signature), for the same case.
        links = ("receipt_url", "status_url")
        assert {k: v for k, v in again.items() if k not in links} == {
            k: v for k, v in receipt.items() if k not in links
        }
        for link in links:
            assert _case_of(again[link]) == _case_of(receipt[link])
            assert _case_of(receipt[link]) == receipt["registration_number"]
        other = stolen.json()
        assert other["registration_number"] != receipt["registration_number"]
        assert receipt["receipt_url"] not in stolen.content.decode()
        assert receipt["status_url"] not in stolen.content.decode()
        assert InformationRequest.objects.count() == 2

    def test_complaint_receipt_only_for_its_client(self):
        body = {
            "title": "Pungutan liar",
            "description": "Diminta uang saat mengurus surat.",
            "reporter_name": "Budi Santoso",
            "reporter_email": "budi.santoso@example.com",
        }
        key = "retry-7f3a"
        first = _api(OWNER).post(
            "/api/v1/complaints/", body, format="json", HTTP_IDEMPOTENCY_KEY=key
        )
        stolen = _api(OTHER).post(
            "/api/v1/complaints/", body, format="json", HTTP_IDEMPOTENCY_KEY=key
        )
        resent = _api(OWNER).post(
            "/api/v1/complaints/", body, format="json", HTTP_IDEMPOTENCY_KEY=key
        )
        assert first.status_code == 201, first.content
        assert stolen.status_code == 201
        assert stolen.json()["tracking_number"] != first.json()["tracking_number"]
        assert "duplicate" not in stolen.json()
        assert resent.status_code == 200
        assert resent.json()["tracking_number"] == first.json()["tracking_number"]
        assert Complaint.objects.count() == 2


def _case_of(url: str) -> str | None:
    return read_status_token(url.rstrip("/").rsplit("/", 1)[-1], kind="request")


def _location(response) -> str:
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def _number(response, kind: str) -> str:
    """The case number behind the confirmation page a submission redirects to."""
    token = _location(response).rstrip("/").rsplit("/", 1)[-1]
    number = read_status_token(token, kind=kind)
    assert number
    return number


@pytest.mark.django_db
class TestWebForms:
    def test_request_form(self, units, sample_pdf):
        owner = Client(REMOTE_ADDR=OWNER)
        data = request_form(owner, sample_pdf)
        receipt = _number(owner.post("/permohonan/ajukan/", data), "request")
        # Another browser (even from the same address) posting the same key.
        stranger = Client(REMOTE_ADDR=OWNER)
        stranger.get("/permohonan/ajukan/")
        again = request_form(owner, sample_pdf, submission_key=data["submission_key"])
        elsewhere = _number(stranger.post("/permohonan/ajukan/", again), "request")
        assert elsewhere != receipt
        resent = request_form(owner, sample_pdf, submission_key=data["submission_key"])
        assert _number(owner.post("/permohonan/ajukan/", resent), "request") == receipt
        assert InformationRequest.objects.count() == 2

    def test_objection_form(self, units, sample_pdf):
        url = "/keberatan/ajukan/informasi-berkala/"

        def data(client, key=None):
            html = client.get(url).content.decode()
            found = re.search(r'name="submission_key" value="([^"]+)"', html).group(1)
            return {
                "applicant_type": "individual",
                "name": "Siti Aminah",
                "nik": VALID_NIK,
                "address": "Jl. Pendidikan 4",
                "email": "siti@example.com",
                "identity_document": SimpleUploadedFile("ktp.pdf", sample_pdf),
                "unit": "dinkes",
                "grounds": ["b"],
                "reason": "LKPD belum diumumkan.",
                "submission_key": key or found,
            }

        owner, stranger = Client(REMOTE_ADDR=OWNER), Client(REMOTE_ADDR=OTHER)
        first = data(owner)
        receipt = _number(owner.post(url, first), "objection")
        key = first["submission_key"]
        assert _number(stranger.post(url, data(stranger, key)), "objection") != receipt
        assert _number(owner.post(url, data(owner, key)), "objection") == receipt
        assert Objection.objects.count() == 2

    def test_complaint_form(self):
        owner, stranger = Client(REMOTE_ADDR=OWNER), Client(REMOTE_ADDR=OTHER)
        receipt = _location(owner.post("/pengaduan/ajukan/", complaint_form()))
        elsewhere = _location(stranger.post("/pengaduan/ajukan/", complaint_form()))
        assert elsewhere != receipt
        assert _location(owner.post("/pengaduan/ajukan/", complaint_form())) == receipt
        assert Complaint.objects.count() == 2
