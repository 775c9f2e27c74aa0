import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from apps.core.models import BodyProfile

WITA = ZoneInfo("Asia/Makassar")


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
        # units, menu pages, announcements, latest items, session, and the one
        # query of this year's headline figures (apps.reports.statistics).
        from django.utils import timezone

        from apps.reports.summary import refresh_year
        from tests.factories import UnitFactory

        # This year's figures are built once (apps.reports.summary), then kept.
        refresh_year(timezone.localdate().year)
        with django_assert_max_num_queries(6):
            response = client.get("/")
        assert response.status_code == 200
        for index in range(15):
            UnitFactory(code=f"OPD{index}")
        with django_assert_max_num_queries(6):
            response = client.get("/")
        assert response.status_code == 200

    @time_machine.travel(dt.datetime(2026, 6, 15, 10, tzinfo=WITA), tick=False)
    def test_query_count_does_not_grow_with_requests(
        self, client, kutim, django_assert_max_num_queries
    ):
        from tests.reports.factories import at, decided_request

        client.get("/")  # the holiday calendar of the year is memoised once
        for day in range(1, 21):
            decided_request(
                received=at(2026, 1, day),
                decided=at(2026, 1, day + 5),
                decision="granted",
            )
        client.get("/")
        with django_assert_max_num_queries(6):
            response = client.get("/")
        assert response.context["figures"]["year"] == 2026
        assert response.context["figures"]["received"] == 20
        assert "Layanan kami tahun 2026" in response.content.decode()

    def test_main_actions_and_status_lookup(self, client, kutim):
        from django.urls import NoReverseMatch, reverse

        html = client.get("/").content.decode()
        assert 'href="/permohonan/ajukan/"' in html
        assert 'href="/pengaduan/' in html
        assert 'action="/permohonan/status/"' in html
        assert 'name="registration_number"' in html
        assert 'href="/statistik/"' in html
        try:
            objection_url = reverse("objections:submit")
        except NoReverseMatch:
            assert "Ajukan keberatan" not in html  # the card hides until it exists
        else:
            assert f'href="{objection_url}"' in html

    def test_status_lookup_from_the_home_page(self, client, kutim):
        response = client.post(
            "/permohonan/status/",
            {"registration_number": "REQ-2026-00001", "contact": "x@example.com"},
        )
        assert response.status_code == 200
        assert "Tidak ada permohonan" in response.content.decode()


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
