"""Which officers hear of a case: one rule for every case kind.

An officer with the role hears of a unit's case when the unit is theirs or below
theirs (the units they may see, roles.visible_unit_ids); a unit's own address
(Unit.email) hears what its PPID Pelaksana hear. Registered with the notification
pipeline (apps.core.notify) in AccountsConfig.ready.
"""

from __future__ import annotations

from apps.accounts.models import Unit, User
from apps.accounts.roles import Role, visible_unit_ids
from apps.core.models import RecipientKind
from apps.core.notify import EMAIL, Recipient

# Officers read their mail in the body's language.
OFFICER_LANGUAGE = "id"


def officer_recipients(role: str, unit: Unit | None = None) -> list[Recipient]:
    """The active officers with `role` for `unit` (None: all of them), by address."""
    users = (
        User.objects.filter(is_active=True, groups__name=role)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    found: dict[str, Recipient] = {}
    for user in users:
        units = visible_unit_ids(user)
        if unit is None or units is None or unit.pk in units:
            found.setdefault(
                user.email.lower(),
                Recipient(
                    RecipientKind.OFFICER,
                    EMAIL,
                    user.email,
                    name=user.get_full_name() or user.username,
                    language=OFFICER_LANGUAGE,
                ),
            )
    if unit is not None and role == Role.PPID_PELAKSANA and unit.email:
        found.setdefault(
            unit.email.lower(),
            Recipient(
                RecipientKind.OFFICER,
                EMAIL,
                unit.email,
                name=unit.name,
                language=OFFICER_LANGUAGE,
            ),
        )
    return [found[address] for address in sorted(found)]
