"""E-mails of objections: the applicant's receipt and answer, the officers' notices.

Rendered when called (inside the service's transaction), sent after commit.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from apps.accounts.recipients import officer_emails
from apps.accounts.roles import Role
from apps.core.models import BodyProfile
from apps.core.tasks import queue_templated_email


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
            language=objection.language,
            attachments=[
                (
                    f"tanda-bukti-keberatan-{objection.number}.pdf",
                    render_receipt_pdf(objection),
                    "application/pdf",
                )
            ],
        )
    queue_templated_email(
        to=officer_emails(Role.ATASAN_PPID),
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
            language=objection.language,
            attachments=attachments,
        )
    if objection.release_ordered:
        queue_templated_email(
            to=officer_emails(Role.PPID_PELAKSANA, objection.unit)
            + officer_emails(Role.PPID_UTAMA),
            template="objections/release_ordered",
            context=context,
        )


def objection_status_changed(objection) -> None:
    if objection.email:
        queue_templated_email(
            to=[objection.email],
            template="objections/status_changed",
            context=_context(objection),
            language=objection.language,
        )
