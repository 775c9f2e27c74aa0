"""Error answers: JSON under /api/, and 503 (not 500) while the database is down."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rest_framework.permissions import AllowAny
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from django.db import OperationalError

ROOT = Path(__file__).resolve().parents[2]

# Requests made in a fresh process whose database cannot be reached: pages, a
# public form, the admin's login, the API's reads, a submission and a lookup.
OUTAGE_SCRIPT = """
import json, django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
calls = [
    ("get", "/", None),
    ("get", "/informasi/", None),
    ("post", "/permohonan/status/", {"registration_number": "X", "contact": "a"}),
    ("post", "/admin/login/", {"username": "utama", "password": "x"}),
    ("get", "/api/v1/units/", None),
    ("post", "/api/v1/requests/", {
        "applicant_type": "individual", "name": "Siti", "nik": "6408011203850001",
        "address": "Sangatta", "email": "siti@example.com", "unit": "dinkes",
        "information_requested": "RKA 2026", "purpose": "Penelitian",
        "access_method": "view",
    }),
    ("get", "/api/v1/requests/status/?registration_number=X&contact=a", None),
]
answers = []
for method, path, data in calls:
    response = getattr(client, method)(path, data) if data else client.get(path)
    answers.append({
        "path": path,
        "status": response.status_code,
        "type": response["Content-Type"],
        "retry_after": response.get("Retry-After"),
        "body": response.content.decode(),
    })
print(json.dumps(answers))
"""


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.mark.django_db
class TestApiNotFound:
    @pytest.mark.parametrize(
        "path", ["/api/nope", "/api/v1/nope/", "/api/v2/units/", "/api/v1/units/x/y/"]
    )
    def test_unknown_paths_answer_json(self, api_client, path):
        response = api_client.get(path)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json() == {
            "detail": "Data tidak ditemukan.",
            "code": "not_found",
        }

    def test_pages_keep_the_html_page(self, client):
        response = client.get("/tidak-ada/")
        assert response.status_code == 404
        assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    "database_url",
    [
        # A real PostgreSQL connection attempt to a port where nothing listens.
        "postgres://nobody@127.0.0.1:9/none?connect_timeout=2",
        # An SQLite file that cannot be opened (its folder does not exist).
        "sqlite:////nonexistent-ppid-folder/db.sqlite3",
    ],
    ids=["postgresql", "sqlite"],
)
def test_pages_and_api_answer_503_while_the_database_is_down(database_url):
    env = {
        **os.environ,
        "DEBUG": "0",
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "ppid_portal.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", OUTAGE_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    answers = json.loads(result.stdout.splitlines()[-1])
    assert [a["status"] for a in answers] == [503] * len(answers), result.stderr
    assert {a["retry_after"] for a in answers} == {"30"}
    for answer in answers:
        if answer["path"].startswith("/api/"):
            assert answer["type"] == "application/json"
            assert json.loads(answer["body"])["code"] == "database_unavailable"
        else:
            assert answer["type"].startswith("text/html")
            assert '<html lang="id" ' in answer["body"]
            assert "Layanan sementara tidak tersedia" in answer["body"]
    assert "Traceback" in result.stderr  # the outage is logged for the operator


class OutageView(APIView):
    permission_classes = [AllowAny]  # the API is closed by default

    def get(self, request):
        raise OperationalError("connection refused")


def test_the_api_exception_handler_answers_503():
    response = OutageView.as_view()(APIRequestFactory().get("/api/v1/x/"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert json.loads(response.content)["code"] == "database_unavailable"


class OutageMiddleware:
    """A middleware that needs the database before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise OperationalError("connection refused")


@pytest.mark.django_db
def test_an_outage_outside_the_views_answers_503_too(client, settings):
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        "tests.core.test_errors.OutageMiddleware",
    ]
    client.raise_request_exception = False
    for path, content_type in [("/", "text/html"), ("/api/v1/", "application/json")]:
        response = client.get(path)
        assert response.status_code == 503, path
        assert response["Content-Type"].startswith(content_type)
