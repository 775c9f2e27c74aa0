"""Who hears of an objection, through the one pipeline (apps.core.notify): the
applicant of its receipt and answer; the Atasan PPID of a new one and of the due
and overdue ones; the unit's PPID (and the PPID Utama) of a release ordered.

Rendered in the worker; the PDFs attached are official documents (Indonesian).
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
from apps.objections.letters import TRACKING_KIND, render_receipt_pdf, status_url
from apps.objections.models import Objection

CASE_KIND = CaseKind(
    name=TRACKING_KIND,
    model=Objection,
    number_field="number",
    label=_("objection"),
    applicant_email=lambda objection: objection.email,
    status_url=status_url,
    number_prefix_field="objection_number_prefix",
)

RECEIVED = "objection.received"
NEW_FOR_ATASAN = "objection.new_for_atasan"
ANSWERED = "objection.answered"
RELEASE_ORDERED = "objection.release_ordered"
STATUS_CHANGED = "objection.status_changed"
REMINDER = "objection.reminder"


def _context(objection, event) -> dict:
    return {
        "objection": objection,
        "admin_url": settings.SITE_URL
        + reverse("admin:objections_objection_change", args=[objection.pk]),
    }


def _receipt(objection, event) -> list:
    return [
        (
            f"tanda-bukti-keberatan-{objection.number}.pdf",
            render_receipt_pdf(objection),
            "application/pdf",
        )
    ]


def _answer_letter(objection, event) -> list:
    if not objection.answer_letter:
        return []
    with objection.answer_letter.open("rb") as handle:
        return [
            (
                f"tanggapan-keberatan-{objection.number}.pdf",
                handle.read(),
                "application/pdf",
            )
        ]


NOTICES = [
    Notice(
        RECEIVED,
        "objections/receipt",
        [APPLICANT],
        context=_context,
        attachments=_receipt,
    ),
    Notice(
        NEW_FOR_ATASAN,
        "objections/new_for_atasan",
        [Officers(Role.ATASAN_PPID, of_unit=False)],
        context=_context,
    ),
    Notice(
        ANSWERED,
        "objections/answered",
        [APPLICANT],
        context=_context,
        attachments=_answer_letter,
    ),
    Notice(
        RELEASE_ORDERED,
        "objections/release_ordered",
        [Officers(Role.PPID_PELAKSANA), Officers(Role.PPID_UTAMA, of_unit=False)],
        context=_context,
    ),
    Notice(STATUS_CHANGED, "objections/status_changed", [APPLICANT], context=_context),
]


def _due(today):
    horizon = Calendar().add(today, periods.DUE_SOON_DAYS)
    return [
        *(
            (o, True)
            for o in Objection.objects.overdue(today).order_by("due_date", "pk")
        ),
        *(
            (o, False)
            for o in Objection.objects.due_soon(today, horizon).order_by(
                "due_date", "pk"
            )
        ),
    ]


def _reminder_context(rows, today) -> dict:
    return {
        "overdue": [objection for objection, overdue in rows if overdue],
        "soon": [objection for objection, overdue in rows if not overdue],
        "admin_url": settings.SITE_URL
        + reverse("admin:objections_objection_changelist"),
    }


REMINDERS = [
    Reminder(
        REMINDER,
        "objections/reminder",
        _due,
        lambda objection, overdue: [Officers(Role.ATASAN_PPID, of_unit=False)],
        _reminder_context,
    )
]
