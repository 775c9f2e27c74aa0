"""Open deadlines of every case kind, recounted in one place when the calendar
changes (a regional holiday is declared, a closure is corrected).

Each case app registers what its open deadlines are (`register_recount` with an
`OpenDeadlines`) in AppConfig.ready; the one calendar_changed receiver records a
`DeadlineRecount` run and hands it to the task layer, never doing the work in the
request that saved the correction (issue 18, item 4).

The task (`run_recount`) walks each kind's open cases in primary-key batches.
One batch is one transaction: read the batch, recount it in Python with the
cumulative calendar, lock and re-read only the cases whose dates change, write
them with one UPDATE, their due-date events with one INSERT, and the run's cursor.
So a run stopped midway (worker killed, timeout) leaves every batch either done
and counted or untouched, and the next run of the task carries on from the cursor;
a run over cases already recounted changes nothing (idempotent).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_noop

from apps.core.events import serialize
from apps.core.models import DeadlineRecount, EventKind, StatusChange
from apps.core.signals import calendar_changed
from apps.core.workdays import Calendar

logger = logging.getLogger(__name__)

BATCH_SIZE = 2000
# No progress for this long: the worker running the recount died or timed out;
# `manage.py recount_deadlines` (every 15 minutes in deploy/) carries it on.
STALLED_AFTER = dt.timedelta(minutes=10)

Recount = Callable[[models.Model, Calendar], Mapping[str, dt.date | None] | None]


@dataclass(frozen=True)
class OpenDeadlines:
    """A case kind's open deadlines: which cases (`cases()`), the fields its
    `recount` and `shown` read (loaded with only()), how to recount one case
    ({field: date}, or None to keep its dates) and the date the applicant sees."""

    cases: Callable[[], models.QuerySet]
    fields: Sequence[str]
    recount: Recount
    shown: Callable[[models.Model], dt.date | None]

    @property
    def key(self) -> str:
        return self.cases().model._meta.label_lower


_RECOUNTS: list[OpenDeadlines] = []


def register_recount(deadlines: OpenDeadlines) -> OpenDeadlines:
    """Recount these deadlines after every calendar correction."""
    if all(d.key != deadlines.key for d in _RECOUNTS):
        _RECOUNTS.append(deadlines)
    return deadlines


@receiver(calendar_changed)
def recount_open_deadlines(sender, reason: str = "", **kwargs) -> DeadlineRecount:
    """The one receiver: schedule the recount of every registered kind."""
    return schedule_recount(reason=reason)


def schedule_recount(*, reason: str) -> DeadlineRecount:
    """Start a run, or restart the unfinished one (its cases must be recounted
    against the calendar as it is now), and queue the task after commit."""
    from apps.core.tasks import recount_deadlines

    totals = {d.key: d.cases().count() for d in _RECOUNTS}
    for _attempt in range(3):
        try:
            with transaction.atomic():
                run = (
                    DeadlineRecount.objects.select_for_update()
                    .filter(status=DeadlineRecount.Status.RUNNING)
                    .first()
                )
                if run is None:
                    run = DeadlineRecount(reason=reason)
                else:
                    run.generation += 1
                    if reason and reason not in run.reason.splitlines():
                        run.reason = f"{run.reason}\n{reason}".strip()
                run.progress = {
                    key: {"after": 0, "done": 0, "changed": 0, "finished": False}
                    for key in totals
                }
                run.total = sum(totals.values())
                run.done = 0
                run.save()
            break
        except IntegrityError:  # another correction created the run meanwhile
            continue
    else:  # pragma: no cover - three concurrent creations in a row
        raise RuntimeError("Could not schedule the deadline recount.")
    run_id = run.pk
    transaction.on_commit(lambda: recount_deadlines.enqueue(run_id=run_id))
    return run


def current_recount() -> DeadlineRecount | None:
    """The unfinished run, or else the latest one (for the admin's progress)."""
    return DeadlineRecount.objects.order_by("-created_at", "-pk").first()


def is_stalled(run: DeadlineRecount, *, now: dt.datetime | None = None) -> bool:
    return not run.is_finished and (now or timezone.now()) - run.updated_at > (
        STALLED_AFTER
    )


def resume_unfinished(
    *, batch_size: int = BATCH_SIZE, only_stalled: bool = False
) -> DeadlineRecount | None:
    """Complete the unfinished run in this process (a worker died midway); with
    `only_stalled`, leave a run that is making progress to its worker."""
    run = DeadlineRecount.objects.filter(status=DeadlineRecount.Status.RUNNING).first()
    if run is None or (only_stalled and not is_stalled(run)):
        return run
    return run_recount(run.pk, batch_size=batch_size)


def run_recount(
    run_id: int, *, batch_size: int = BATCH_SIZE, now: dt.datetime | None = None
) -> DeadlineRecount:
    """Carry the run on from its cursors to the end, one transaction per batch.
    Safe to run twice at once: each batch locks the run's row, so two workers
    take turns, never the same batch. A further correction meanwhile resets the
    cursors (schedule_recount) and this loop simply starts over."""
    calendar, generation = None, None
    while True:
        with transaction.atomic():
            run = DeadlineRecount.objects.select_for_update().get(pk=run_id)
            if run.is_finished:
                return run
            if run.generation != generation:
                calendar, generation = Calendar(fresh=True), run.generation
            deadlines = next(
                (
                    d
                    for d in _RECOUNTS
                    if not run.progress.get(d.key, {}).get("finished", False)
                ),
                None,
            )
            if deadlines is None:
                run.status = DeadlineRecount.Status.DONE
                run.finished_at = timezone.now()
                run.save(update_fields=["status", "finished_at", "updated_at"])
                logger.info(
                    "Deadline recount %s: %s cases, %s changed.",
                    run.pk,
                    run.done,
                    run.changed,
                )
                return run
            state = run.progress.setdefault(
                deadlines.key, {"after": 0, "done": 0, "changed": 0, "finished": False}
            )
            seen, changed, last = _recount_batch(
                deadlines,
                after=state["after"],
                limit=batch_size,
                calendar=calendar,
                reason=run.reason.replace("\n", "; "),
                now=now or timezone.now(),
            )
            state["after"] = last or state["after"]
            state["done"] += seen
            state["changed"] += changed
            state["finished"] = seen < batch_size
            run.done = sum(s["done"] for s in run.progress.values())
            run.changed = sum(s["changed"] for s in run.progress.values())
            run.started_at = run.started_at or timezone.now()
            run.save(
                update_fields=[
                    "progress",
                    "done",
                    "changed",
                    "started_at",
                    "updated_at",
                ]
            )


def _recount_batch(
    deadlines: OpenDeadlines,
    *,
    after: int,
    limit: int,
    calendar: Calendar,
    reason: str,
    now: dt.datetime,
) -> tuple[int, int, int | None]:
    """Recount the next `limit` open cases after pk `after`; write only those
    whose dates change. Returns (cases seen, cases changed, last pk seen)."""
    fields = ["pk", *deadlines.fields]
    batch = list(
        deadlines.cases().filter(pk__gt=after).order_by("pk").only(*fields)[:limit]
    )
    if not batch:
        return 0, 0, None
    stale = [case.pk for case in batch if _new_dates(deadlines, case, calendar)]
    changed = 0
    if stale:
        model = deadlines.cases().model
        # Re-read the changing cases under a row lock: a step taken since the
        # batch was read (closed, extended) wins over this recount. Whole rows
        # where the model keeps history (its rows copy every field).
        locked = (
            deadlines.cases()
            .filter(pk__in=stale)
            .select_for_update(of=("self",))
            .order_by("pk")
        )
        if not hasattr(model, "history"):
            locked = locked.only(*fields)
        updates, events, written = [], [], set()
        for case in list(locked):
            values = _new_dates(deadlines, case, calendar)
            if not values:
                continue
            old = deadlines.shown(case)
            for field, value in values.items():
                setattr(case, field, value)
            case.updated_at = now
            written.update(values)
            updates.append(case)
            events.append((case, old, deadlines.shown(case)))
        if updates:
            _bulk_update(model, updates, [*sorted(written), "updated_at"], now)
            content_type = ContentType.objects.get_for_model(model)
            StatusChange.objects.bulk_create(
                StatusChange(
                    content_type=content_type,
                    object_id=case.pk,
                    kind=EventKind.DUE_DATE,
                    from_status=_status(case),
                    to_status=_status(case),
                    message=gettext_noop(
                        "Due date changed from %(old)s to %(new)s: calendar "
                        "correction %(why)s."
                    ),
                    data=serialize({"old": old, "new": new, "why": reason}),
                    created_at=now,
                )
                for case, old, new in events
            )
            changed = len(updates)
    return len(batch), changed, batch[-1].pk


def _new_dates(deadlines: OpenDeadlines, case, calendar) -> dict | None:
    values = deadlines.recount(case, calendar)
    if not values or all(getattr(case, f) == v for f, v in values.items()):
        return None
    return dict(values)


def _status(case) -> str:
    return getattr(case, "status", None) or getattr(case, "stage", "")


def _bulk_update(model, objs, fields, now):
    """One UPDATE per batch; with the model's history rows where it keeps them."""
    if hasattr(model, "history"):
        from simple_history.utils import bulk_update_with_history

        bulk_update_with_history(
            objs,
            model,
            fields,
            default_date=now,
            default_change_reason="calendar correction",
        )
    else:
        model._default_manager.bulk_update(objs, fields)


def recount_now(deadlines: OpenDeadlines, *, reason: str, now=None) -> int:
    """Recount one kind in this process, batch by batch (no run record): for
    tests and the shell. Returns the number of cases changed."""
    calendar, after, changed = Calendar(fresh=True), 0, 0
    while True:
        with transaction.atomic():
            seen, batch_changed, last = _recount_batch(
                deadlines,
                after=after,
                limit=BATCH_SIZE,
                calendar=calendar,
                reason=reason,
                now=now or timezone.now(),
            )
        changed += batch_changed
        if seen < BATCH_SIZE:
            return changed
        after = last
