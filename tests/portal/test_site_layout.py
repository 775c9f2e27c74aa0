"""Issue 19 item 6, server side: error pages in the site's layout and in
Indonesian, favicon and logo, the grouped menu, lang="id" on Indonesian content."""

import re
from pathlib import Path

import pytest

from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import include, path

from apps.core import http_errors
from apps.core.models import BodyProfile
from tests.html_checks import elements

ROOT = Path(__file__).resolve().parents[2]


def _forbidden(request):
    raise PermissionDenied


def _broken(request):
    raise RuntimeError("boom")


# This module is also the URLconf of the tests marked with it: the portal's
# URLs plus two views that fail, answered by the portal's handlers.
urlpatterns = [
    path("test-forbidden/", _forbidden),
    path("test-broken/", _broken),
    path("", include("ppid_portal.urls")),
]
handler403 = "apps.core.http_errors.permission_denied"
handler404 = "apps.core.http_errors.page_not_found"
handler500 = "apps.core.http_errors.server_error"


@pytest.fixture
def kutim(db):
    profile = BodyProfile.load()
    profile.name = "Pemerintah Kabupaten Kutai Timur"
    profile.ppid_name = "PPID Kabupaten Kutai Timur"
    profile.phone = "(0549) 21010"
    profile.email = "ppid@kutaitimurkab.go.id"
    profile.save()
    return profile


def _in_layout(html: str) -> None:
    assert '<html lang="id"' in html
    assert 'id="main-nav"' in html
    assert "Lewati ke konten utama" in html  # the skip link of the layout
    assert 'rel="icon"' in html
    assert "site-footer" in html


@pytest.mark.django_db
@pytest.mark.urls(__name__)
class TestErrorPages:
    def test_404_in_indonesian_in_the_layout(self, client, kutim):
        response = client.get("/tidak-ada-halaman-ini/")
        assert response.status_code == 404
        html = response.content.decode()
        _in_layout(html)
        assert "Halaman tidak ditemukan" in html
        assert "PPID Kabupaten Kutai Timur" in html
        assert 'name="robots" content="noindex, nofollow"' in html
        assert 'action="/informasi/"' in html  # a search instead of a dead end

    def test_403_in_indonesian_in_the_layout(self, client, kutim):
        response = client.get("/test-forbidden/")
        assert response.status_code == 403
        html = response.content.decode()
        _in_layout(html)
        assert "Akses ditolak" in html
        assert "/permohonan/status/" in html

    def test_500_in_indonesian_in_the_layout(self, kutim):
        BodyProfile.load()  # any page viewed before has put it in the cache
        client = Client(raise_request_exception=False)
        response = client.get("/test-broken/")
        assert response.status_code == 500
        html = response.content.decode()
        _in_layout(html)
        assert "Terjadi kesalahan" in html
        assert "(0549) 21010" in html  # the profile, from the cache

    def test_500_needs_neither_database_nor_cache(
        self, rf, kutim, django_assert_num_queries, monkeypatch
    ):
        def down(*args, **kwargs):
            raise ConnectionError("cache down")

        monkeypatch.setattr(http_errors.cache, "get", down)
        with django_assert_num_queries(0):
            response = http_errors.server_error(rf.get("/anything/"))
        assert response.status_code == 500
        html = response.content.decode()
        _in_layout(html)
        assert "Terjadi kesalahan" in html
        assert "Ganti bahasa" not in html  # the language form needs a CSRF token

    def test_500_of_the_api_stays_json(self, kutim):
        client = Client(raise_request_exception=False)
        response = client.get("/api/v1/does-not-exist/")
        assert response["Content-Type"].startswith("application/json")

    def test_csrf_failure_in_indonesian_in_the_layout(self, kutim):
        client = Client(enforce_csrf_checks=True)
        response = client.post("/pengaduan/ajukan/", {"title": "x"})
        assert response.status_code == 403
        html = response.content.decode()
        _in_layout(html)
        assert "Formulir tidak dapat dikirim" in html
        assert "tombol Kembali" in html
        assert "ppid@kutaitimurkab.go.id" in html

    def test_error_pages_in_english_when_chosen(self, client, kutim):
        client.cookies["django_language"] = "en"
        html = client.get("/tidak-ada/").content.decode()
        assert '<html lang="en"' in html
        assert "Page not found" in html


