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
