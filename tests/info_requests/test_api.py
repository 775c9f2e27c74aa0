"""Public API of requests: submit (anonymous and officers) and status lookup."""

import datetime as dt
import json
import uuid

import pytest
from rest_framework.test import APIClient

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from apps.accounts.tokens import api_token_issue
from apps.info_requests.models import Channel, InformationRequest, Status
from apps.info_requests.services import compute_due_dates
from tests.info_requests.factories import VALID_NIK, InformationRequestFactory

URL = "/api/v1/requests/"
STATUS_URL = "/api/v1/requests/status/"


@pytest.fixture
def api():
    # Indonesian is the default language; the English messages are asserted here.
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


def token_client(user) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    token = api_token_issue(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def payload(**overrides) -> dict:
    data = {
        "applicant_type": "individual",
        "name": "Siti Rahmawati",
        "nik": VALID_NIK,
        "address": "Jl. Pendidikan No. 7, Sangatta",
        "phone": "0812 3456 7890",
        "email": "siti@example.com",
        "occupation": "Peneliti",
        "information_requested": "Laporan realisasi anggaran 2025",
        "purpose": "Penelitian",
        "access_method": "copy",
        "copy_format": "softcopy",
        "delivery_method": "email",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.django_db
class TestSubmit:
    def test_json_submit_registers_the_request(self, api, units):
        response = api.post(URL, payload(unit="dinkes"), format="json")
        assert response.status_code == 201, response.content
        body = response.json()
        created = InformationRequest.objects.get()
        assert body["registration_number"] == created.registration_number
        assert body["status"] == "received"
        assert body["due_date"] == created.due_date.isoformat()
        assert dt.date.fromisoformat(body["due_date"]) > created.received_at.date()
        assert body["received_at"]
        assert body["status_url"].startswith("http")
        assert created.unit == units["dinkes"]
        assert created.channel == Channel.WEB
        assert created.recorded_by is None
        assert created.phone == "+6281234567890"

    def test_multipart_with_files_stores_them_encrypted(
        self, api, units, sample_png, sample_pdf
    ):
        data = payload(
            applicant_type="community_group",
            nik="",
            representative_name="Andi (kuasa)",
            identity_document=SimpleUploadedFile("ktp.png", sample_png),
            power_of_attorney=SimpleUploadedFile("kuasa.pdf", sample_pdf),
        )
        response = api.post(URL, data, format="multipart")
        assert response.status_code == 201, response.content
        created = InformationRequest.objects.get()
        assert created.identity_document_type == "image/png"
        assert created.power_of_attorney_type == "application/pdf"
        with open(created.identity_document.path, "rb") as raw:
            assert raw.read() != sample_png  # encrypted at rest
        assert created.identity_document.read() == sample_png

    def test_receipt_email_is_sent(
        self, api, units, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = api.post(URL, payload(), format="json")
        assert response.status_code == 201
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["siti@example.com"]
        assert response.json()["registration_number"] in message.subject + message.body
        assert message.attachments[0][2] == "application/pdf"


BAD_INPUT = [
    ("missing name", {"name": None}, "name", "required"),
    ("missing address", {"address": None}, "address", "required"),
    ("missing purpose", {"purpose": None}, "purpose", "required"),
    ("missing request", {"information_requested": ""}, "information_requested", ""),
    ("bad applicant type", {"applicant_type": "robot"}, "applicant_type", "valid"),
    ("individual without NIK", {"nik": ""}, "nik", "NIK"),
    ("NIK of 15 digits", {"nik": "640801120385000"}, "nik", "16 digits"),
    ("NIK bad province", {"nik": "9908011203850001"}, "nik", "province"),
    ("NIK bad birth date", {"nik": "6408013213850001"}, "nik", "date of birth"),
    ("invalid phone", {"phone": "12ab"}, "phone", "phone number"),
    ("both contacts missing", {"phone": "", "email": ""}, "email", "phone number"),
    ("bad e-mail", {"email": "not-an-email"}, "email", "email"),
    ("copy without format", {"copy_format": ""}, "copy_format", "softcopy"),
    ("copy without delivery", {"delivery_method": ""}, "delivery_method", "receive"),
    ("bad access method", {"access_method": "steal"}, "access_method", "valid"),
    ("unknown unit", {"unit": "atlantis"}, "unit", "atlantis"),
    ("unit as a number", {"unit": 12}, "unit", "12"),
    ("legal entity without decree", {"applicant_type": "legal_entity"}, "", ""),
    ("group without attorney", {"applicant_type": "community_group"}, "", ""),
    ("name as a list", {"name": ["a", "b"]}, "name", "string"),
    ("NUL character", {"purpose": "abc\x00def"}, "purpose", "NUL"),
    ("channel from the public", {"channel": "walk_in"}, "channel", "officers"),
    (
        "received_at from the public",
        {"received_at": "2026-01-05T09:00:00+08:00"},
        "received_at",
        "officers",
    ),
    ("identity document as text", {"identity_document": "x"}, "identity_document", ""),
]


@pytest.mark.django_db
class TestSubmitBadInput:
    @pytest.mark.parametrize(
        ("overrides", "field", "fragment"),
        [case[1:] for case in BAD_INPUT],
        ids=[case[0] for case in BAD_INPUT],
    )
    def test_json_bad_input_is_a_400_per_field(
        self, api, units, overrides, field, fragment
    ):
        data = payload(**overrides)
        for key, value in overrides.items():
            if value is None:
                data.pop(key, None)
        if overrides.get("applicant_type") == "legal_entity":
            field, fragment = "legal_entity_decree", "decree"
        if overrides.get("applicant_type") == "community_group":
            field, fragment = "representative_name", "attorney"
        response = api.post(URL, data, format="json")
        assert response.status_code == 400, response.content
        errors = response.json()
        assert field in errors, errors
        assert fragment.lower() in " ".join(errors[field]).lower()
        assert not InformationRequest.objects.exists()

    def test_several_field_errors_come_together(self, api, units):
        response = api.post(
            URL, payload(name="", nik="123", phone="xx", unit="nope"), format="json"
        )
        assert response.status_code == 400
        assert {"name", "nik", "phone", "unit"} <= set(response.json())

    def test_malformed_json(self, api, units):
        response = api.post(
            URL, data='{"name": "Siti",', content_type="application/json"
        )
        assert response.status_code == 400
        assert "JSON" in response.json()["detail"]

    def test_json_array_body(self, api, units):
        response = api.post(URL, data="[1, 2]", content_type="application/json")
        assert response.status_code == 400
        assert not InformationRequest.objects.exists()

    def test_bad_file_type(self, api, units):
        data = payload(
            identity_document=SimpleUploadedFile("ktp.pdf", b"just some text, no pdf")
        )
        response = api.post(URL, data, format="multipart")
        assert response.status_code == 400
        assert "not accepted" in response.json()["identity_document"][0]
        assert not InformationRequest.objects.exists()

    def test_empty_file(self, api, units):
        data = payload(power_of_attorney=SimpleUploadedFile("kuasa.pdf", b""))
        response = api.post(URL, data, format="multipart")
        assert response.status_code == 400
        assert "power_of_attorney" in response.json()

    def test_oversized_file(self, api, units, settings, sample_pdf):
        settings.MAX_UPLOAD_SIZE_MB = 1
        big = sample_pdf + b"\n%" + b"0" * (1024 * 1024)
        data = payload(identity_document=SimpleUploadedFile("ktp.pdf", big))
        response = api.post(URL, data, format="multipart")
        assert response.status_code == 400
        assert "larger than 1 MB" in response.json()["identity_document"][0]

    def test_bad_input_keeps_messages_in_indonesian(self, api, units):
        response = api.post(
            URL, payload(nik="12"), format="json", HTTP_ACCEPT_LANGUAGE="id"
        )
        assert response.status_code == 400
        assert "16 angka" in response.json()["nik"][0]
        assert "must be" not in response.json()["nik"][0]


@pytest.mark.django_db
class TestOfficerIntake:
    def test_officer_records_walk_in_with_past_received_at(self, units, officer):
        desk = officer("Petugas Layanan")
        response = token_client(desk).post(
            URL,
            payload(channel="walk_in", received_at="2026-03-02T09:00:00+08:00"),
            format="json",
        )
        assert response.status_code == 201, response.content
        created = InformationRequest.objects.get()
        assert created.channel == Channel.WALK_IN
        assert created.recorded_by == desk
        assert created.received_at == dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)
        expected_due, _ = compute_due_dates(
            received_at=created.received_at, extended=False
        )
        assert response.json()["due_date"] == expected_due.isoformat()
        assert response.json()["channel"] == "walk_in"

    def test_future_received_at_is_refused(self, units, officer):
        desk = officer("Petugas Layanan")
        response = token_client(desk).post(
            URL, payload(received_at="2099-01-01T09:00:00+08:00"), format="json"
        )
        assert response.status_code == 400
        assert "future" in response.json()["received_at"][0]

    def test_received_at_without_offset_is_refused(self, units, officer):
        desk = officer("Petugas Layanan")
        response = token_client(desk).post(
            URL, payload(received_at="2026-03-02T09:00:00"), format="json"
        )
        assert response.status_code == 400
        assert "offset" in response.json()["received_at"][0]

    def test_received_at_not_a_date(self, units, officer):
        desk = officer("Petugas Layanan")
        response = token_client(desk).post(
            URL, payload(received_at="yesterday"), format="json"
        )
        assert response.status_code == 400
        assert "received_at" in response.json()

    def test_officer_without_add_permission_may_not_set_channel(self, units, officer):
        atasan = officer("Atasan PPID")
        response = token_client(atasan).post(
            URL, payload(channel="letter"), format="json"
        )
        assert response.status_code == 400
        assert "officers" in response.json()["channel"][0]


@pytest.mark.django_db
class TestThrottleAndIdempotency:
    def test_anonymous_callers_get_429_past_the_rate(self, api, units, settings):
        settings.PUBLIC_FORM_RATE = "2/h"
        codes = [api.post(URL, payload(), format="json").status_code for _ in range(3)]
        assert codes == [201, 201, 429]
        assert InformationRequest.objects.count() == 2

    def test_officers_are_not_throttled(self, units, settings, officer):
        settings.PUBLIC_FORM_RATE = "1/h"
        client = token_client(officer("Petugas Layanan"))
        codes = [
            client.post(URL, payload(), format="json").status_code for _ in range(3)
        ]
        assert codes == [201, 201, 201]

    def test_idempotency_key_makes_a_resent_post_create_one_request(self, api, units):
        key = str(uuid.uuid4())
        first = api.post(URL, payload(), format="json", HTTP_IDEMPOTENCY_KEY=key)
        second = api.post(URL, payload(), format="json", HTTP_IDEMPOTENCY_KEY=key)
        assert first.status_code == second.status_code == 201
        assert (
            first.json()["registration_number"] == second.json()["registration_number"]
        )
        assert InformationRequest.objects.count() == 1
        # Stored bound to this client (tests/core/test_submission_keys.py).
        assert InformationRequest.objects.get().submission_key is not None
        third = api.post(
            URL, payload(), format="json", HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4())
        )
        assert (
            third.json()["registration_number"] != first.json()["registration_number"]
        )

    def test_idempotency_key_must_be_a_uuid(self, api, units):
        response = api.post(
            URL, payload(), format="json", HTTP_IDEMPOTENCY_KEY="twice-please"
        )
        assert response.status_code == 400
        assert "UUID" in response.json()["Idempotency-Key"][0]


PERSONAL = {
    "name": "Zulkarnain Pribadi",
    "nik": "6408014507900002",
    "address": "Jl. Rahasia Nomor 99",
    "phone": "+6281299998888",
    "email": "zulkarnain.pribadi@example.org",
}


@pytest.mark.django_db
class TestStatus:
    @pytest.fixture
    def case(self, units):
        return InformationRequestFactory(
            registration_number="PPID-KUTIM-2026-00042",
            unit=units["dinkes"],
            **PERSONAL,
        )

    def test_status_by_email_has_no_personal_data(self, api, case):
        response = api.get(
            STATUS_URL,
            {"registration_number": case.registration_number, "contact": case.email},
        )
        assert response.status_code == 200
        body = response.json()
        assert body["status"] == "received"
        assert body["status_display"]
        assert body["due_date"] == case.due_date.isoformat()
        assert body["extended_due_date"] is None
        assert body["outcome"] == ""
        assert isinstance(body["timeline"], list)
        text = response.content.decode()
        for key, value in PERSONAL.items():
            assert key not in body
            assert value not in text
        assert "81299998888" not in text
        assert "no-store" in response["Cache-Control"]

    def test_status_by_phone_in_local_format_and_lower_case_number(self, api, case):
        response = api.get(
            STATUS_URL,
            {
                "registration_number": case.registration_number.lower(),
                "contact": "0812-9999-8888",
            },
        )
        assert response.status_code == 200

    def test_timeline_follows_the_audit_trail(self, api, case, officer):
        from apps.info_requests.services import information_request_assign

        utama = officer("PPID Utama")
        information_request_assign(info_request=case, unit=case.unit, actor=utama)
        body = api.get(
            STATUS_URL,
            {"registration_number": case.registration_number, "contact": case.email},
        ).json()
        assert body["status"] == Status.IN_PROCESS
        assert body["timeline"][-1]["status"] == "in_process"
        assert set(body["timeline"][-1]) == {"at", "status", "status_display", "note"}
        assert utama.username not in json.dumps(body)

    def test_wrong_number_and_wrong_contact_give_the_same_404(self, api, case):
        wrong_contact = api.get(
            STATUS_URL,
            {
                "registration_number": case.registration_number,
                "contact": "someone@else.org",
            },
        )
        wrong_number = api.get(
            STATUS_URL,
            {"registration_number": "PPID-KUTIM-2026-99999", "contact": case.email},
        )
        assert wrong_contact.status_code == wrong_number.status_code == 404
        assert wrong_contact.content == wrong_number.content

    def test_missing_parameters(self, api, case):
        response = api.get(STATUS_URL)
        assert response.status_code == 400
        assert {"registration_number", "contact"} <= set(response.json())

    def test_post_keeps_the_contact_out_of_the_url(self, api, case):
        response = api.post(
            STATUS_URL,
            {"registration_number": case.registration_number, "contact": case.phone},
            format="json",
        )
        assert response.status_code == 200
        assert response.json()["registration_number"] == case.registration_number

    def test_lookups_are_throttled(self, api, case, settings):
        settings.PUBLIC_FORM_RATE = "3/h"
        query = {"registration_number": "X", "contact": "guess@example.org"}
        codes = [api.get(STATUS_URL, query).status_code for _ in range(4)]
        assert codes == [404, 404, 404, 429]


@pytest.mark.django_db
def test_schema_documents_every_endpoint(api):
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    for path in (
        "/api/v1/requests/",
        "/api/v1/requests/status/",
        "/api/v1/requests/{registration_number}/",
        "/api/v1/requests/{registration_number}/extend/",
        "/api/v1/requests/{registration_number}/decide/",
        "/api/v1/requests/{registration_number}/assign/",
        "/api/v1/requests/{registration_number}/letter/",
    ):
        assert path in schema["paths"], path
    submit = schema["paths"]["/api/v1/requests/"]["post"]
    assert {"application/json", "multipart/form-data"} <= set(
        submit["requestBody"]["content"]
    )


@pytest.mark.django_db
def test_whole_schema_validates_without_any_warning(tmp_path):
    """The OpenAPI document of every app validates with warnings treated as errors."""
    call_command(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--file",
        str(tmp_path / "schema.yml"),
    )
    text = (tmp_path / "schema.yml").read_text()
    assert "/api/v1/requests/status/:" in text
    assert "RequestStatusEnum" in text
    assert "ComplaintStatusEnum" in text
