import pytest

from django.core.management import call_command
from django.utils import timezone

from apps.reports.models import AnnualReport, SurveyResponse


@pytest.mark.django_db
def test_demo_reports_and_survey_are_idempotent(client):
    call_command("load_demo")
    counts = (AnnualReport.objects.count(), SurveyResponse.objects.count())
    call_command("load_demo")
    assert counts == (AnnualReport.objects.count(), SurveyResponse.objects.count())
    last_year = timezone.localdate().year - 1
    assert AnnualReport.objects.get(year=last_year).published
    assert not AnnualReport.objects.get(year=last_year + 1).published
    assert SurveyResponse.objects.exists()
    assert client.get(f"/laporan/{last_year}/pdf/").status_code == 200
    assert client.get("/statistik/").status_code == 200
