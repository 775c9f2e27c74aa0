"""Every figure of apps.reports.statistics on known data (tests/reports/conftest.py),
with the expected values worked out by hand."""

import pytest

from django.test import modify_settings

from apps.reports import statistics
from apps.reports.statistics import all_series, median, percentile, year_statistics


def _values(series: dict) -> dict:
    return {row["key"]: row["value"] for row in series["rows"]}


@pytest.fixture
def data(year_2026):
    return year_statistics(2026)


def test_median_and_nearest_rank_percentile():
    assert median([]) is None
    assert median([7]) == 7
    assert median([2, 12, 4, 8]) == 6.0  # mean of the two middle values
    assert median([5, 1, 3]) == 3
    assert percentile([], 90) is None
    assert percentile([2, 4, 8, 12], 90) == 12  # rank ceil(3.6) = 4
    assert percentile(list(range(1, 11)), 90) == 9  # rank 9 of 10
    assert percentile(list(range(1, 21)), 90) == 18
    assert percentile([3], 90) == 3


def test_request_counts(data):
    assert data["year"] == 2026
    assert data["requests"] == {
        "received": 6,
        "decided": 4,
        "open": 1,
        "withdrawn": 1,
        "extended": 1,
    }


def test_working_days_to_the_notice_across_the_lebaran_week(data):
    # 4, 2, 8 and 12 working days: sorted 2, 4, 8, 12.
    assert data["timeliness"] == {
        "decided": 4,
        "median_working_days": 6.0,
        "p90_working_days": 12,
        "mean_working_days": 6.5,
        "max_working_days": 12,
        "within_10": 3,
        "within_10_percent": 75.0,
    }


def test_per_month(data):
    months = _values(all_series(data)["months"])
    assert months == {
        "1": 0,
        "2": 0,
        "3": 3,
        "4": 1,
        "5": 0,
        "6": 0,
        "7": 1,
        "8": 1,
        "9": 0,
        "10": 0,
        "11": 0,
        "12": 0,
    }


def test_per_channel(data):
    channels = _values(all_series(data)["channels"])
    assert channels["web"] == 2
    assert channels["whatsapp"] == 1
    assert channels["walk_in"] == 1
    assert channels["email"] == 1
    assert channels["phone"] == 1
    assert sum(channels.values()) == 6


def test_per_unit(data):
    rows = all_series(data)["units"]["rows"]
    assert [(r["label"], r["value"]) for r in rows] == [
        ("Dinas Kesehatan", 3),
        ("BPBD", 2),
        (str(statistics._("Not yet assigned to a unit")), 1),
    ]


def test_outcomes_and_refusal_reasons(data):
    series = all_series(data)
    assert _values(series["outcomes"]) == {
        "granted": 1,
        "granted_in_part": 1,
        "refused": 2,
        "forwarded": 0,
    }
    assert _values(series["refusal_reasons"]) == {
        "exempt": 1,
        "not_held": 1,
        "not_documented": 0,
        "incomplete": 0,
    }
    letters = _values(series["pasal17"])
    assert list(letters) == list("abcdefghij")
    assert letters == {**dict.fromkeys("abcdefghij", 0), "a": 1, "h": 1}


def test_complaints_by_status(data):
    complaints = _values(all_series(data)["complaints"])
    assert complaints["received"] == 1
    assert complaints["resolved"] == 2
    assert sum(complaints.values()) == 3  # the 2025 complaint is not counted


def test_survey_index(data):
    survey = data["survey"]
    assert survey["responses"] == 2
    by_element = {e["key"]: (e["mean"], e["index"]) for e in survey["elements"]}
    assert by_element["u1"] == (3.5, 87.5)
    assert by_element["u8"] == (3.5, 87.5)
    assert by_element["u9"] == (3.0, 75.0)
    # (8 x 3.5 + 3.0) / 9 x 25 = 86.11, grade B (76.61-88.30).
    assert survey["index"] == 86.11
    assert survey["grade"] == "B"


def test_empty_year_has_no_made_up_numbers(db):
    data = year_statistics(2019)
    assert data["requests"]["received"] == 0
    assert data["timeliness"]["median_working_days"] is None
    assert data["timeliness"]["within_10_percent"] is None
    assert data["survey"]["index"] is None
    assert data["survey"]["grade"] == ""


def test_objections_come_from_the_installed_app(data):
    assert data["objections_available"] is True
    series = all_series(data)
    assert {"objections_by_ground", "objections_by_outcome", "objections_disputes"} <= (
        set(series)
    )
    assert sum(_values(series["objections_by_outcome"]).values()) == 0


def test_objections_not_available_without_the_app(year_2026):
    """A deployment without the objections app shows no made-up figures."""
    with modify_settings(INSTALLED_APPS={"remove": ["apps.objections"]}):
        data = year_statistics(2026)
    assert data["objections_available"] is False
    assert data["objections"] is None
    assert not any(key.startswith("objections") for key in all_series(data))
    assert data["requests"]["received"] == 6  # the rest is still counted


def test_objections_through_the_interface(year_2026, monkeypatch):
    """With the objections app installed, its registered figures become series."""
    monkeypatch.setitem(
        statistics._FIGURES,
        "objections",
        lambda year: {
            "by_ground": [{"key": "a", "label": "Refusal under Pasal 17", "value": 2}],
            "by_outcome": [{"key": "granted", "label": "Granted", "value": 1}],
            "disputes": [{"key": "mediation", "label": "Mediation", "value": 1}],
        },
    )
    data = year_statistics(2026)
    assert data["objections_available"] is True
    series = all_series(data)
    assert _values(series["objections_by_ground"]) == {"a": 2}
    assert _values(series["objections_by_outcome"]) == {"granted": 1}
    assert _values(series["objections_disputes"]) == {"mediation": 1}


def test_headline(year_2026):
    figures = statistics.headline(2026)
    assert figures["received"] == 6
    assert figures["decided"] == 4
    assert figures["within_10_percent"] == 75.0


def test_query_count_does_not_grow_with_the_data(
    year_2026, django_assert_max_num_queries
):
    year_statistics(2026)  # warm the holiday calendar
    # requests, complaints, survey; the inbox (2); objections and disputes (3).
    with django_assert_max_num_queries(8):
        year_statistics(2026)
