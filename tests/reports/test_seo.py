import pytest

from apps.pages.checklist import REQUIREMENTS, evaluate
from tests.reports.factories import AnnualReportFactory


@pytest.mark.django_db
def test_sitemap_lists_statistics_and_published_reports(client):
    AnnualReportFactory(year=2025, public=True)
    AnnualReportFactory(year=2026)  # a draft is not listed
    xml = client.get("/sitemap.xml").content.decode()
    assert "/statistik/</loc>" in xml
    assert "/statistik/survei/</loc>" in xml
    assert "/laporan/</loc>" in xml
    assert "/laporan/2025/</loc>" in xml
    assert "/laporan/2026/" not in xml


@pytest.mark.django_db
def test_checklist_items_are_covered_by_the_reports_app():
    wanted = {"report", "statistics", "survey"}
    results = evaluate([r for r in REQUIREMENTS if r.key in wanted])
    assert {r.requirement.key: r.covered for r in results} == dict.fromkeys(
        wanted, True
    )


@pytest.mark.django_db
def test_survey_page_is_not_indexed(client, units):
    from apps.reports.survey import survey_url
    from tests.reports.factories import at, decided_request

    request = decided_request(
        received=at(2026, 3, 2), decided=at(2026, 3, 6), decision="granted"
    )
    html = client.get(survey_url(request.registration_number)).content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
