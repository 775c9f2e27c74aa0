"""Service statistics per calendar year: one selector for the statistics page, the
API (/api/v1/statistics/) and the annual report (spec §7, UU 14/2008 Pasal 12).

Counting rules:
- The requests of a year are those received in it (local date, TIME_ZONE); their
  outcomes count in that year even when the notice was issued in January after.
- Working days to the written notice: Calendar.count_between(receipt date, date of
  the notice), i.e. day 1 is the first working day after receipt (DECISIONS.md).
- Median: the middle value, or the mean of the two middle values. The 90th
  percentile uses the nearest-rank method: the value at rank ceil(0.9 * n).
- Survey index (PermenPANRB 14/2017): the mean score (1-4) of each element, the
  overall index is the mean of the nine element means (weight 1/9 each) times 25.
- Objections and disputes come from the objections app, which registers its
  figures in its AppConfig.ready (`register_figures("objections", function)`;
  apps.objections.selectors.objection_statistics(year)), returning
  {"by_ground": [row], "by_outcome": [row], "disputes": [row]} with rows
  {"key", "label", "value"}. While that app is not installed the figures are
  None ("not yet available"), never made up.

Every function runs a fixed number of queries, however many cases there are. The
request figures come from the maintained summary (apps.reports.summary), never from
the year's cases; the results are cached per year (issue 18, item 1).
"""

from __future__ import annotations

import math
import statistics as stats
from collections import Counter
from collections.abc import Mapping

from django.apps import apps
from django.core.cache import cache
from django.db.models import Avg, Count
from django.utils.dates import MONTHS
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from apps.complaints.models import Complaint
from apps.complaints.models import Status as ComplaintStatus
from apps.core import periods
from apps.core.workdays import calendar_version, receipt_date
from apps.info_requests.models import (
    Channel,
    InformationRequest,
    NoticeDecision,
    RefusalReason,
    Status,
)
from apps.reports import summary
from apps.reports.models import SkmElement, SurveyResponse

NOTICE_GIVEN = (Status.DECIDED, Status.REOPENED)
# The cached statistics of a year live at most this long (they are invalidated
# on every change anyway; this bounds what a missed invalidation can cost).
CACHE_SECONDS = 600
# The years statistics exist for: from UU 14/2008 to a far but finite bound (the
# API answers 400 and the CSV/JSON downloads 404 outside it).
FIRST_YEAR = 2008
LAST_YEAR = 2100
OBJECTIONS_APP = "apps.objections"
# Figures other apps contribute, by name: function(year) -> dict (register_figures).
_FIGURES: dict = {}
# PermenPANRB 14/2017: converted index (25-100) bands and their grades.
SKM_GRADES = (
    (88.31, "A", gettext_lazy("Very good")),
    (76.61, "B", gettext_lazy("Good")),
    (65.00, "C", gettext_lazy("Not good")),
    (25.00, "D", gettext_lazy("Poor")),
)


def _row(key, label, value) -> dict:
    return {"key": str(key), "label": str(label), "value": value}


def _series(key: str, title: str, rows: list[dict], unit: str = "") -> dict:
    return {"key": key, "title": str(title), "unit": str(unit), "rows": rows}


def median(values: list[int]) -> float | None:
    return float(stats.median(values)) if values else None


