"""Which officers hear of a case: one rule for every case kind.

An officer with the role hears of a unit's case when the unit is theirs or below
theirs (the units they may see, roles.visible_unit_ids); a unit's own address
(Unit.email) hears what its PPID Pelaksana hear.
"""

from __future__ import annotations

from apps.accounts.models import Unit, User
from apps.accounts.roles import Role, visible_unit_ids


def officer_emails(role: str, unit: Unit | None = None) -> list[str]:
    """Addresses of the active officers with `role` for `unit` (None: all of them)."""
    users = (
        User.objects.filter(is_active=True, groups__name=role)
        .exclude(email="")
        .distinct()
    )
    emails = set()
    for user in users:
        units = visible_unit_ids(user)
        if unit is None or units is None or unit.pk in units:
            emails.add(user.email)
    if unit is not None and role == Role.PPID_PELAKSANA and unit.email:
        emails.add(unit.email)
    return sorted(emails)
