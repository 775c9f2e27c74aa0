"""Headers and transport: CSP, Permissions-Policy, cookies, no-store on personal
data, HTTPS settings for `make run`, and DRF's closed default permission."""

import os
from html.parser import HTMLParser

import pytest
from rest_framework.permissions import IsAuthenticated
from rest_framework.test import APIClient
from rest_framework.views import APIView

from django.conf import settings as django_settings
from django.test import Client

from apps.accounts.roles import Role
from apps.accounts.tokens import api_token_issue

PUBLIC_PAGES = [
    "/",
    "/unit/dinkes/",
    "/informasi/",
    "/informasi/dikecualikan/",
    "/permohonan/ajukan/",
    "/permohonan/status/",
    "/pengaduan/ajukan/",
    "/pengaduan/status/",
    "/keberatan/ajukan/",
    "/keberatan/ajukan/informasi-berkala/",
    "/keberatan/status/",
    "/statistik/",
    "/statistik/survei/",
    "/laporan/",
]


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


class InlineFinder(HTMLParser):
    """Collects what a strict CSP would block: inline scripts and styles."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "style":
            self.found.append("<style>")
        if tag == "script" and not names.get("src"):
            self.found.append("<script> without src")
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action") and (value or "").strip().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}=javascript:...>")


@pytest.fixture
def demo_site(db):
    from apps.accounts.demo import load_units
    from apps.core.demo import load_profile
    from apps.pages import demo as pages_demo

    load_profile()
    load_units()
    pages_demo.load(stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.mark.django_db
class TestContentSecurityPolicy:
    def test_public_pages_get_the_strict_policy(self, client, demo_site):
        policy = _policy(client.get("/"))
        assert policy["default-src"] == ["'none'"]
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["img-src"] == ["'self'", "data:"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'none'"]
        assert policy["form-action"] == ["'self'"]

    def test_public_pages_have_no_inline_script_or_style(self, client, demo_site):
        from apps.pages.models import Page

        paths = PUBLIC_PAGES + [
            f"/halaman/{slug}/"
            for slug in Page.objects.filter(is_published=True).values_list(
                "slug", flat=True
            )
        ]
        found = {}
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            finder = InlineFinder()
            finder.feed(response.content.decode())
            if finder.found:
                found[path] = finder.found
        assert found == {}

    def test_the_admin_gets_inline_styles_and_never_inline_scripts(self, client):
        policy = _policy(client.get("/admin/login/"))
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["script-src"] == ["'self'"]

    def test_the_api_docs_run_without_inline_scripts(self, client):
        response = client.get("/api/v1/docs/")
        assert response.status_code == 200
        finder = InlineFinder()
        finder.feed(response.content.decode())
        assert "<script> without src" not in finder.found
        assert _policy(response)["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_permissions_policy_on_pages_and_api(client):
    for path in ("/", "/api/v1/units/"):
        header = client.get(path)["Permissions-Policy"]
        assert "camera=()" in header
        assert "geolocation=()" in header
        assert "microphone=()" in header


@pytest.mark.django_db
def test_language_cookie_is_secure_and_same_site(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    cookie = response.cookies[django_settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True


def test_make_run_has_no_https_redirect_or_hsts():
    """Without production variables (as `make run` and the tests start)."""
    assert django_settings.SECURE_SSL_REDIRECT is False
    assert django_settings.SECURE_HSTS_SECONDS == 0


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.django_db
class TestNoStore:
    @pytest.mark.parametrize(
        "path",
        [
            "/api/v1/requests/status/?registration_number=X&contact=a@b.id",
            "/api/v1/objections/status/?objection_number=X&contact=a@b.id",
            "/api/v1/complaints/status/?tracking_number=X&contact=a@b.id",
        ],
    )
    def test_status_lookups(self, path):
        response = APIClient().get(path)
        assert response.status_code == 404
        assert no_store(response)

    @pytest.mark.parametrize(
        "path",
        [
            "/api/v1/requests/",
            "/api/v1/objections/",
            "/api/v1/complaints/",
            "/api/v1/information/",
        ],
    )
    def test_every_officer_response(self, path, officer):
        client = APIClient()
        token = api_token_issue(user=officer(Role.PPID_UTAMA))
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        response = client.get(path)
        assert response.status_code == 200
        assert no_store(response)

    def test_anonymous_submissions(self):
        response = APIClient().post("/api/v1/complaints/", {}, format="json")
        assert response.status_code == 400
        assert no_store(response)

    def test_public_registers_stay_cacheable(self):
        response = APIClient().get("/api/v1/information/")
        assert response.status_code == 200
        assert not no_store(response)
        assert "Authorization" in response["Vary"]


OFFICER_ONLY = [
    "/api/v1/requests/",
    "/api/v1/objections/",
    "/api/v1/complaints/",
]
PUBLIC_ENDPOINTS = [
    "/api/v1/",
    "/api/v1/schema/",
    "/api/v1/docs/",
    "/api/v1/redoc/",
    "/api/v1/profile/",
    "/api/v1/units/",
    "/api/v1/information/",
    "/api/v1/exemptions/",
    "/api/v1/statistics/",
]


@pytest.mark.django_db
class TestClosedByDefault:
    def test_the_default_permission_is_closed(self):
        class Forgotten(APIView):
            pass

        assert [type(p) for p in Forgotten().get_permissions()] == [IsAuthenticated]

    @pytest.mark.parametrize("path", OFFICER_ONLY)
    def test_officer_lists_refuse_anonymous_callers(self, path):
        assert APIClient().get(path).status_code == 401

    @pytest.mark.parametrize("path", PUBLIC_ENDPOINTS)
    def test_public_endpoints_opt_in(self, path):
        assert Client().get(path).status_code == 200
