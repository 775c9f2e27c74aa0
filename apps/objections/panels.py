"""The objection part of a request's status page (the window to object with a link
to file, the objections made and the dispute period), a panel registered with
apps.core.panels. Shows nothing personal."""

from django.utils import timezone

from apps.info_requests.models import InformationRequest
from apps.objections.eligibility import request_grounds_window
from apps.objections.models import Status
from apps.objections.selectors import dispute_deadline


def objection_panel(*, status: dict, token: str, **page) -> dict:
    registration_number = status["registration_number"]
    today = timezone.localdate()
    request = (
        InformationRequest.objects.select_related("notice")
        .filter(registration_number=registration_number)
        .first()
    )
    if request is None:
        return {"panel": {}, "token": token}
    objections = []
    pending = False
    for objection in request.objections.order_by("received_at", "pk"):
        deadline = dispute_deadline(objection, today=today)
        pending = pending or objection.status == Status.RECEIVED
        objections.append(
            {
                "number": objection.number,
                "status_display": objection.get_status_display(),
                "dispute_deadline": deadline,
                "dispute_open": deadline is not None and today <= deadline,
            }
        )
    window_end = None if pending else request_grounds_window(request, today=today)
    return {
        "panel": {"objections": objections, "window_end": window_end},
        "token": token,
    }
