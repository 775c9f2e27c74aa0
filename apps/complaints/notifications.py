"""Who hears of a complaint: its reporter (never an anonymous one) and the unit's
PPID Pelaksana (never the reporter's identity)."""

from __future__ import annotations

from django.conf import settings

from apps.accounts.models import Unit, User
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
    )


def unit_recipients(unit: Unit | None) -> list[str]:
    """E-mail addresses of the PPID Pelaksana of `unit` (or a unit above it)."""
    if unit is None:
        return []
    chain, current, seen = [], unit, set()
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        chain.append(current.pk)
        current = current.parent
    emails = (
        User.objects.filter(
            is_active=True, groups__name=Role.PPID_PELAKSANA, units__in=chain
        )
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return sorted(set(emails) | ({unit.email} if unit.email else set()))


def lead_recipients() -> list[str]:
    emails = (
        User.objects.filter(is_active=True, groups__name=Role.PPID_UTAMA)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return sorted(set(emails))


def notify_unit(complaint) -> None:
    # Never the reporter's identity: the unit e-mail template has no identity field.
    queue_templated_email(
        to=unit_recipients(complaint.unit),
        template="complaints/forwarded",
        context={"complaint": complaint, "site_url": settings.SITE_URL},
    )
