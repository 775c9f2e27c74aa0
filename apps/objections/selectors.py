"""Reads shared by the public pages, the API, the admin and the reports."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from apps.accounts.roles import scope_to_user
from apps.core import periods
from apps.core.models import StatusChange
from apps.core.validators import contact_matches
from apps.core.workdays import Calendar, receipt_date
from apps.objections.models import Objection, Status


def objection_for_applicant(number: str, contact: str) -> Objection | None:
    """The objection when number AND contact match; None alike for either mistake."""
    objection = (
        Objection.objects.select_related("request", "unit")
        .filter(number=(number or "").strip().upper())
        .first()
    )
    if objection is None or not contact_matches(
        contact, email=objection.email, phone=objection.phone
    ):
        return None
    return objection


def objections_visible_to(user):
    return scope_to_user(Objection.objects.all(), user)


def dispute_deadline(
    objection: Objection, *, today: dt.date | None = None
) -> dt.date | None:
    """Last day to take the dispute to the Komisi Informasi (UU 14/2008 Pasal 37(2)):
    14 working days after the answer, or after its due date passed unanswered."""
    today = today or timezone.localdate()
    if objection.status == Status.WITHDRAWN:
        return None
    if objection.decided_at:
        start = receipt_date(objection.decided_at)
    elif today > objection.due_date:
        start = objection.due_date
    else:
        return None
    return Calendar().add(start, periods.DISPUTE_FILING_DAYS)


def public_timeline(objection: Objection) -> list[dict]:
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
        for change in StatusChange.objects.for_object(objection).filter(is_public=True)
    ]


def public_status(objection: Objection, *, today: dt.date | None = None) -> dict:
    """What an objection's public status shows, and nothing personal."""
    today = today or timezone.localdate()
    deadline = dispute_deadline(objection, today=today)
    return {
        "number": objection.number,
        "request_number": objection.request.registration_number
        if objection.request
        else "",
        "status": objection.status,
        "status_display": objection.get_status_display(),
        "grounds": objection.grounds,
        "grounds_display": objection.grounds_display(),
        "received_at": objection.received_at,
        "due_date": objection.due_date,
        "is_overdue": objection.is_overdue(today),
        "outcome": objection.outcome,
        "outcome_display": objection.get_outcome_display() if objection.outcome else "",
        "decision_reasons": objection.decision_reasons,
        "release_ordered": objection.release_ordered,
        "decided_at": objection.decided_at,
        "released_at": objection.released_at,
        "has_answer": bool(objection.answer_letter),
        "dispute_deadline": deadline,
        "dispute_open": deadline is not None and today <= deadline,
        "timeline": public_timeline(objection),
    }


def objection_statistics(year: int) -> dict:
    """Figures of `year` for the public statistics and the annual report
    (the interface documented in apps/reports/statistics.py): objections received
    in the year by ground and by outcome, disputes filed in the year by stage.
    Three queries, whatever the number of cases."""
    from django.db.models import Count, Q
    from django.utils.translation import gettext as _

    from apps.objections.models import (
        GROUND_FIELDS,
        Dispute,
        DisputeStage,
        Ground,
        Outcome,
    )

    received = Objection.objects.filter(received_at__year=year).order_by()
    grounds = received.aggregate(
        **{
            letter: Count("pk", filter=Q(**{field: True}))
            for letter, field in GROUND_FIELDS.items()
        }
    )
    outcomes = dict(received.values_list("outcome").annotate(n=Count("pk")))
    stages = dict(
        Dispute.objects.filter(filed_on__year=year)
        .order_by()
        .values_list("stage")
        .annotate(n=Count("pk"))
    )
    return {
        "by_ground": [
            {"key": g.value, "label": g.label, "value": grounds[g.value]}
            for g in Ground
        ],
        "by_outcome": [
            {"key": o.value, "label": o.label, "value": outcomes.get(o.value, 0)}
            for o in Outcome
        ]
        + [
            {
                "key": "awaiting",
                "label": _("Awaiting the Atasan PPID's answer"),
                "value": outcomes.get("", 0),
            }
        ],
        "disputes": [
            {"key": s.value, "label": s.label, "value": stages.get(s.value, 0)}
            for s in DisputeStage
        ],
    }
