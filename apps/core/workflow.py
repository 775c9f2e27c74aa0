"""Transition tables and the one guard every workflow uses, plus the audit-trail writer.

A workflow is a mapping {from_status: {allowed to_status, ...}}. Services call
`Workflow.check()` inside their transaction, then `record_transition()`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.errors import TransitionNotAllowed
from apps.core.models import StatusChange


class Workflow:
    def __init__(
        self,
        name: str,
        choices: type[models.TextChoices],
        transitions: Mapping[str, Iterable[str]],
    ):
        self.name = name
        self.choices = choices
        self.transitions = {src: frozenset(dst) for src, dst in transitions.items()}
        unknown = (
            set(self.transitions)
            | {d for dsts in self.transitions.values() for d in dsts}
        ) - set(choices.values)
        if unknown:
            raise ValueError(f"{name}: unknown statuses in transitions: {unknown}")

    def allowed(self, from_status: str) -> frozenset[str]:
        return self.transitions.get(from_status, frozenset())

    def can(self, from_status: str, to_status: str) -> bool:
        return to_status in self.allowed(from_status)

    def check(self, from_status: str, to_status: str) -> None:
        if not self.can(from_status, to_status):
            raise TransitionNotAllowed(
                _("A %(name)s cannot go from “%(src)s” to “%(dst)s”.")
                % {
                    "name": self.name,
                    "src": self.label(from_status),
                    "dst": self.label(to_status),
                }
            )

    def label(self, status: str) -> str:
        try:
            return str(self.choices(status).label)
        except ValueError:
            return status

    @property
    def terminal(self) -> frozenset[str]:
        return frozenset(s for s in self.choices.values if not self.allowed(s))


def record_transition(
    obj: models.Model,
    *,
    from_status: str,
    to_status: str,
    actor=None,
    note: str = "",
    is_public: bool = True,
    at=None,
) -> StatusChange:
    """Write one audit-trail row; call it inside the transition's transaction."""
    return StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        from_status=from_status or "",
        to_status=to_status,
        actor=actor if actor is not None and actor.is_authenticated else None,
        note=note,
        is_public=is_public,
        created_at=at or timezone.now(),
    )
