import re

import pytest

from apps.core.models import BodyProfile


@pytest.fixture
def kutim(db, units):
    profile = BodyProfile.load()
    profile.name = "Pemerintah Kabupaten Kutai Timur"
    profile.ppid_name = "PPID Kabupaten Kutai Timur"
    profile.office_hours = "Senin–Kamis 07.30–16.00 WITA"
    profile.email = "ppid@kutaitimurkab.go.id"
    profile.save()
    return profile


@pytest.mark.django_db
class TestHome:
    def test_indonesian_by_default(self, client, kutim):
        response = client.get("/")
        html = response.content.decode()
        assert response.status_code == 200
        assert '<html lang="id"' in html
        assert "PPID Kabupaten Kutai Timur" in html
        assert "Senin–Kamis 07.30–16.00 WITA" in html
        assert "Lewati ke konten utama" in html
        assert "Dinas Kesehatan" in html

    def test_english_after_switching_language(self, client, kutim):
        response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        assert response.status_code == 302
        html = client.get("/").content.decode()
        assert '<html lang="en"' in html
        assert "Skip to main content" in html

    def test_accessible_landmarks(self, client, kutim):
        html = client.get("/").content.decode()
        for landmark in [
            "<header",
            "<nav",
            '<main id="main"',
            "<footer",
            'href="#main"',
        ]:
            assert landmark in html
        assert "vendor/bootstrap-5.3.9/css/bootstrap.min.css" in html
        # Every stylesheet and script comes from our own static files, never a CDN.
        assets = re.findall(r'(?:src|href)="([^"]+\.(?:css|js))"', html)
        assert assets
        assert all(url.startswith("/static/") for url in assets), assets

    def test_query_count_is_constant(
        self, client, kutim, django_assert_max_num_queries
    ):
        # units, menu pages, announcements, latest items, session: none per row.
        from tests.factories import UnitFactory

        with django_assert_max_num_queries(5):
            client.get("/")
        for index in range(15):
            UnitFactory(code=f"OPD{index}")
        with django_assert_max_num_queries(5):
            client.get("/")


@pytest.mark.django_db
def test_unit_page(client, kutim, units):
    response = client.get("/unit/rsud/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "RSUD Kudungga" in html
    assert "Dinas Kesehatan" in html  # breadcrumb to the parent


@pytest.mark.django_db
def test_unknown_unit_is_404(client, kutim):
    assert client.get("/unit/nope/").status_code == 404
