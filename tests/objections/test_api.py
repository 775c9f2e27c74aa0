"""/api/v1/objections/: filing (201 / 400), status (privacy), officers' answers."""

import pytest
import time_machine
from rest_framework.test import APIClient

from apps.accounts.tokens import api_token_issue
from apps.objections.models import Objection
from tests.info_requests.factories import VALID_NIK
from tests.objections.factories import ObjectionFactory

URL = "/api/v1/objections/"


@pytest.fixture
def api():
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def objection(units):
    """An objection about a refused request of Dinas Kesehatan (built, not filed:
    filing is TestFile's)."""
    return ObjectionFactory(request__unit=units["dinkes"])


@pytest.fixture
def in_window():
    with time_machine.travel("2026-03-17 10:00 +0800", tick=False):
        yield


def body(request, **overrides):
    data = {
        "registration_number": request.registration_number,
        "contact": "budi@example.com",
        "grounds": ["a"],
        "reason": "Informasi ini bukan rahasia.",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
@pytest.mark.usefixtures("in_window")
class TestFile:
    def test_created(self, api, refused):
        response = api.post(URL, body(refused, grounds=["a", "e"]), format="json")
        assert response.status_code == 201, response.json()
        data = response.json()
        objection = Objection.objects.get()
        assert data["objection_number"] == objection.number
        assert data["due_date"] == "2026-05-07"

    @pytest.mark.parametrize(
        ("overrides", "field", "text"),
        [
            ({"grounds": ["f"]}, "grounds", "cannot apply"),
            ({"grounds": ["z"]}, "grounds", ""),
            ({"grounds": []}, "grounds", ""),
            ({"reason": ""}, "reason", ""),
            ({"contact": "x@example.com"}, "registration_number", "No request"),
            ({"contact": ""}, "contact", ""),
            ({"registration_number": "", "grounds": ["a"]}, "registration_number", ""),
            ({"representative_name": "Sutrisno"}, "power_of_attorney", ""),
        ],
    )
    def test_bad_input_is_400_with_a_message(
        self, api, refused, overrides, field, text
    ):
        response = api.post(URL, body(refused, **overrides), format="json")
        assert response.status_code == 400
        messages = response.json()[field]
        assert messages
        assert text in " ".join(messages)
        assert not Objection.objects.exists()

    def test_window_closed(self, api, refused):
        with time_machine.travel("2026-05-06 10:00 +0800", tick=False):
            response = api.post(URL, body(refused), format="json")
        assert response.status_code == 400
        assert "closed on 2026-05-05" in " ".join(response.json()["grounds"])

    def test_pending_objection(self, api, refused, file_objection):
        file_objection(refused)
        response = api.post(URL, body(refused, grounds=["d"]), format="json")
        assert response.status_code == 400
        assert response.json()["code"] == "objection_pending"

    def test_ground_b_with_identity(self, api, units, sample_pdf):
        from django.core.files.uploadedfile import SimpleUploadedFile

        response = api.post(
            URL,
            {
                "grounds": ["b"],
                "reason": "LKPD belum diumumkan.",
                "name": "Siti Aminah",
                "nik": VALID_NIK,
                "address": "Jl. Pendidikan 4",
                "phone": "0813 4567 8901",
                "identity_document": SimpleUploadedFile("ktp.pdf", sample_pdf),
            },
            format="multipart",
        )
        assert response.status_code == 201, response.json()
        assert Objection.objects.get().request is None

    def test_ground_b_without_identity(self, api, db):
        response = api.post(URL, {"grounds": ["b"], "reason": "x"}, format="json")
        assert response.status_code == 400
        assert {"name", "address", "identity_document"} <= set(response.json())

    def test_anonymous_callers_are_throttled(self, api, refused, settings):
        settings.PUBLIC_FORM_RATE = "2/h"
        codes = [
            api.post(URL, body(refused, grounds=["z"]), format="json").status_code
            for _ in range(3)
        ]
        assert codes == [400, 400, 429]


@pytest.mark.django_db
class TestStatus:
    def test_public_status_has_no_personal_data(self, api, objection):
        response = api.get(
            URL + "status/",
            {"objection_number": objection.number, "contact": "0812 3456 7890"},
        )
        assert response.status_code == 200
        data = response.json()
        assert data["number"] == objection.number
        assert data["grounds"] == ["a"]
        text = str(data)
        for value in ["Budi", VALID_NIK, "budi@example.com", "+62812", "Yos Sudarso"]:
            assert value not in text

    def test_same_404_for_either_mistake(self, api, objection):
        wrong_number = api.get(
            URL + "status/",
            {"objection_number": "OBJ-2026-09999", "contact": "budi@example.com"},
        )
        wrong_contact = api.get(
            URL + "status/",
            {"objection_number": objection.number, "contact": "x@example.com"},
        )
        assert wrong_number.status_code == wrong_contact.status_code == 404
        assert wrong_number.json() == wrong_contact.json()

    def test_post_keeps_the_contact_out_of_the_url(self, api, objection):
        response = api.post(
            URL + "status/",
            {"objection_number": objection.number, "contact": "budi@example.com"},
            format="json",
        )
        assert response.status_code == 200
        assert response.json()["number"] == objection.number
        assert "no-store" in response["Cache-Control"]
        missing = api.post(URL + "status/", {"objection_number": objection.number})
        assert missing.status_code == 400
        assert "contact" in missing.json()

    def test_lookups_share_one_budget_with_the_other_case_kinds(
        self, api, objection, settings
    ):
        settings.PUBLIC_FORM_RATE = "3/h"
        guess = {"contact": "guess@example.org"}
        codes = [
            api.post(
                "/api/v1/requests/status/", {**guess, "registration_number": "X"}
            ).status_code,
            api.post(
                "/api/v1/complaints/status/", {**guess, "tracking_number": "X"}
            ).status_code,
            api.post(
                URL + "status/", {**guess, "objection_number": objection.number}
            ).status_code,
            api.post(
                URL + "status/",
                {"objection_number": objection.number, "contact": "budi@example.com"},
            ).status_code,
        ]
        assert codes == [404, 404, 404, 429]


def auth(api, user):
    token = api_token_issue(user=user)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api


@pytest.mark.django_db
class TestOfficers:
    def test_anonymous_cannot_list(self, api, db):
        response = api.get(URL)
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"

    def test_atasan_decides(self, api, objection, atasan):
        response = auth(api, atasan).post(
            f"{URL}{objection.number}/decide/",
            {"outcome": "upheld", "release_ordered": "Salinan lengkap"},
            format="json",
        )
        assert response.status_code == 200, response.json()
        assert response.json()["status"] == "release_ordered"
        objection.request.refresh_from_db()
        assert objection.request.status == "reopened"

    def test_affirmed_without_reasons_is_400(self, api, objection, atasan):
        response = auth(api, atasan).post(
            f"{URL}{objection.number}/decide/", {"outcome": "affirmed"}, format="json"
        )
        assert response.status_code == 400
        assert "reasons" in response.json()

    def test_ppid_cannot_decide(self, api, objection, utama, pelaksana):
        for officer in (utama, pelaksana):
            response = auth(APIClient(), officer).post(
                f"{URL}{objection.number}/decide/",
                {"outcome": "affirmed", "reasons": "x"},
                format="json",
            )
            assert response.status_code == 403
        objection.refresh_from_db()
        assert objection.status == "received"

    def test_pelaksana_records_release_of_own_unit(
        self, api, objection, atasan, pelaksana, officer, units
    ):
        from apps.accounts.roles import Role
        from apps.objections import services

        services.objection_decide(
            objection=objection, actor=atasan, outcome="upheld", release_ordered="x"
        )
        other = officer(Role.PPID_PELAKSANA, units=[units["bpbd"]], username="bpbd")
        assert (
            auth(APIClient(), other)
            .post(f"{URL}{objection.number}/release/")
            .status_code
            == 404
        )
        response = auth(api, pelaksana).post(f"{URL}{objection.number}/release/")
        assert response.status_code == 200
        assert response.json()["status"] == "released"
        listing = api.get(URL).json()
        assert [row["number"] for row in listing["results"]] == [objection.number]
