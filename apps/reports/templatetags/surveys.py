from django import template

from apps.info_requests.models import Status
from apps.reports.models import SurveyResponse
from apps.reports.survey import survey_url

register = template.Library()


@register.inclusion_tag("reports/_survey_link.html")
def survey_link(status: dict) -> dict:
    """The survey invitation on a request's status page, once it is decided."""
    if status.get("status") != Status.DECIDED:
        return {"url": ""}
    number = status["registration_number"]
    answered = SurveyResponse.objects.filter(
        request__registration_number=number
    ).exists()
    return {"url": "" if answered else survey_url(number), "answered": answered}
