"""The working-day calendar (hari kerja) that every statutory deadline is counted in.

Rules (../shared/spec/DECISIONS.md): Monday to Friday are working days, except
Indonesian public holidays and cuti bersama (the `holidays` package, categories
`public` and `government`) and the closures officers add in the NonWorkingDay
table; that table can also mark a listed day as a working day, and it wins.

A period of N working days starts counting on the first working day strictly
after the start date; the due date is the N-th such day.

The holiday set is built once per year and calendar version (one database
query per year), never per day counted. With it comes the year's cumulative count
of working days, so a period's due date is a binary search and the working days
between two dates a subtraction, not a walk over the days (issue 18, item 4).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
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
    # cumulative[i]: working days from 1 January up to and including day i of the
    # year (0-based), so cumulative[-1] is the year's total.
    cumulative: tuple[int, ...] = ()


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


def _build_year_calendar(year: int, language: str) -> YearCalendar:
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
    cumulative, total = [], 0
    day = dt.date(year, 1, 1)
    while day.year == year:
        if day in opened or (day not in closed and day.weekday() < 5):
            total += 1
        cumulative.append(total)
        day += dt.timedelta(days=1)
    return YearCalendar(
        closed=closed, opened=frozenset(opened), cumulative=tuple(cumulative)
    )


@lru_cache(maxsize=256)
def _year_calendar(year: int, version: int, language: str) -> YearCalendar:
    return _build_year_calendar(year, language)


class Calendar:
    """A snapshot of the calendar: use one per computation (it memoises years).

    `fresh=True` reads the corrections from the database instead of the process's
    cache of year calendars: a background recount must see the correction that
    triggered it even if this process's cached version is behind.
    """

    def __init__(self, *, fresh: bool = False):
        self.version = calendar_version()
        self.language = _holiday_language()
        self.fresh = fresh
        self._years: dict[int, YearCalendar] = {}

    def year(self, year: int) -> YearCalendar:
        if year not in self._years:
            if self.fresh:
                self._years[year] = _build_year_calendar(year, self.language)
            else:
                self._years[year] = _year_calendar(year, self.version, self.language)
        return self._years[year]

    def _counted_through(self, day: dt.date) -> int:
        """Working days from 1 January of `day`'s year up to and including `day`."""
        return self.year(day.year).cumulative[day.timetuple().tm_yday - 1]

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
        """The `days`-th working day after `start`: a binary search in the
        cumulative count of the year it falls in (the same day `explain` walks to)."""
        if days < 1:
            raise ValueError("A period has at least one working day.")
        year = start.year
        target = self._counted_through(start) + days
        for _step in range(MAX_SCAN_DAYS // 366 + 1):
            cumulative = self.year(year).cumulative
            if cumulative[-1] >= target:
                index = bisect_left(cumulative, target)
                return dt.date(year, 1, 1) + dt.timedelta(days=index)
            target -= cumulative[-1]
            year += 1
        raise ValueError("No working days found in ten years; check the calendar.")

    def count_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (negative if before):
        differences of cumulative counts, one per year spanned."""
        if end < start:
            return -self.count_between(end, start)
        total = self._counted_through(end) - self._counted_through(start)
        for year in range(start.year, end.year):
            total += self.year(year).cumulative[-1]
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