def percentile(values: list[int], p: float) -> int | None:
    """Nearest-rank percentile: the smallest value with at least p% at or below."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def timeliness(days: Mapping[int, int]) -> dict:
    """Working days to the written notice, from their histogram {days: requests}."""
    ordered = sorted(days.items())
    count = sum(n for _, n in ordered)

    def at_rank(rank: int) -> int:
        seen = 0
        for value, n in ordered:
            seen += n
            if seen >= rank:
                return value
        raise IndexError(rank)

    if not count:
        middle = p90 = None
    else:
        middle = (
            float(at_rank(count // 2 + 1))
            if count % 2
            else (at_rank(count // 2) + at_rank(count // 2 + 1)) / 2
        )
        p90 = at_rank(max(1, math.ceil(0.9 * count)))
    within = sum(n for d, n in ordered if d <= periods.REQUEST_NOTICE_DAYS)
    total = sum(d * n for d, n in ordered)
    return {
        "decided": count,
        "median_working_days": middle,
        "p90_working_days": p90,
        "mean_working_days": round(total / count, 2) if count else None,
        "max_working_days": ordered[-1][0] if count else None,
        "within_10": within,
        "within_10_percent": round(100 * within / count, 1) if count else None,
    }


def _notice_days(figures) -> dict[int, int]:
    return {int(days): n for days, n in figures["notice_days"].items()}


def headline(year: int) -> dict:
    """The few figures on the home page, from the maintained summary (cached)."""
    return _cached("headline", year, _headline)


def _headline(year: int) -> dict:
    figures = summary.year_figures(year)
    return {
        "year": year,
        "received": sum(figures["status"].values()),
        "extended": figures["extended"].get("", 0),
        **timeliness(_notice_days(figures)),
    }


def _cached(name: str, year: int, compute, *, live: bool = False):
    """`compute(year)` cached per year, language and calendar, under the version
    of what it reads: the request figures (bumped when a request or notice
    changes) or the live figures (complaints, objections, survey, inbox)."""
    version = summary.live_version() if live else summary.statistics_version()
    key = f"reports:{name}:{year}:{get_language()}:{version}:{calendar_version()}"
    value = cache.get(key)
    if value is None:
        value = compute(year)
        cache.set(key, value, CACHE_SECONDS)
    return value


def _counted(counter: Counter, choices) -> list[dict]:
    return [_row(value, label, counter.get(value, 0)) for value, label in choices]


def _request_series(figures) -> list[dict]:
    months = {int(k): n for k, n in figures["month"].items()}
    channels = Counter(figures["channel"])
    units = figures["unit"]
    outcomes = Counter(figures["outcome"])
    reasons = Counter(figures["refusal_reason"])
    letters = Counter(figures["pasal17"])
    unit_rows = [
        _row(name or "-", name or _("Not yet assigned to a unit"), count)
        for name, count in sorted(units.items(), key=lambda item: (-item[1], item[0]))
    ]
    requests = _("requests")
    return [
        _series(
            "months",
            _("Requests received per month"),
            [_row(m, MONTHS[m], months.get(m, 0)) for m in range(1, 13)],
            requests,
        ),
        _series(
            "channels",
            _("Requests per channel"),
            _counted(channels, Channel.choices),
            requests,
        ),
        _series("units", _("Requests per unit"), unit_rows, requests),
        _series(
            "outcomes",
            _("Written notices by decision"),
            _counted(outcomes, NoticeDecision.choices),
            _("notices"),
        ),
        _series(
            "refusal_reasons",
            _("Refusals by reason"),
            _counted(reasons, RefusalReason.choices),
            _("refusals"),
        ),
        _series(
            "pasal17",
            _("Refusals of exempt information by UU 14/2008 Pasal 17 letter"),
            [
                _row(letter, _("Pasal 17 letter %(letter)s") % {"letter": letter}, n)
                for letter in periods.PASAL_17_LETTERS
                for n in [letters.get(letter, 0)]
            ],
            _("citations"),
        ),
    ]


def complaint_series(year: int) -> dict:
    counts = dict(
        Complaint.objects.filter(received_at__year=year)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    return _series(
        "complaints",
        _("Complaints by status"),
        _counted(Counter(counts), ComplaintStatus.choices),
        _("complaints"),
    )


def channel_series(year: int) -> list[dict]:
    """The omnichannel inbox per channel: conversations opened, and the median
    hours to the first answer (apps.channels.selectors)."""
    if not apps.is_installed("apps.channels"):
        return []
    from apps.channels.selectors import monthly_by_channel, response_times_by_channel

    conversations: Counter = Counter()
    labels = {}
    for row in monthly_by_channel(year=year):
        conversations[row["channel"]] += row["conversations"]
        labels[row["channel"]] = row["channel_label"]
    times = response_times_by_channel(year=year)
    return [
        _series(
            "conversations_by_channel",
            _("Conversations in the inbox by channel"),
            [_row(key, labels[key], value) for key, value in conversations.items()],
            _("conversations"),
        ),
        _series(
            "response_hours_by_channel",
            _("Median hours to the first answer, by channel"),
            [
                _row(t["channel"], t["channel_label"], t["median_hours"])
                for t in times
                if t["median_hours"] is not None
            ],
            _("hours"),
        ),
    ]


def register_figures(name: str, function) -> None:
    """An app's figures for the statistics (called from its AppConfig.ready)."""
    _FIGURES[name] = function


