"""Who hears of a complaint: its reporter (never an anonymous one) and the unit's
PPID Pelaksana (never the reporter's identity)."""

from __future__ import annotations

from django.conf import settings

from apps.accounts.models import Unit
from apps.accounts.recipients import officer_emails
from apps.accounts.roles import Role
from apps.core.tasks import queue_templated_email
from apps.core.tracking import make_status_token


def status_link(complaint) -> str:
    token = make_status_token("complaint", complaint.number)
    return f"{settings.SITE_URL}/pengaduan/status/{token}/"


def notify_reporter(complaint, template: str) -> None:
    if complaint.is_anonymous or not complaint.reporter_email:
        return
    queue_templated_email(
        to=[complaint.reporter_email],
        template=f"complaints/{template}",
        context={"complaint": complaint, "status_link": status_link(complaint)},
        language=complaint.language,
    )


def unit_recipients(unit: Unit | None) -> list[str]:
    """The PPID Pelaksana of `unit` (or of a unit above it) and the unit's address."""
    return officer_emails(Role.PPID_PELAKSANA, unit) if unit is not None else []


def lead_recipients() -> list[str]:
    return officer_emails(Role.PPID_UTAMA)


def notify_unit(complaint) -> None:
    # Never the reporter's identity: the unit e-mail template has no identity field.
    queue_templated_email(
        to=unit_recipients(complaint.unit),
        template="complaints/forwarded",
        context={"complaint": complaint, "site_url": settings.SITE_URL},
    )