@pytest.mark.django_db
class TestLayout:
    def test_favicon_and_default_logo(self, client, kutim):
        html = client.get("/").content.decode()
        for name in ["favicon.svg", "favicon-32.png", "apple-touch-icon.png"]:
            assert f"/static/img/{name}" in html
            assert (ROOT / "static" / "img" / name).is_file()
        logo = [a for tag, a, _ in elements(html) if "site-logo" in a.get("class", "")]
        assert len(logo) == 1
        assert logo[0]["src"] == "/static/img/logo.svg"  # no logo uploaded
        assert logo[0]["alt"] == "Logo Pemerintah Kabupaten Kutai Timur"
        # Width and height are given: the header does not move when it loads.
        assert logo[0]["width"] == logo[0]["height"] == "48"

    def test_uploaded_logo_replaces_the_default(self, client, kutim, sample_png):
        from django.core.files.base import ContentFile

        kutim.logo.save("logo.png", ContentFile(sample_png))
        html = client.get("/").content.decode()
        assert 'src="/media/profile/logo' in html

    def test_menu_is_grouped_as_ppid_sites_are(self, client, kutim):
        html = client.get("/").content.decode()
        nav = html[html.index('id="main-nav"') : html.index("</nav>")]
        labels = re.findall(r'data-bs-toggle="dropdown"[^>]*>([^<]+)</button>', nav)
        assert labels[:3] == ["Informasi Publik", "Layanan", "Statistik & Laporan"]
        for url in ["/statistik/", "/laporan/", "/informasi/dikecualikan/"]:
            assert f'href="{url}"' in nav
        assert "/api/v1/docs/" not in nav
        footer = html[html.index("site-footer") :]
        assert 'href="/api/v1/docs/"' in footer

    def test_about_group_lists_the_main_menu_pages(self, client, kutim):
        from apps.pages.models import Page

        Page.objects.create(
            title="Profil PPID", slug="profil", menu="main", is_published=True
        )
        html = client.get("/").content.decode()
        nav = html[html.index('id="main-nav"') : html.index("</nav>")]
        assert "Tentang PPID" in nav
        assert 'lang="id" href="/halaman/profil/"' in nav

    def test_scripted_pages_are_marked_before_the_first_paint(self, client, kutim):
        """js/early.js runs blocking in <head>: the menu folds before it is drawn."""
        html = client.get("/").content.decode()
        head = html[: html.index("</head>")]
        assert re.search(r'<script src="/static/js/early.js"></script>', head)
        early = (ROOT / "static" / "js" / "early.js").read_text()
        assert 'replace("no-js", "js")' in early

    def test_indonesian_content_is_marked_on_english_pages(self, client, kutim):
        from apps.pages.models import Page

        Page.objects.create(
            title="Visi dan Misi",
            slug="visi",
            body="<p>Terwujudnya</p>",
            is_published=True,
        )
        client.cookies["django_language"] = "en"
        html = client.get("/halaman/visi/").content.decode()
        assert '<html lang="en"' in html
        assert re.search(r'<div lang="id">\s*<h1 id="page-title"', html)
        assert '<address class="mb-0" lang="id">' in html  # the body's address

    def test_exempt_register_is_a_table_that_turns_into_cards(self, client, kutim):
        html = client.get("/informasi/dikecualikan/").content.decode()
        assert 'class="table table-sm align-top table-cards"' in html
        css = (ROOT / "static" / "css" / "portal.css").read_text()
        # The cause of the 1-3 letter fragments is gone from main's rule.
        assert "main, .site-footer { overflow-wrap: break-word; }" in css
        assert ".table-cards td[data-label]::before" in css
