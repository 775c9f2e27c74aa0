"""E-mails of objections: the applicant's receipt and answer, the officers' notices.

Rendered when called (inside the service's transaction), sent after commit.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from apps.accounts.roles import Role, visible_unit_ids
from apps.core.models import BodyProfile
from apps.core.tasks import queue_templated_email


def _officers(role, unit_id=None) -> list[str]:
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=role)
        .exclude(email="")
        .distinct()
    )
    emails = []
    for user in users:
        units = visible_unit_ids(user)
        if unit_id is None or units is None or unit_id in units:
            emails.append(user.email)
    return emails


def _context(objection) -> dict:
    from apps.objections.letters import status_url

    return {
        "objection": objection,
        "body": BodyProfile.load(),
        "status_url": status_url(objection),
        "admin_url": settings.SITE_URL
        + reverse("admin:objections_objection_change", args=[objection.pk]),
    }


def objection_received(objection) -> None:
    from apps.objections.letters import render_receipt_pdf

    context = _context(objection)
    if objection.email:
        queue_templated_email(
            to=[objection.email],
            template="objections/receipt",
            context=context,
            attachments=[
                (
                    f"tanda-bukti-keberatan-{objection.number}.pdf",
                    render_receipt_pdf(objection),
                    "application/pdf",
                )
            ],
        )
    queue_templated_email(
        to=_officers(Role.ATASAN_PPID),
        template="objections/new_for_atasan",
        context=context,
    )


def objection_answered(objection) -> None:
    context = _context(objection)
    if objection.email:
        attachments = []
        if objection.answer_letter:
            with objection.answer_letter.open("rb") as handle:
                attachments.append(
                    (
                        f"tanggapan-keberatan-{objection.number}.pdf",
                        handle.read(),
                        "application/pdf",
                    )
                )
        queue_templated_email(
            to=[objection.email],
            template="objections/answered",
            context=context,
            attachments=attachments,
        )
    if objection.release_ordered:
        queue_templated_email(
            to=_officers(Role.PPID_PELAKSANA, objection.unit_id)
            + _officers(Role.PPID_UTAMA),
            template="objections/release_ordered",
            context=context,
        )


def objection_status_changed(objection) -> None:
    if objection.email:
        queue_templated_email(
            to=[objection.email],
            template="objections/status_changed",
            context=_context(objection),
        )
