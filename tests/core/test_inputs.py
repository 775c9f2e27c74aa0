"""Input no text column can hold is a translated 400, wherever it comes in.

PostgreSQL refuses NUL in text (a 500 before the guard); the guard answers the
same on SQLite, so a site moving between the two behaves alike.
"""

import json

import pytest
from rest_framework.test import APIClient

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from apps.accounts.tokens import api_token_issue
from apps.complaints.models import Complaint
from apps.core.inputs import (
    MAX_JSON_DEPTH,
    JSONTooDeep,
    json_unstorable_path,
    load_json,
)
from apps.core.middleware import InputGuardMiddleware
from apps.info_requests.models import InformationRequest
from tests.info_requests.test_api import payload
from tests.registers.factories import InformationItemFactory

# Indonesian, the default language: "Isian ini memuat karakter yang tidak dapat
# diproses (byte NUL ...)".
REFUSED = "byte NUL"
DEEP = "[" * 100_000 + "]" * 100_000


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def utama_token(officer, units):
    user = officer("PPID Utama", username="utama-token")
    return api_token_issue(user=user)


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


class TestLoadJson:
    def test_depth_up_to_the_bound_is_read(self):
        assert load_json(_nested(MAX_JSON_DEPTH)) == json.loads(_nested(MAX_JSON_DEPTH))
        assert load_json('{"a": {"b": [1, {"c": 2}]}}') == {"a": {"b": [1, {"c": 2}]}}

    @pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 5000, 100_000])
    def test_deeper_is_refused_without_recursion_error(self, depth):
        with pytest.raises(JSONTooDeep):
            load_json(_nested(depth))
        with pytest.raises(JSONTooDeep):
            load_json('{"a": ' * depth + "1" + "}" * depth)

    def test_unstorable_characters_are_found_with_their_path(self):
        assert json_unstorable_path({"name": "Budi"}) is None
        assert json_unstorable_path({"name": "Bu\x00di"}) == "name"
        assert json_unstorable_path({"a": {"grounds": ["b", "\ud800"]}}) == (
            "a.grounds.1"
        )
        assert json_unstorable_path({"na\x00me": "x"}) == "name"
        assert json_unstorable_path("\x00") == ""


