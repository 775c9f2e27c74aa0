"""Reads shared by the public pages, the API and the reports."""

import datetime as dt

from django.utils import timezone

from apps.core import periods
from apps.core.models import StatusChange
from apps.core.validators import contact_matches
from apps.core.workdays import Calendar, receipt_date
from apps.info_requests.models import InformationRequest, Status


def request_for_applicant(number: str, contact: str) -> InformationRequest | None:
    """The request when number AND contact match; None alike for either mismatch."""
    request = (
        InformationRequest.objects.select_related("unit", "notice")
        .filter(registration_number=(number or "").strip().upper())
        .first()
    )
    if request is None or not contact_matches(
        contact, email=request.email, phone=request.phone
    ):
        return None
    return request


def public_timeline(info_request: InformationRequest) -> list[dict]:
    """Status changes the applicant may see: time, status label, public note."""
    return [
        {
            "at": change.created_at,
            "status": change.to_status,
            "status_display": str(
                Status(change.to_status).label
                if change.to_status in Status.values
                else change.to_status
            ),
            "note": change.text,
        }
        for change in StatusChange.objects.for_object(info_request).filter(
            is_public=True
        )
    ]


def public_status(
    info_request: InformationRequest, *, today: dt.date | None = None
) -> dict:
    """Everything a public status shows, and nothing personal (DECISIONS.md)."""
    today = today or timezone.localdate()
    notice = getattr(info_request, "notice", None)
    calendar = Calendar()
    explanation = calendar.explain(
        receipt_date(info_request.received_at), periods.REQUEST_NOTICE_DAYS
    )
    return {
        "registration_number": info_request.registration_number,
        "status": info_request.status,
        "status_display": info_request.get_status_display(),
        "received_at": info_request.received_at,
        "due_date": info_request.due_date,
        "extended_due_date": info_request.extended_due_date,
        "extension_reason": info_request.extension_reason,
        "completion_note": info_request.completion_note
        if info_request.status == Status.AWAITING_COMPLETION
        else "",
        "unit": info_request.unit.name if info_request.unit else "",
        "channel_display": info_request.get_channel_display(),
        "is_overdue": info_request.is_overdue(today),
        "outcome": notice.decision if notice else "",
        "outcome_display": notice.get_decision_display() if notice else "",
        "refusal_reason_display": notice.get_refusal_reason_display()
        if notice and notice.refusal_reason
        else "",
        "exemption_letters": notice.exemption_letters if notice else [],
        "decided_at": info_request.decided_at,
        "due_explanation": explanation,
        "timeline": public_timeline(info_request),
    }
