import csv
import io
import json
import re

import pytest

from django.test import modify_settings

from apps.reports.models import SurveyResponse
from apps.reports.survey import survey_token, survey_url
from tests.info_requests.factories import InformationRequestFactory
from tests.reports.factories import at, decided_request


@pytest.mark.django_db
class TestStatisticsPage:
    def test_shows_figures_charts_and_tables(self, client, year_2026):
        response = client.get("/statistik/?year=2026")
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count("<svg") >= 8  # one chart per series
        assert 'role="img"' in html
        assert "<caption>" in html
        assert "75,0%" in html  # (Indonesian decimals) answered within 10 working days
        assert "86,11" in html  # satisfaction index
        assert 'href="/statistik/2026/pasal17.csv"' in html
        assert '<meta name="description"' in html

    def test_objections_are_charted(self, client, year_2026):
        response = client.get("/statistik/?year=2026")
        html = response.content.decode()
        assert response.context["stats"]["objections_available"] is True
        assert 'id="series-objections_by_ground"' in html
        assert 'id="series-objections_disputes"' in html
        assert 'id="objections-title"' not in html  # no "not yet available" note

    def test_objections_are_not_faked_without_the_app(self, client, year_2026):
        with modify_settings(INSTALLED_APPS={"remove": ["apps.objections"]}):
            response = client.get("/statistik/?year=2026")
        html = response.content.decode()
        assert response.status_code == 200
        assert "objections_by" not in html
        assert response.context["stats"]["objections"] is None
        assert 'id="objections-title"' in html

    def test_bad_year_falls_back_to_this_year(self, client, year_2026):
        for bad in ["abc", "1900", "", "2026x"]:
            assert client.get("/statistik/", {"year": bad}).status_code == 200

    def test_query_count_is_constant(
        self, client, year_2026, django_assert_max_num_queries
    ):
        client.get("/statistik/?year=2026")  # warm the holiday calendar
        for n in range(30):
            InformationRequestFactory(received_at=at(2026, 5, 1 + n % 28))
        # 6 + the inbox's two series + objections (3), minus the cached profile.
        with django_assert_max_num_queries(10):
            response = client.get("/statistik/?year=2026")
        assert response.status_code == 200
        assert response.context["stats"]["requests"]["received"] == 36

    def test_csv_and_json_downloads(self, client, year_2026):
        response = client.get("/statistik/2026/outcomes.csv")
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert rows[0] == ["key", "label", "value"]
        assert {r[0]: r[2] for r in rows[1:]}["refused"] == "2"
        data = json.loads(client.get("/statistik/2026/pasal17.json").content)
        assert data["year"] == 2026
        assert {r["key"]: r["value"] for r in data["rows"]}["h"] == 1

    def test_unknown_series_is_404(self, client, year_2026):
        assert client.get("/statistik/2026/nope.csv").status_code == 404
        assert client.get("/statistik/2026/outcomes.xml").status_code == 404

    def test_downloads_outside_the_statistics_years_are_404(self, client, db):
        # 0000 and 9999 were 500s (ValueError: year out of range).
        for path in [
            "/statistik/0000/months.csv",
            "/statistik/9999/months.json",
            "/statistik/2007/outcomes.csv",
            "/statistik/2101/outcomes.json",
        ]:
            assert client.get(path).status_code == 404, path
        for path in ["/statistik/2008/months.csv", "/statistik/2100/months.json"]:
            assert client.get(path).status_code == 200, path

    def test_survey_results_page(self, client, year_2026):
        html = client.get("/statistik/survei/?year=2026").content.decode()
        assert "86,11" in html
        assert "87,5" in html


@pytest.mark.django_db
class TestApi:
    def test_statistics_of_a_year(self, client, year_2026):
        response = client.get("/api/v1/statistics/", {"year": 2026})
        assert response.status_code == 200
        data = response.json()
        assert data["requests"]["received"] == 6
        assert data["timeliness"]["median_working_days"] == 6.0
        assert data["timeliness"]["p90_working_days"] == 12
        assert data["survey"]["index"] == 86.11

    def test_bad_year_is_400_with_a_field_error(self, client, db):
        response = client.get("/api/v1/statistics/", {"year": "abc"})
        assert response.status_code == 400
        assert "year" in json.dumps(response.json())


@pytest.mark.django_db
class TestSurvey:
    def _scores(self, **overrides):
        return {f"u{i}": "4" for i in range(1, 10)} | overrides

    def test_link_on_the_status_page_once_decided(self, client, units):
        from apps.core.tracking import make_status_token

        request = decided_request(
            received=at(2026, 3, 2), decided=at(2026, 3, 6), decision="granted"
        )
        token = make_status_token("request", request.registration_number)
        html = client.get(f"/permohonan/status/{token}/").content.decode()
        assert survey_url(request.registration_number) in html

    def test_no_link_before_the_notice(self, client, db):
        from apps.core.tracking import make_status_token

        request = InformationRequestFactory()
        token = make_status_token("request", request.registration_number)
        html = client.get(f"/permohonan/status/{token}/").content.decode()
        # No personal survey link (the menu links to the survey results).
        assert not re.search(r'href="/statistik/survei/[^"]+"', html)
        url = survey_url(request.registration_number)
        response = client.post(url, self._scores())
        assert SurveyResponse.objects.count() == 0
        assert response.status_code == 200

    def test_answer_once(self, client, units):
        request = decided_request(
            received=at(2026, 3, 2), decided=at(2026, 3, 6), decision="granted"
        )
        url = survey_url(request.registration_number)
        assert client.get(url).status_code == 200
        response = client.post(url, self._scores(u9="2", comment="Cepat"))
        assert response.status_code == 200
        saved = SurveyResponse.objects.get(request=request)
        assert (saved.u1, saved.u9, saved.comment) == (4, 2, "Cepat")
        again = client.post(url, self._scores(u1="1"))
        assert again.status_code == 200
        assert SurveyResponse.objects.count() == 1
        assert SurveyResponse.objects.get().u1 == 4

    def test_missing_scores_keep_the_typed_values(self, client, units):
        request = decided_request(
            received=at(2026, 3, 2), decided=at(2026, 3, 6), decision="granted"
        )
        scores = self._scores(comment="Petugas ramah")
        del scores["u3"]
        scores["u4"] = "9"
        response = client.post(survey_url(request.registration_number), scores)
        assert response.status_code == 200
        form = response.context["form"]
        assert set(form.errors) == {"u3", "u4"}
        assert "Petugas ramah" in response.content.decode()
        assert SurveyResponse.objects.count() == 0

    def test_forged_token_is_404(self, client, db):
        assert client.get("/statistik/survei/abc/").status_code == 404
        token = survey_token("REQ-2026-99999")
        assert client.get(f"/statistik/survei/{token}/").status_code == 404
