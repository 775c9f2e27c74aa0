"""Reads shared by the public pages, the API, the admin and the exports."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from apps.accounts.personal_data import may_see
from apps.accounts.roles import scope_to_user
from apps.complaints.codes import code_matches
from apps.complaints.models import Complaint
from apps.core.models import StatusChange
from apps.core.validators import contact_matches
from apps.core.workdays import Calendar


def complaints_visible_to(user) -> QuerySet[Complaint]:
    """The complaints an officer may see: all units, or their own units'."""
    if not getattr(user, "is_authenticated", False) or not user.has_perm(
        "complaints.view_complaint"
    ):
        return Complaint.objects.none()
    return scope_to_user(Complaint.objects.all(), user)


def identity_visible(user, complaint: Complaint) -> bool:
    """May `user` see who reported it? Confidential: the PPID Utama role only
    (the rule is apps.accounts.personal_data's)."""
    return may_see(user, complaint)


def reporter_label(user, complaint: Complaint) -> str:
    """The reporter's name, or why it is not shown."""
    if complaint.is_anonymous:
        return _("Anonymous")
    if not identity_visible(user, complaint):
        return _("Confidential")
    return complaint.reporter_name


def find_for_status(number: str, contact: str) -> Complaint | None:
    """A complaint by number and contact (e-mail, phone or secret code), else None.

    Wrong number and wrong contact give the same None.
    """
    complaint = (
        Complaint.objects.select_related("unit")
        .filter(number__iexact=(number or "").strip())
        .first()
    )
    if complaint is None:
        return None
    if complaint.is_anonymous:
        ok = code_matches(contact, complaint.secret_code_hash)
    else:
        ok = contact_matches(
            contact, email=complaint.reporter_email, phone=complaint.reporter_phone
        )
    return complaint if ok else None


def public_timeline(complaint: Complaint) -> list[StatusChange]:
    return list(StatusChange.objects.for_object(complaint).filter(is_public=True))


def days_left(complaint: Complaint, today: dt.date, calendar=None) -> int | None:
    """Working days until the current due date (negative when overdue)."""
    if not complaint.is_open or complaint.due_date is None:
        return None
    return (calendar or Calendar()).count_between(today, complaint.due_date)