def objection_statistics(year: int) -> dict | None:
    """The objections app's figures, or None while it is not installed."""
    function = _FIGURES.get("objections")
    if not apps.is_installed(OBJECTIONS_APP) or function is None:
        return None
    data = function(year)
    titles = {
        "by_ground": (_("Objections by ground (UU 14/2008 Pasal 35)"), _("objections")),
        "by_outcome": (_("Objections by outcome"), _("objections")),
        "disputes": (_("Disputes at the Komisi Informasi"), _("disputes")),
    }
    return {
        "series": [
            _series(
                f"objections_{key}",
                title,
                [_row(r["key"], r["label"], r["value"]) for r in data.get(key, [])],
                unit,
            )
            for key, (title, unit) in titles.items()
            if key in data
        ]
    }


def skm_grade(index: float | None) -> tuple[str, str]:
    if index is None:
        return "", ""
    for floor, letter, label in SKM_GRADES:
        if index >= floor:
            return letter, str(label)
    return "D", str(SKM_GRADES[-1][2])


def survey_results(year: int) -> dict:
    """SKM results of the responses submitted in `year` (one query)."""
    codes = SkmElement.values
    data = SurveyResponse.objects.filter(submitted_at__year=year).aggregate(
        count=Count("pk"), **{code: Avg(code) for code in codes}
    )
    count = data["count"]
    elements = [
        {
            "key": code,
            "label": str(label),
            "mean": round(float(data[code]), 2) if count else None,
            "index": round(float(data[code]) * 25, 2) if count else None,
        }
        for code, label in SkmElement.choices
    ]
    overall = (
        round(sum(float(data[code]) for code in codes) / len(codes) * 25, 2)
        if count
        else None
    )
    grade, grade_label = skm_grade(overall)
    return {
        "responses": count,
        "elements": elements,
        "index": overall,
        "grade": grade,
        "grade_label": grade_label,
        "series": _series(
            "survey",
            _("Satisfaction index per element (25-100)"),
            [_row(e["key"], e["label"], e["index"] or 0) for e in elements],
            _("index"),
        ),
    }


def year_statistics(year: int) -> dict:
    """Every figure of `year`, JSON-ready (the API returns it as it is): the
    requests from the maintained summary, the rest from small aggregates; cached
    per year."""
    return _cached("year", year, _year_statistics)


def _year_statistics(year: int) -> dict:
    requests = _cached("year-requests", year, _request_statistics)
    live = _cached("year-live", year, _live_statistics, live=True)
    return {
        "year": year,
        "requests": requests["requests"],
        "timeliness": requests["timeliness"],
        "series": [*requests["series"], *live["series"]],
        "objections_available": live["objections"] is not None,
        "objections": live["objections"],
        "survey": live["survey"],
    }


def _request_statistics(year: int) -> dict:
    figures = summary.year_figures(year)
    statuses = figures["status"]
    return {
        "requests": {
            "received": sum(statuses.values()),
            # A request reopened by an objection already had its written notice.
            "decided": sum(statuses.get(s, 0) for s in NOTICE_GIVEN),
            "open": sum(
                n
                for s, n in statuses.items()
                if s not in (*NOTICE_GIVEN, Status.WITHDRAWN)
            ),
            "withdrawn": statuses.get(Status.WITHDRAWN, 0),
            "extended": figures["extended"].get("", 0),
        },
        "timeliness": timeliness(_notice_days(figures)),
        "series": _request_series(figures),
    }


def _live_statistics(year: int) -> dict:
    return {
        "series": [complaint_series(year), *channel_series(year)],
        "objections": objection_statistics(year),
        "survey": survey_results(year),
    }


def all_series(data: dict) -> dict[str, dict]:
    """{key: series} of a year_statistics result, objections and survey included."""
    found = {s["key"]: s for s in data["series"]}
    if data["objections"]:
        found.update({s["key"]: s for s in data["objections"]["series"]})
    found["survey"] = data["survey"]["series"]
    return found


def available_years(*, today_year: int) -> list[int]:
    return _cached("years", today_year, _available_years)


def _available_years(today_year: int) -> list[int]:
    first = (
        InformationRequest.objects.order_by("received_at")
        .values_list("received_at", flat=True)
        .first()
    )
    start = receipt_date(first).year if first else today_year
    return list(range(today_year, min(start, today_year) - 1, -1))