@pytest.mark.django_db
class TestApiRefusesNul:
    def test_in_a_json_field_of_the_request_form(self, api, units):
        response = api.post(
            "/api/v1/requests/", payload(unit="din\x00kes"), format="json"
        )
        assert response.status_code == 400
        assert REFUSED in response.json()["unit"][0]
        assert not InformationRequest.objects.exists()

    def test_escaped_in_json_and_as_a_lone_surrogate(self, api, units):
        for text in ['"Budi\\u0000"', '"Budi\\ud800"']:
            body = json.dumps(payload())[:-1] + f', "occupation": {text}}}'
            response = api.post(
                "/api/v1/requests/", body, content_type="application/json"
            )
            assert response.status_code == 400, text
            assert REFUSED in response.json()["occupation"][0]
        assert not InformationRequest.objects.exists()

    def test_in_a_multipart_field(self, api, units, sample_png):
        upload = SimpleUploadedFile("ktp.png", sample_png, "image/png")
        data = {**payload(unit="din\x00kes"), "identity_document": upload}
        response = api.post("/api/v1/requests/", data, format="multipart")
        assert response.status_code == 400
        assert REFUSED in response.json()["unit"][0]
        response = api.post("/api/v1/complaints/", {"title": "Jalan\x00rusak"})
        assert response.status_code == 400
        assert REFUSED in response.json()["title"][0]
        assert not Complaint.objects.exists()
        assert not InformationRequest.objects.exists()

    def test_in_a_form_encoded_patch(self, api, units, utama_token):
        item = InformationItemFactory(unit=units["dinkes"], published=True)
        api.credentials(HTTP_AUTHORIZATION=f"Token {utama_token}")
        response = api.patch(
            f"/api/v1/information/{item.pk}/",
            "title=RKA%002026",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 400
        assert REFUSED in response.json()["title"][0]
        item.refresh_from_db()
        assert item.title.startswith("Informasi publik")

    def test_in_a_query_parameter(self, api, db):
        response = api.get(
            "/api/v1/complaints/status/?tracking_number=CMP%00&contact=a@b.id"
        )
        assert response.status_code == 400
        assert REFUSED in response.json()["tracking_number"][0]

    def test_in_the_path_and_in_a_header(self, api, utama_token):
        api.credentials(HTTP_AUTHORIZATION=f"Token {utama_token}")
        response = api.get("/api/v1/requests/PPID%00/")
        assert response.status_code == 400
        assert REFUSED in response.json()["detail"]
        api.credentials(HTTP_AUTHORIZATION=f"Token {utama_token[:-1]}\x00")
        response = api.get("/api/v1/requests/")
        assert response.status_code == 400
        assert REFUSED in response.json()["detail"]

    def test_json_nested_100000_deep(self, api, db):
        response = api.post("/api/v1/requests/", DEEP, content_type="application/json")
        assert response.status_code == 400
        assert f"paling banyak {MAX_JSON_DEPTH} tingkat" in response.json()["detail"]


@pytest.mark.django_db
class TestSiteRefusesNul:
    def test_admin_filter(self, client, officer):
        client.force_login(officer("PPID Utama"))
        response = client.get("/admin/info_requests/informationrequest/?status=%00")
        assert response.status_code == 400
        html = response.content.decode()
        assert '<html lang="id" ' in html  # the site's layout, in Indonesian
        assert REFUSED in html
        assert "tombol Kembali" in html

    def test_public_form_field(self, client, db):
        response = client.post("/pengaduan/status/", {"number": "CMP\x00"})
        assert response.status_code == 400
        assert REFUSED in response.content.decode()

    def test_search_query(self, client, db):
        response = client.get("/informasi/", {"q": "anggaran\x00"})
        assert response.status_code == 400

    def test_json_body_of_a_site_view(self, rf):
        """A view outside the API that reads JSON gets it checked too."""

        def view(request):
            raise AssertionError("the guard should have answered")

        guard = InputGuardMiddleware(lambda request: None)
        for body, fragment in [
            ('{"note": "a\\u0000"}', REFUSED),
            (DEEP, f"{MAX_JSON_DEPTH} tingkat"),
        ]:
            request = rf.post("/x/", body, content_type="application/json")
            response = guard.process_view(request, view, (), {})
            assert response.status_code == 400
            assert fragment in response.content.decode()

    def test_clean_input_passes(self, rf):
        guard = InputGuardMiddleware(lambda request: None)
        request = rf.post("/x/?q=anggaran", {"name": "Budi Santoso"})
        assert guard.process_view(request, lambda r: None, (), {}) is None

    def test_webhooks_keep_their_raw_body(self):
        """Signed provider payloads are stored as bytes; the guard leaves them."""
        from apps.channels.views import webhook

        guard = InputGuardMiddleware(lambda request: None)
        request = RequestFactory().post(
            "/webhooks/telegram/",
            '{"text": "a\\u0000"}',
            content_type="application/json",
        )
        assert guard.process_view(request, webhook, (), {"provider": "x"}) is None


@pytest.mark.postgres
@pytest.mark.django_db
class TestTheReportedExamplesOnPostgresql:
    """Each was a DataError (500) on PostgreSQL before the guard."""

    def test_request_unit(self, api, units):
        response = api.post(
            "/api/v1/requests/", payload(unit="din\x00kes"), format="json"
        )
        assert response.status_code == 400

    def test_complaint_status_lookup(self, api, db):
        response = api.get("/api/v1/complaints/status/?tracking_number=CMP%00")
        assert response.status_code == 400

    def test_admin_filter(self, client, officer):
        client.force_login(officer("PPID Utama"))
        response = client.get("/admin/info_requests/informationrequest/?status=%00")
        assert response.status_code == 400

    def test_officer_detail_path(self, api, utama_token):
        api.credentials(HTTP_AUTHORIZATION=f"Token {utama_token}")
        assert api.get("/api/v1/requests/PPID%00/").status_code == 400
