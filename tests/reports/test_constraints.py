"""The database refuses what full_clean() would: the survey's constraints
(tests/db_constraints.py). The annual report's are pinned in test_annual.py."""

import pytest

from apps.reports.models import SkmElement, SurveyResponse
from tests.db_constraints import covers, violates
from tests.reports.factories import SurveyResponseFactory

pytestmark = pytest.mark.django_db


@covers(*(f"survey_{code}_range" for code in SkmElement.values))
@pytest.mark.parametrize("code", SkmElement.values)
def test_each_score_is_one_to_four(code):
    response = SurveyResponseFactory()
    rows = SurveyResponse.objects.filter(pk=response.pk)
    rows.update(**{code: 1})
    with violates(f"survey_{code}_range"):
        rows.update(**{code: 5})
    with violates(f"survey_{code}_range"):
        rows.update(**{code: 0})


@covers("reports.SurveyResponse.request")
def test_one_survey_response_per_request():
    first = SurveyResponseFactory()
    with violates("reports.SurveyResponse.request"):
        SurveyResponseFactory(request=first.request)


def _version_row(published, **changes):
    from apps.reports.models import AnnualReportVersion

    values = {
        "report": published.report,
        "version": published.version,
        "published_at": published.published_at,
        "narrative": {},
        "figures": {},
        "document": published.document,
        "xlsx": published.xlsx.name,
        "xlsx_sha256": published.xlsx_sha256,
    }
    values.update(changes)
    return AnnualReportVersion(**values)


@covers(
    "report_version_uniq",
    "report_version_positive",
    "reports.AnnualReportVersion.document",
)
def test_a_report_version_is_numbered_once_from_one_with_its_own_pdf(
    year_2026, signatory, officer
):
    from apps.letters.models import IssuedDocument
    from apps.reports.models import AnnualReportVersion
    from apps.reports.services import annual_report_publish
    from tests.reports.factories import AnnualReportFactory

    report = annual_report_publish(
        report=AnnualReportFactory(year=2026), actor=officer("PPID Utama")
    )
    version = report.versions.get()
    other_pdf = IssuedDocument.objects.create(
        kind="annual_report",
        number="045/999/PPID/I/2027",
        issued_at=version.published_at,
        place="Sangatta",
        subject="Laporan",
        signer_position="PPID Utama",
        signer_name="Ahmad Rizali",
        verification_code="AAAABBBBCCCCDDDD",
        sha256="0" * 64,
        file="issued/x.pdf",
    )
    rows = AnnualReportVersion.objects.filter(pk=version.pk)
    with violates("report_version_positive"):
        rows.update(version=0)
    with violates("report_version_uniq"):
        AnnualReportVersion.objects.bulk_create(
            [_version_row(version, document=other_pdf)]
        )
    with violates("reports.AnnualReportVersion.document"):
        AnnualReportVersion.objects.bulk_create([_version_row(version, version=2)])
    AnnualReportVersion.objects.bulk_create(
        [_version_row(version, version=2, document=other_pdf)]
    )
    assert report.versions.count() == 2


@covers("reports.StatisticsYear.year")
def test_one_statistics_state_per_year():
    from apps.reports.models import StatisticsYear

    StatisticsYear.objects.create(year=2026)
    with violates("reports.StatisticsYear.year"):
        StatisticsYear.objects.bulk_create([StatisticsYear(year=2026)])
