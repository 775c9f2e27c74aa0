"""The objections' figures on the public statistics page (public site, item 3)."""

import pytest

from apps.objections.models import Objection
from apps.objections.selectors import objection_statistics
from apps.reports.statistics import all_series, year_statistics


@pytest.mark.django_db
def test_objections_by_ground_outcome_and_disputes(
    make_request, decide, file_objection, django_assert_num_queries
):
    refused = make_request()
    decide(refused)
    file_objection(refused, grounds=("a",))
    costly = make_request()
    decide(costly, kind="granted", cost=50000)
    file_objection(costly, grounds=("e", "f"))
    with django_assert_num_queries(3):
        data = objection_statistics(2026)
    grounds = {r["key"]: r["value"] for r in data["by_ground"]}
    assert grounds == {"a": 1, "b": 0, "c": 0, "d": 0, "e": 1, "f": 1, "g": 0}
    outcomes = {r["key"]: r["value"] for r in data["by_outcome"]}
    assert outcomes["awaiting"] == 2
    assert sum(outcomes.values()) == Objection.objects.count() == 2
    assert {r["key"] for r in data["disputes"]} >= {"registration", "mediation"}
    assert objection_statistics(2025)["by_outcome"][-1]["value"] == 0
    series = all_series(year_statistics(2026))
    assert {"objections_by_ground", "objections_by_outcome", "objections_disputes"} <= (
        set(series)
    )
