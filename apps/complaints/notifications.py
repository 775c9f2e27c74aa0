"""Who hears of a complaint, through the one pipeline (apps.core.notify): its
reporter (never an anonymous one by e-mail) of its receipt and of the steps they
care about; the unit's PPID Pelaksana of a disposition and, with the PPID Utama,
of the due and overdue ones (never the reporter's identity: the officers'
templates carry no identity field).
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from apps.accounts.roles import Role
from apps.complaints.models import Complaint, Status
from apps.core.cases import CaseKind
from apps.core.notify import APPLICANT, Notice, Officers, Reminder
from apps.core.periods import DUE_SOON_DAYS
from apps.core.tracking import make_status_token
from apps.core.workdays import Calendar

TRACKING_KIND = "complaint"


def status_link(complaint) -> str:
    token = make_status_token(TRACKING_KIND, complaint.number)
    return f"{settings.SITE_URL}/pengaduan/status/{token}/"


CASE_KIND = CaseKind(
    name=TRACKING_KIND,
    model=Complaint,
    number_field="number",
    label=_("complaint"),
    applicant_email=lambda c: "" if c.is_anonymous else c.reporter_email,
    status_url=status_link,
    number_prefix_field="complaint_number_prefix",
)

RECEIVED = "complaint.received"
STATUS_CHANGED = "complaint.status_changed"
FORWARDED = "complaint.forwarded"
REMINDER = "complaint.reminder"

# The steps the reporter hears of (not the verification, nor a reopening they
# asked for: the caller checks that).
REPORTER_HEARS = frozenset(
    {Status.REJECTED, Status.FORWARDED, Status.FOLLOWED_UP, Status.RESOLVED}
)


def _context(complaint, event) -> dict:
    return {"complaint": complaint, "status_link": status_link(complaint)}


NOTICES = [
    Notice(RECEIVED, "complaints/received", [APPLICANT], context=_context),
    Notice(STATUS_CHANGED, "complaints/status_changed", [APPLICANT], context=_context),
    Notice(
        FORWARDED,
        "complaints/forwarded",
        [Officers(Role.PPID_PELAKSANA)],
        context=lambda complaint, event: {"complaint": complaint},
    ),
]


def _due(today):
    horizon = Calendar().add(today, DUE_SOON_DAYS)
    due = (
        Complaint.objects.due_by(horizon)
        .filter(status__in=[Status.RECEIVED, Status.VERIFIED, Status.FORWARDED])
        .select_related("unit", "unit__parent")
        .order_by("due_date", "number")
    )
    return [(complaint, complaint.due_date < today) for complaint in due]


def _audience(complaint, overdue: bool):
    """The unit of a forwarded complaint; the PPID Utama of one to verify or
    forward."""
    if complaint.status == Status.FORWARDED:
        return [Officers(Role.PPID_PELAKSANA)]
    return [Officers(Role.PPID_UTAMA, of_unit=False)]


def _reminder_context(rows, today) -> dict:
    calendar = Calendar()
    listed = [
        {
            "complaint": complaint,
            "days_left": calendar.count_between(today, complaint.due_date),
            "overdue": overdue,
        }
        for complaint, overdue in rows
    ]
    return {"rows": listed, "overdue_count": sum(1 for r in listed if r["overdue"])}


REMINDERS = [
    Reminder(REMINDER, "complaints/reminder", _due, _audience, _reminder_context)
]
