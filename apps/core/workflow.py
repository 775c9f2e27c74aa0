"""Transition tables with per-transition guards, and the one transition service.

A workflow is a table {from_status: {allowed to_status, ...}} plus guards declared
per transition (a guard raises ApplicationError when the case's state forbids the
step). `Workflow.apply()` is the whole transition: lock the row, check the table
and the guards, set the status, its timestamp and the service's changes,
`full_clean()`, save, write the audit event, queue the notification after commit.
`available_steps()` answers which named steps a user may take now, so the admin,
the API and the public pages ask the workflow instead of re-deriving it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.errors import ApplicationError, TransitionNotAllowed
from apps.core.events import serialize
from apps.core.models import EventKind, StatusChange
from apps.core.signals import case_transitioned


@dataclass(frozen=True)
class Attempt:
    """What a guard may look at besides the locked case."""

    from_status: str
    to_status: str
    actor: Any = None
    now: dt.datetime = field(default_factory=timezone.now)
    data: Mapping[str, Any] = field(default_factory=dict)
    # The day date guards count from; the local date of `now` unless given.
    today: dt.date | None = None

    def __post_init__(self):
        if self.today is None:
            object.__setattr__(self, "today", timezone.localdate(self.now))


Guard = Callable[[models.Model, Attempt], None]
Changes = Mapping[str, Any] | Callable[[models.Model], Mapping[str, Any]]


@dataclass(frozen=True)
class Step:
    """A named step a user takes (a button): its target, who may, extra guards.

    `permission` is a permission codename or a callable (user, case) -> bool;
    `sources` narrows the statuses the step starts from (None: all the table allows).
    """

    name: str
    to: str
    label: str = ""
    permission: str | Callable[[Any, models.Model], bool] | None = None
    guards: Sequence[Guard] = ()
    sources: frozenset[str] | None = None

    def permits(self, user, case) -> bool:
        if self.permission is None:
            return True
        if not getattr(user, "is_authenticated", False):
            return False
        if callable(self.permission):
            return bool(self.permission(user, case))
        return user.has_perm(self.permission)


class Workflow:
    def __init__(
        self,
        name: str,
        choices: type[models.TextChoices],
        transitions: Mapping[str, Iterable[str]],
        *,
        field: str = "status",
        guards: Mapping[str | tuple[str, str], Sequence[Guard]] | None = None,
        stamps: Mapping[str, str] | None = None,
        steps: Sequence[Step] = (),
        clean_exclude: Sequence[str] = (),
        notify: Callable[[models.Model, StatusChange], None] | None = None,
    ):
        self.name = name
        self.choices = choices
        self.field = field
        self.transitions = {src: frozenset(dst) for src, dst in transitions.items()}
        # Keyed by the target status (any source) or by (source, target).
        self.guards = {key: tuple(value) for key, value in (guards or {}).items()}
        # Target status -> the timestamp field it sets to the transition's time.
        self.stamps = dict(stamps or {})
        self.steps = {step.name: step for step in steps}
        self.clean_exclude = list(clean_exclude)
        self.notify = notify
        targets = {d for dsts in self.transitions.values() for d in dsts}
        guarded = {k if isinstance(k, str) else k[1] for k in self.guards} | {
            k[0] for k in self.guards if not isinstance(k, str)
        }
        named = {step.to for step in steps} | {
            s for step in steps for s in step.sources or ()
        }
        unknown = (
            set(self.transitions) | targets | guarded | set(self.stamps) | named
        ) - set(choices.values)
        if unknown:
            raise ValueError(f"{name}: unknown statuses in transitions: {unknown}")

    # The table.

    def allowed(self, from_status: str) -> frozenset[str]:
        return self.transitions.get(from_status, frozenset())

    def can(self, from_status: str, to_status: str) -> bool:
        return to_status in self.allowed(from_status)

    def check(self, from_status: str, to_status: str) -> None:
        if not self.can(from_status, to_status):
            raise self._refusal(from_status, to_status)

    def _refusal(self, from_status: str, to_status: str) -> TransitionNotAllowed:
        return TransitionNotAllowed(
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

    # Guards and steps.

    def guards_for(self, from_status: str, to_status: str) -> tuple[Guard, ...]:
        return self.guards.get(to_status, ()) + self.guards.get(
            (from_status, to_status), ()
        )

    def check_guards(
        self, case, to_status: str, attempt: Attempt, step: Step | None = None
    ) -> None:
        """The guards (the step's, then the transition's), then the table: the first
        refusal raises. Guards go first because they say why in the case's terms
        ("extended only once") where the table would only name two statuses."""
        from_status = getattr(case, self.field)
        for guard in (
            *(step.guards if step else ()),
            *self.guards_for(from_status, to_status),
        ):
            guard(case, attempt)
        if step and step.sources is not None and from_status not in step.sources:
            raise self._refusal(from_status, to_status)
        self.check(from_status, to_status)

    def step(self, name: str) -> Step:
        return self.steps[name]

    def available_steps(self, case, user, *, now: dt.datetime | None = None):
        """The named steps `user` may take on `case` now, in declaration order."""
        now = now or timezone.now()
        current = getattr(case, self.field)
        open_steps = []
        for step in self.steps.values():
            if not self.can(current, step.to) or not step.permits(user, case):
                continue
            attempt = Attempt(current, step.to, actor=user, now=now)
            try:
                self.check_guards(case, step.to, attempt, step)
            except (ApplicationError, PermissionDenied):
                continue
            open_steps.append(step)
        return open_steps

    # The transition.

    def apply(
        self,
        case: models.Model,
        to: str,
        *,
        actor=None,
        note: str = "",
        message: str = "",
        data: Mapping[str, Any] | None = None,
        changes: Changes | None = None,
        step: str | None = None,
        now: dt.datetime | None = None,
        today: dt.date | None = None,
        is_public: bool = True,
        notify: bool = True,
    ) -> StatusChange:
        """from → `to` under a row lock; returns the event (its `.case` is the saved,
        locked row). Call it inside the caller's transaction when the caller writes
        more in the same unit of work; notifications go out after the outer commit.

        `message` (a gettext_noop msgid) and `data` (its params, also what the
        guards see) are the event's text, rendered in the reader's language;
        `note` is what the officer wrote.
        """
        now = now or timezone.now()
        with transaction.atomic():
            locked = type(case)._default_manager.select_for_update().get(pk=case.pk)
            from_status = getattr(locked, self.field)
            attempt = Attempt(
                from_status, to, actor=actor, now=now, data=data or {}, today=today
            )
            self.check_guards(
                locked, to, attempt, self.steps[step] if step is not None else None
            )
            values = dict(changes(locked) if callable(changes) else changes or {})
            if to in self.stamps:
                values.setdefault(self.stamps[to], now)
            for name, value in values.items():
                setattr(locked, name, value)
            setattr(locked, self.field, to)
            locked.full_clean(exclude=self.clean_exclude or None)
            update_fields = [*values, self.field]
            if any(f.name == "updated_at" for f in locked._meta.concrete_fields):
                update_fields.append("updated_at")
            if actor is not None and getattr(actor, "is_authenticated", False):
                locked._history_user = actor  # django-simple-history's author
            locked.save(update_fields=update_fields)
            event = record_transition(
                locked,
                from_status=from_status,
                to_status=to,
                actor=actor,
                note=note,
                message=message,
                data=data,
                is_public=is_public,
                at=now,
            )
            event.case = locked
            if notify:
                transaction.on_commit(lambda: self._announce(locked, event))
        return event

    def _announce(self, case, event) -> None:
        if self.notify is not None:
            self.notify(case, event)
        if event.is_public:
            case_transitioned.send(sender=type(case), case=case, event=event)


def record_transition(
    obj: models.Model,
    *,
    from_status: str,
    to_status: str,
    actor=None,
    note: str = "",
    kind: str = EventKind.TRANSITION,
    message: str = "",
    data: Mapping[str, Any] | None = None,
    is_public: bool = True,
    at=None,
) -> StatusChange:
    """Write one case event; call it inside the transaction that made it happen."""
    return StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        kind=kind,
        from_status=from_status or "",
        to_status=to_status,
        actor=actor if actor is not None and actor.is_authenticated else None,
        message=message,
        data=serialize(data),
        note=note,
        is_public=is_public,
        created_at=at or timezone.now(),
    )


def record_event(
    obj: models.Model,
    *,
    kind: str,
    actor=None,
    note: str = "",
    message: str = "",
    data: Mapping[str, Any] | None = None,
    is_public: bool = True,
    at=None,
) -> StatusChange:
    """An event that changes no status (assignment, due date, document, hearing)."""
    status = getattr(obj, "status", None) or getattr(obj, "stage", "")
    return record_transition(
        obj,
        from_status=status,
        to_status=status,
        actor=actor,
        note=note,
        kind=kind,
        message=message,
        data=data,
        is_public=is_public,
        at=at,
    )
