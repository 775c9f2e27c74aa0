"""The working-day calendar (hari kerja) that every statutory deadline is counted in.

Rules (../shared/spec/DECISIONS.md): Monday to Friday are working days, except
Indonesian public holidays and cuti bersama (the `holidays` package, categories
`public` and `government`) and the closures officers add in the NonWorkingDay
table; that table can also mark a listed day as a working day, and it wins.

A period of N working days starts counting on the first working day strictly
after the start date; the due date is the N-th such day.

The holiday set is built once per year and calendar version (one database
query per year), never per day counted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

import holidays

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

VERSION_KEY = "core:workdays:version"
HOLIDAY_CATEGORIES = ("public", "government")
# Upper bound on how far a period may reach, so a corrupt calendar cannot loop forever.
MAX_SCAN_DAYS = 3660


@dataclass(frozen=True)
class YearCalendar:
    closed: dict[dt.date, str]  # weekdays without service, with a reason
    opened: frozenset[dt.date]  # days marked as working days by officers


@dataclass(frozen=True)
class SkippedDay:
    date: dt.date
    reason: str


@dataclass(frozen=True)
class PeriodExplanation:
    start: dt.date
    days: int
    due_date: dt.date
    counted: list[dt.date] = field(default_factory=list)
    skipped: list[SkippedDay] = field(default_factory=list)

    def summary(self) -> str:
        return _(
            "%(days)s working days after %(start)s: due %(due)s "
            "(%(skipped)s days skipped)."
        ) % {
            "days": self.days,
            "start": self.start.isoformat(),
            "due": self.due_date.isoformat(),
            "skipped": len(self.skipped),
        }


def calendar_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, None)


def bump_calendar_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def _holiday_language() -> str:
    return "id" if (get_language() or "id").startswith("id") else "en_US"


@lru_cache(maxsize=64)
def _package_holidays(year: int, language: str) -> dict[dt.date, str]:
    calendar = holidays.Indonesia(
        years=year, categories=HOLIDAY_CATEGORIES, language=language
    )
    return dict(calendar.items())


@lru_cache(maxsize=256)
def _year_calendar(year: int, version: int, language: str) -> YearCalendar:
    from apps.core.models import NonWorkingDay

    closed = dict(_package_holidays(year, language))
    opened = set()
    for day in NonWorkingDay.objects.filter(date__year=year).only(
        "date", "kind", "name"
    ):
        if day.kind == NonWorkingDay.Kind.WORKING:
            closed.pop(day.date, None)
            opened.add(day.date)
        else:
            closed[day.date] = day.name
            opened.discard(day.date)
    return YearCalendar(closed=closed, opened=frozenset(opened))


class Calendar:
    """A snapshot of the calendar: use one per computation (it memoises years)."""

    def __init__(self):
        self.version = calendar_version()
        self.language = _holiday_language()
        self._years: dict[int, YearCalendar] = {}

    def year(self, year: int) -> YearCalendar:
        if year not in self._years:
            self._years[year] = _year_calendar(year, self.version, self.language)
        return self._years[year]

    def non_working_reason(self, day: dt.date) -> str | None:
        """None for a working day, else why there is no service on that day."""
        year = self.year(day.year)
        if day in year.opened:
            return None
        if day in year.closed:
            return year.closed[day]
        if day.weekday() >= 5:
            return _("Saturday") if day.weekday() == 5 else _("Sunday")
        return None

    def is_working_day(self, day: dt.date) -> bool:
        return self.non_working_reason(day) is None

    def explain(self, start: dt.date, days: int) -> PeriodExplanation:
        if days < 1:
            raise ValueError("A period has at least one working day.")
        counted: list[dt.date] = []
        skipped: list[SkippedDay] = []
        day = start
        for _step in range(MAX_SCAN_DAYS):
            day += dt.timedelta(days=1)
            reason = self.non_working_reason(day)
            if reason is None:
                counted.append(day)
                if len(counted) == days:
                    return PeriodExplanation(start, days, day, counted, skipped)
            else:
                skipped.append(SkippedDay(day, reason))
        raise ValueError("No working days found in ten years; check the calendar.")

    def add(self, start: dt.date, days: int) -> dt.date:
        return self.explain(start, days).due_date

    def count_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (negative if before)."""
        if end < start:
            return -self.count_between(end, start)
        total = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                total += 1
        return total


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The N-th working day after `start` (the due date of an N-day period)."""
    return Calendar().add(start, days)


def count_working_days(start: dt.date, end: dt.date) -> int:
    return Calendar().count_between(start, end)


def explain_period(start: dt.date, days: int) -> PeriodExplanation:
    return Calendar().explain(start, days)


def is_working_day(day: dt.date) -> bool:
    return Calendar().is_working_day(day)


def receipt_date(moment: dt.datetime) -> dt.date:
    """The calendar date of receipt in the portal's time zone (TIME_ZONE)."""
    return timezone.localtime(moment).date()
