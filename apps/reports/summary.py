"""Maintained figures of each year's requests, so no page view scans the cases of
a year (issue 18, item 1).

A year's figures are StatisticsFigure rows: counts per status, month, channel,
unit, decision, refusal reason, Pasal 17 letter, and a histogram of working days
to the written notice (which keeps the median and the percentile exact).

- As cases change (apps.reports.signals): a request or its written notice saved
  or deleted appends the difference of its contribution (+1 for what it counts
  in now, -1 for what it counted in before) in the same transaction. Appending
  never waits on another transaction, so concurrent submissions do not queue on
  a counter row.
- Readers sum a year's rows (one query). When the rows of a year grow past
  COMPACT_AFTER, the task `compact_statistics` folds them into one per key.
- A year never summarised, or summarised under another working-day calendar, is
  rebuilt from the cases set-based (a few GROUP BY queries in the database, not
  rows in Python): the first read builds it; a calendar change queues the
  rebuild. `manage.py refresh_statistics` rebuilds every year (nightly in deploy/,
  healing what bulk writes that bypass signals may have missed).

The statistics pages are cached per year under a version bumped on each change.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractMonth, TruncDate
from django.utils import timezone

from apps.core.workdays import Calendar, calendar_version, receipt_date
from apps.info_requests.models import InformationRequest, NoticeDecision, RefusalReason
from apps.reports.models import StatisticsFigure, StatisticsYear

VERSION_KEY = "reports:statistics:version"
LIVE_VERSION_KEY = "reports:statistics:live-version"
# reports:statistics:built:<year> = the calendar version the year was built in.
BUILT_KEY = "reports:statistics:built:{year}"
# More rows than this in a year: fold them (a year has a few hundred keys).
COMPACT_AFTER = 2000
# A queued rebuild or compaction not done after this long is queued again.
TASK_LOST_AFTER = dt.timedelta(minutes=10)


def statistics_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, None)


def bump_statistics_version() -> None:
    _bump(VERSION_KEY)


def live_version() -> int:
    return cache.get_or_set(LIVE_VERSION_KEY, 1, None)


def bump_live_version() -> None:
    """Complaints, objections, survey or inbox changed (counted live)."""
    _bump(LIVE_VERSION_KEY)


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, None)


# What one case counts in.


def request_contribution(
    *,
    status,
    channel,
    received_at,
    unit_id,
    extended_due_date,
    decided_at,
    calendar: Calendar | None = None,
) -> tuple[int, Counter]:
    """(year, {(metric, key): 1}) of one request, without its notice."""
    from apps.accounts.models import Unit

    received = receipt_date(received_at)
    unit = ""
    if unit_id:
        unit = Unit.objects.filter(pk=unit_id).values_list("name", flat=True).first()
    counts = Counter(
        {
            ("status", status): 1,
            ("channel", channel): 1,
            ("month", str(received.month)): 1,
            ("unit", unit or ""): 1,
        }
    )
    if extended_due_date:
        counts["extended", ""] = 1
    if decided_at is not None:
        days = (calendar or Calendar()).count_between(
            received, receipt_date(decided_at)
        )
        counts["notice_days", str(days)] = 1
    return received.year, counts


def notice_contribution(*, decision, refusal_reason, exemption_letters) -> Counter:
    counts = Counter()
    if not decision:
        return counts
    counts["outcome", decision] = 1
    if decision == NoticeDecision.REFUSED:
        counts["refusal_reason", refusal_reason] = 1
        if refusal_reason == RefusalReason.EXEMPT:
            for letter in exemption_letters or []:
                counts["pasal17", str(letter)] += 1
    return counts


def apply_change(before: tuple[int, Counter] | None, after: tuple[int, Counter] | None):
    """Append the difference between a case's old and new contribution."""
    deltas: Counter = Counter()
    for sign, side in ((-1, before), (1, after)):
        if side is None:
            continue
        year, counts = side
        for (metric, key), n in counts.items():
            deltas[year, metric, key] += sign * n
    rows = [
        StatisticsFigure(year=year, metric=metric, key=key[:200], value=n)
        for (year, metric, key), n in deltas.items()
        if n
    ]
    if rows:
        StatisticsFigure.objects.bulk_create(rows)
    bump_statistics_version()


# Rebuilding and folding, in the task layer.


