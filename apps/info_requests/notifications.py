"""Who hears of a request, through the one pipeline (apps.core.notify): the
applicant of its receipt and of each step; officers of the due and overdue ones.

Rendered in the worker, in the recipient's language; the PDFs attached are
official documents and always Indonesian.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.accounts.roles import Role
from apps.core import periods
from apps.core.cases import CaseKind
from apps.core.notify import APPLICANT, Notice, Officers, Reminder
from apps.core.workdays import Calendar
from apps.info_requests.letters import TRACKING_KIND, render_receipt_pdf, status_url
from apps.info_requests.models import InformationRequest, Status

CASE_KIND = CaseKind(
    name=TRACKING_KIND,
    model=InformationRequest,
    number_field="registration_number",
    label=_("information request"),
    applicant_email=lambda request: request.email,
    status_url=status_url,
    number_prefix_field="request_number_prefix",
)

RECEIVED = "request.received"
STATUS_CHANGED = "request.status_changed"
REMINDER = "request.reminder"


def _receipt(request, event) -> list:
    return [
        (
            f"tanda-bukti-{request.registration_number}.pdf",
            render_receipt_pdf(request),
            "application/pdf",
        )
    ]


def _notice_of(request):
    if request.status == Status.DECIDED and hasattr(request, "notice"):
        return request.notice
    return None


def _notice_letter(request, event) -> list:
    notice = _notice_of(request)
    if notice is None or not notice.letter:
        return []
    with notice.letter.open("rb") as handle:
        return [
            (
                f"pemberitahuan-tertulis-{request.registration_number}.pdf",
                handle.read(),
                "application/pdf",
            )
        ]


NOTICES = [
    Notice(
        RECEIVED,
        "info_requests/receipt",
        [APPLICANT],
        context=lambda request, event: {"req": request},
        attachments=_receipt,
    ),
    Notice(
        STATUS_CHANGED,
        "info_requests/status_changed",
        [APPLICANT],
        context=lambda request, event: {
            "req": request,
            "change": event,
            "notice": _notice_of(request),
        },
        attachments=_notice_letter,
    ),
]


def _due(today):
    horizon = Calendar().add(today, periods.DUE_SOON_DAYS)
    requests = InformationRequest.objects.select_related("unit")
    return [
        *((request, True) for request in requests.overdue(today)),
        *((request, False) for request in requests.due_soon(today, horizon)),
    ]


def _audience(request, overdue: bool):
    """The unit's PPID Pelaksana; the PPID Utama of a request still to route, and
    of every overdue one."""
    if request.unit_id is None:
        return [Officers(Role.PPID_UTAMA, of_unit=False)]
    audience = [Officers(Role.PPID_PELAKSANA)]
    if overdue:
        audience.append(Officers(Role.PPID_UTAMA, of_unit=False))
    return audience


def _reminder_context(rows, today) -> dict:
    return {
        "overdue": [request for request, overdue in rows if overdue],
        "soon": [request for request, overdue in rows if not overdue],
        "admin_url": settings.SITE_URL
        + reverse("admin:info_requests_informationrequest_changelist"),
    }


REMINDERS = [
    Reminder(REMINDER, "info_requests/reminder", _due, _audience, _reminder_context)
]
