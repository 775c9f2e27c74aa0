"""The survey invitation on a request's status page, a panel registered with
apps.core.panels."""

from apps.info_requests.models import Status
from apps.reports.models import SurveyResponse
from apps.reports.survey import survey_url


def survey_link(*, status: dict, **page) -> dict:
    """The survey invitation on a request's status page, once it is decided."""
    if status.get("status") != Status.DECIDED:
        return {"url": ""}
    number = status["registration_number"]
    answered = SurveyResponse.objects.filter(
        request__registration_number=number
    ).exists()
    return {"url": "" if answered else survey_url(number), "answered": answered}
