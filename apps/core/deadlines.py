"""Open deadlines of every case kind, recounted in one place when the calendar
changes (a regional holiday is declared, a closure is corrected).

Each case app registers its recount in AppConfig.ready (`register_recount`); the
one calendar_changed receiver runs them all. `recount_deadlines` is the loop they
share: lock each open case, recount, save what changed, write a due-date event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from django.db import models, transaction
from django.dispatch import receiver
from django.utils.translation import gettext_noop

from apps.core.models import EventKind
from apps.core.signals import calendar_changed
from apps.core.workdays import Calendar
from apps.core.workflow import record_event

Recount = Callable[..., int]
_RECOUNTS: list[Recount] = []


def register_recount(recount: Recount) -> Recount:
    """`recount(reason=...) -> int` runs after every calendar correction."""
    if recount not in _RECOUNTS:
        _RECOUNTS.append(recount)
    return recount


@receiver(calendar_changed)
def recount_open_deadlines(sender, reason: str = "", **kwargs) -> int:
    return sum(recount(reason=reason) for recount in _RECOUNTS)


def recount_deadlines(
    cases: models.QuerySet,
    *,
    recount: Callable[[models.Model, Calendar], Mapping[str, dt.date | None] | None],
    shown: Callable[[models.Model], dt.date | None],
    reason: str,
    now: dt.datetime | None = None,
) -> int:
    """For each case: its new dates (`recount` → {field: date}, or None to keep
    them), saved under a row lock with an event naming the date the applicant
    sees (`shown`) before and after. Returns the number of cases changed."""
    calendar = Calendar()
    changed = 0
    for pk in list(cases.values_list("pk", flat=True)):
        with transaction.atomic():
            case = cases.model._default_manager.select_for_update().get(pk=pk)
            values = recount(case, calendar)
            if not values or all(getattr(case, f) == v for f, v in values.items()):
                continue
            old = shown(case)
            for field, value in values.items():
                setattr(case, field, value)
            case.save(update_fields=[*values, "updated_at"])
            record_event(
                case,
                kind=EventKind.DUE_DATE,
                message=gettext_noop(
                    "Due date changed from %(old)s to %(new)s: calendar correction "
                    "%(why)s."
                ),
                data={"old": old, "new": shown(case), "why": reason},
                at=now,
            )
        changed += 1
    return changed
