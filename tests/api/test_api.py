import pytest
from rest_framework.permissions import AllowAny
from rest_framework.test import APIClient, APIRequestFactory
from rest_framework.views import APIView

from django.core.management import call_command

from apps.core.errors import ApplicationError
from apps.core.models import BodyProfile


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.django_db
class TestSchemaAndDocs:
    def test_openapi_schema(self, api):
        response = api.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
        assert response.status_code == 200
        schema = response.json()
        assert schema["info"]["title"] == "PPID Portal API"
        assert "/api/v1/units/" in schema["paths"]

    def test_docs_are_self_hosted(self, api):
        response = api.get("/api/v1/docs/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "drf_spectacular_sidecar/swagger-ui-dist" in html
        assert "cdn.jsdelivr" not in html
        assert "unpkg.com" not in html


@pytest.mark.django_db
class TestUnits:
    def test_list_is_paginated(self, api, units):
        response = api.get("/api/v1/units/", {"page_size": 2})
        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 4
        assert len(body["results"]) == 2
        assert body["next"]

    def test_filter_by_kind_and_detail_by_slug(self, api, units):
        assert api.get("/api/v1/units/", {"kind": "body"}).json()["count"] == 1
        detail = api.get("/api/v1/units/rsud/").json()
        assert detail["parent"] == "dinkes"
        assert detail["code"] == "RSUD"

    def test_unknown_unit_is_a_json_404(self, api, units):
        response = api.get("/api/v1/units/nope/")
        assert response.status_code == 404
        assert "detail" in response.json()

    def test_bad_filter_value_is_a_400_with_field_message(self, api, units):
        response = api.get("/api/v1/units/", {"kind": "ministry"})
        assert response.status_code == 400
        assert "kind" in response.json()

    def test_constant_queries(self, api, units, django_assert_max_num_queries):
        with django_assert_max_num_queries(3):
            response = api.get("/api/v1/units/")
        assert response.status_code == 200
        assert response.json()["count"] == len(units)


@pytest.mark.django_db
def test_profile(api):
    profile = BodyProfile.load()
    profile.name = "Pemerintah Kabupaten Kutai Timur"
    profile.save()
    assert (
        api.get("/api/v1/profile/").json()["name"] == "Pemerintah Kabupaten Kutai Timur"
    )


@pytest.mark.django_db
def test_token_authentication_with_drf_create_token(api, officer, capsys):
    user = officer("PPID Utama", username="integrasi")
    call_command("drf_create_token", "integrasi")
    token = capsys.readouterr().out.split()[2]
    assert len(token) == 40
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    request_user = api.get("/api/v1/units/").wsgi_request.user
    assert request_user == user


@pytest.mark.django_db
def test_bad_token_is_refused(api):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    response = api.get("/api/v1/units/")
    assert response.status_code == 401


class RefusingView(APIView):
    permission_classes = [AllowAny]

    def post(self, request):
        raise ApplicationError(
            "Permohonan sudah diperpanjang.", code="already_extended"
        )


def test_application_error_becomes_400_json():
    request = APIRequestFactory().post("/x", {}, format="json")
    response = RefusingView.as_view()(request)
    assert response.status_code == 400
    assert response.data == {
        "detail": "Permohonan sudah diperpanjang.",
        "code": "already_extended",
    }
