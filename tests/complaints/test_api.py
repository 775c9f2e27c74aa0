import pytest

from apps.accounts.tokens import api_token_issue
from apps.complaints import services
from apps.complaints.models import Complaint, Status

from .conftest import IDENTITY_VALUES
from .factories import ComplaintFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/complaints/"
BODY = {
    "title": "Antrean terlalu lama",
    "description": "Loket buka terlambat.",
    "reporter_name": "Budi Santoso",
    "reporter_phone": "0812 5400 1234",
    "reporter_email": "budi.santoso@example.com",
}


def token_client(client, user):
    token = api_token_issue(user=user)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {token}"
    return client


class TestPublicApi:
    def test_submit_returns_number_and_status(self, client):
        response = client.post(URL, BODY, content_type="application/json")
        assert response.status_code == 201
        assert response.json() == {
            "tracking_number": Complaint.objects.get().number,
            "status": "received",
        }

    def test_anonymous_gets_secret_code_which_opens_status(self, client):
        response = client.post(
            URL,
            {"title": "Pungli", "description": "Oknum.", "is_anonymous": True},
            content_type="application/json",
        )
        body = response.json()
        assert response.status_code == 201
        assert "secret_code" in body
        status = client.get(
            URL + "status/",
            {
                "tracking_number": body["tracking_number"],
                "contact": body["secret_code"],
            },
        )
        assert status.status_code == 200
        assert status.json()["status"] == "received"

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"title": ""}, "title"),
            ({"description": ""}, "description"),
            ({"reporter_nik": "123"}, "reporter_nik"),
            ({"reporter_phone": "xx"}, "reporter_phone"),
            ({"reporter_email": "nope"}, "reporter_email"),
            ({"classification": "gossip"}, "classification"),
            ({"unit": "no-such-unit"}, "unit"),
            ({"latitude": 100, "longitude": 1}, "latitude"),
            ({"latitude": 1}, "latitude"),
            ({"channel": "phone"}, "channel"),
            ({"received_at": "2026-03-01T10:00:00+08:00"}, "received_at"),
        ],
    )
    def test_bad_input_400_per_field(self, client, overrides, field):
        response = client.post(
            URL, {**BODY, **overrides}, content_type="application/json"
        )
        assert response.status_code == 400
        assert field in response.json()
        assert Complaint.objects.count() == 0

    def test_idempotency_key(self, client):
        first = client.post(
            URL, BODY, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1"
        )
        second = client.post(
            URL, BODY, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1"
        )
        assert (first.status_code, second.status_code) == (201, 200)
        assert first.json()["tracking_number"] == second.json()["tracking_number"]
        assert Complaint.objects.count() == 1

    def test_throttled(self, client, settings):
        settings.PUBLIC_FORM_RATE = "2/h"
        codes = [
            client.post(URL, BODY, content_type="application/json").status_code
            for _ in range(3)
        ]
        assert codes == [201, 201, 429]

    def test_status_same_404_and_no_identity(self, client):
        complaint = ComplaintFactory()
        wrong_number = client.get(
            URL + "status/",
            {"tracking_number": "CMP-2026-99999", "contact": complaint.reporter_email},
        )
        wrong_contact = client.get(
            URL + "status/", {"tracking_number": complaint.number, "contact": "x@y.id"}
        )
        assert wrong_number.status_code == wrong_contact.status_code == 404
        assert wrong_number.json() == wrong_contact.json()
        ok = client.get(
            URL + "status/",
            {"tracking_number": complaint.number, "contact": "+62 812-5400-1234"},
        )
        assert ok.status_code == 200
        for value in IDENTITY_VALUES:
            assert value not in ok.content.decode()

    def test_status_by_post_with_the_secret_code(self, client):
        result = services.complaint_submit(
            title="Lampu padam", description="x", is_anonymous=True
        )
        response = client.post(
            URL + "status/",
            {"tracking_number": result.complaint.number, "contact": result.secret_code},
            content_type="application/json",
        )
        assert response.status_code == 200
        assert response.json()["number"] == result.complaint.number

    def test_officer_list_needs_auth(self, client):
        response = client.get(URL)
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"


class TestOfficerApi:
    def test_officer_may_set_channel_and_earlier_receipt(self, client, desk):
        response = token_client(client, desk).post(
            URL,
            {**BODY, "channel": "whatsapp", "received_at": "2026-03-02T09:00:00+08:00"},
            content_type="application/json",
        )
        assert response.status_code == 201
        complaint = Complaint.objects.get()
        assert complaint.channel == "whatsapp"
        assert complaint.recorded_by == desk

    def test_future_receipt_refused(self, client, desk):
        response = token_client(client, desk).post(
            URL,
            {**BODY, "channel": "phone", "received_at": "2099-03-02T09:00:00+08:00"},
            content_type="application/json",
        )
        assert response.status_code == 400
        assert "received_at" in response.json()

    def test_workflow_steps_and_scope(self, client, lead, unit_officer, units):
        complaint = ComplaintFactory(unit=units["dinkes"], confidential=True)
        other = ComplaintFactory(unit=units["bpbd"])
        api = token_client(client, lead)
        base = f"{URL}{complaint.number}/"
        assert (
            api.post(base + "verify/", {}, content_type="application/json").json()[
                "status"
            ]
            == Status.VERIFIED
        )
        detail = api.get(base).json()
        assert detail["reporter"] == "Budi Santoso"  # the PPID Utama sees it
        assert (
            api.post(base + "forward/", {}, content_type="application/json").status_code
            == 200
        )
        refused = api.post(base + "resolve/", {}, content_type="application/json")
        assert refused.status_code == 400
        assert refused.json()["code"] == "transition_not_allowed"

        client.defaults.pop("HTTP_AUTHORIZATION")
        unit_api = token_client(client, unit_officer)
        listing = unit_api.get(URL).json()
        numbers = [row["number"] for row in listing["results"]]
        assert complaint.number in numbers
        assert other.number not in numbers
        detail = unit_api.get(base).json()
        assert detail["reporter"] != "Budi Santoso"
        for value in IDENTITY_VALUES:
            assert value not in str(detail)
        assert (
            unit_api.post(
                base + "verify/", {}, content_type="application/json"
            ).status_code
            == 403
        )
        assert unit_api.get(f"{URL}{other.number}/").status_code == 404
        done = unit_api.post(
            base + "follow-up/",
            {"text": "Sudah diperbaiki."},
            content_type="application/json",
        )
        assert done.status_code == 200
        assert done.json()["status"] == "followed_up"
        bad = unit_api.post(
            base + "follow-up/", {"text": ""}, content_type="application/json"
        )
        assert bad.status_code == 400

    def test_reject_bad_input(self, client, lead):
        complaint = ComplaintFactory()
        api = token_client(client, lead)
        response = api.post(
            f"{URL}{complaint.number}/reject/",
            {"reason": "out_of_authority", "note": "Bukan kami."},
            content_type="application/json",
        )
        assert response.status_code == 400
        assert "belongs_to" in response.json()