def compute_figures(year: int, calendar: Calendar | None = None) -> Counter:
    """{(metric, key): value} of `year`'s requests from the database's GROUP BY."""
    calendar = calendar or Calendar()
    requests = InformationRequest.objects.filter(received_at__year=year).order_by()
    figures: Counter = Counter()
    for row in requests.values(
        "status", "channel", "unit__name", month=ExtractMonth("received_at")
    ).annotate(
        n=Count("pk"), extended=Count("pk", filter=Q(extended_due_date__isnull=False))
    ):
        figures["status", row["status"]] += row["n"]
        figures["channel", row["channel"]] += row["n"]
        figures["month", str(row["month"])] += row["n"]
        figures["unit", row["unit__name"] or ""] += row["n"]
        figures["extended", ""] += row["extended"]
    for row in (
        requests.filter(notice__isnull=False)
        .values(
            "notice__decision", "notice__refusal_reason", "notice__exemption_letters"
        )
        .annotate(n=Count("pk"))
    ):
        for key, n in notice_contribution(
            decision=row["notice__decision"],
            refusal_reason=row["notice__refusal_reason"],
            exemption_letters=row["notice__exemption_letters"],
        ).items():
            figures[key] += n * row["n"]
    for row in (
        requests.filter(decided_at__isnull=False)
        .values(received=TruncDate("received_at"), decided=TruncDate("decided_at"))
        .annotate(n=Count("pk"))
    ):
        days = calendar.count_between(row["received"], row["decided"])
        figures["notice_days", str(days)] += row["n"]
    return Counter({key: value for key, value in figures.items() if value})


def refresh_year(year: int) -> None:
    """Rebuild `year`'s rows from its cases (idempotent). One snapshot on
    PostgreSQL (REPEATABLE READ): a change committed meanwhile keeps its
    appended row, which the snapshot neither counted nor deletes."""
    version = calendar_version()
    # The isolation level can only be set by the transaction's first statement:
    # inside a caller's transaction (publishing a report) its snapshot is used.
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        figures = compute_figures(year, Calendar())
        StatisticsFigure.objects.filter(year=year).delete()
        StatisticsFigure.objects.bulk_create(
            StatisticsFigure(year=year, metric=metric, key=key[:200], value=value)
            for (metric, key), value in figures.items()
        )
        _, first_build = StatisticsYear.objects.update_or_create(
            year=year,
            defaults={
                "calendar_version": version,
                "refreshed_at": timezone.now(),
                "refresh_queued_at": None,
            },
        )
    cache.set(BUILT_KEY.format(year=year), version, None)
    if not first_build:  # a first build happens inside the first read
        bump_statistics_version()


def compact_year(year: int) -> None:
    """Fold `year`'s rows into one per key: the rows read are locked, summed,
    deleted and replaced; rows appended meanwhile stay as they are."""
    with transaction.atomic():
        rows = list(
            StatisticsFigure.objects.select_for_update()
            .filter(year=year)
            .values_list("pk", "metric", "key", "value")
        )
        sums: Counter = Counter()
        for _, metric, key, value in rows:
            sums[metric, key] += value
        StatisticsFigure.objects.filter(pk__in=[row[0] for row in rows]).delete()
        StatisticsFigure.objects.bulk_create(
            StatisticsFigure(year=year, metric=metric, key=key, value=value)
            for (metric, key), value in sums.items()
            if value
        )
        StatisticsYear.objects.filter(year=year).update(compact_queued_at=None)


def _queue(task_name: str, year: int, field: str) -> None:
    from apps.reports import tasks

    StatisticsYear.objects.filter(year=year).update(**{field: timezone.now()})
    getattr(tasks, task_name).enqueue(year=year)


def _lost(stamp) -> bool:
    return stamp is None or timezone.now() - stamp > TASK_LOST_AFTER


# Reading.


def year_figures(year: int) -> dict[str, dict[str, int]]:
    """{metric: {key: value}} of `year`: its rows summed (one query when the year
    is summarised under the current calendar; built now if it never was)."""
    state = None
    if cache.get(BUILT_KEY.format(year=year)) != calendar_version():
        state = StatisticsYear.objects.filter(year=year).first()
        if state is None or state.refreshed_at is None:
            refresh_year(year)
            state = StatisticsYear.objects.get(year=year)
        elif state.calendar_version != calendar_version():
            if _lost(state.refresh_queued_at):
                _queue("refresh_statistics", year, "refresh_queued_at")
        else:
            cache.set(BUILT_KEY.format(year=year), state.calendar_version, None)
    figures: dict[str, dict[str, int]] = defaultdict(dict)
    rows = 0
    for row in (
        StatisticsFigure.objects.filter(year=year)
        .values("metric", "key")
        .annotate(value=Sum("value"), rows=Count("pk"))
        .order_by()
    ):
        rows += row["rows"]
        if row["value"]:
            figures[row["metric"]][row["key"]] = row["value"]
    if rows > COMPACT_AFTER:
        state = state or StatisticsYear.objects.filter(year=year).first()
        if state is not None and _lost(state.compact_queued_at):
            _queue("compact_statistics", year, "compact_queued_at")
    return figures


def years_with_requests() -> list[int]:
    """Every year that has requests or figures (for the nightly rebuild)."""
    years = {d.year for d in InformationRequest.objects.dates("received_at", "year")}
    years.update(StatisticsYear.objects.values_list("year", flat=True))
    return sorted(years)
