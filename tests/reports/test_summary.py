"""The maintained statistics (apps.reports.summary) equal the old computation over
every case of the year (tests/reports/legacy_statistics.py, the selector as it was
before issue 18) on generated data, through submissions, steps, deletions, a unit
rename, folding and rebuilding."""

import datetime as dt
import itertools
import random

import pytest

from django.core.cache import cache
from django.utils import timezone

from apps.info_requests.models import Channel, InformationRequest, Status, WrittenNotice
from apps.reports import statistics, summary
from apps.reports.models import StatisticsFigure
from tests.factories import UnitFactory
from tests.info_requests.factories import InformationRequestFactory
from tests.reports import legacy_statistics

STATUSES = [Status.RECEIVED, Status.IN_PROCESS, Status.EXTENDED, Status.WITHDRAWN]
DECISIONS = ["granted", "granted_in_part", "refused", "forwarded"]
NUMBERS = itertools.count(1)


def at(day: dt.date, hour=9):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def generate(rng: random.Random, count: int, units) -> list[InformationRequest]:
    """`count` requests over 2025-2026 (the turn of the year included), through
    save() as the services do: open, extended, withdrawn and decided ones."""
    made = []
    for _ in range(count):
        received = dt.date(2025, 11, 1) + dt.timedelta(days=rng.randrange(420))
        hour = rng.choice([0, 9, 16, 23])  # local midnight edges count too
        decided = rng.random() < 0.5
        request = InformationRequestFactory(
            registration_number=f"REQ-G-{next(NUMBERS):06d}",
            received_at=at(received, hour),
            status=Status.DECIDED if decided else rng.choice(STATUSES),
            channel=rng.choice(Channel.values),
            unit=rng.choice([None, *units]),
            extended_due_date=(
                received + dt.timedelta(days=40) if rng.random() < 0.2 else None
            ),
            decided_at=(
                at(received + dt.timedelta(days=rng.randrange(1, 40)), 14)
                if decided
                else None
            ),
        )
        if decided:
            decision = rng.choice(DECISIONS)
            reason = rng.choice(["exempt", "not_held"]) if decision == "refused" else ""
            WrittenNotice.objects.create(
                request=request,
                letter_number=f"{request.registration_number}/PT",
                control="held",
                decision=decision,
                refusal_reason=reason,
                exemption_letters=(
                    rng.sample(["a", "b", "c", "h", "j"], rng.randrange(1, 3))
                    if reason == "exempt"
                    else []
                ),
                issued_at=request.decided_at,
            )
        made.append(request)
    return made


def assert_equal_to_the_old_computation(years=(2025, 2026)):
    cache.clear()  # compare computations, not cached pages
    for year in years:
        new = statistics.year_statistics(year)
        old = legacy_statistics.year_statistics(year)
        assert new["requests"] == old["requests"]
        assert new["timeliness"] == old["timeliness"]
        for mine, theirs in zip(new["series"], old["series"], strict=True):
            assert mine == theirs, mine["key"]
        assert new == old
        assert statistics.headline(year) == legacy_statistics.headline(year)


@pytest.fixture
def some_units(db):
    return [UnitFactory(code=f"U{n}", name=f"Dinas {n}") for n in range(4)]


@pytest.mark.django_db
class TestEqualToTheOldComputation:
    def test_generated_requests_then_changes(self, some_units):
        rng = random.Random(18)
        requests = generate(rng, 150, some_units)
        # The years are built from the cases (first read), then kept by the
        # changes appended below.
        assert_equal_to_the_old_computation()
        for request in rng.sample(requests, 40):  # steps taken on open cases
            request = InformationRequest.objects.get(pk=request.pk)
            if request.status == Status.DECIDED:
                request.notice.decision = rng.choice(DECISIONS)
                request.notice.refusal_reason = (
                    "exempt" if request.notice.decision == "refused" else ""
                )
                request.notice.exemption_letters = ["b"]
                request.notice.save()
            else:
                request.status = Status.DECIDED
                request.decided_at = request.received_at + dt.timedelta(days=9)
                request.unit = rng.choice(some_units)
                request.save()
        for request in rng.sample(requests, 10):
            InformationRequest.objects.filter(pk=request.pk).first().delete()
        generate(random.Random(19), 30, some_units)  # more submissions
        assert StatisticsFigure.objects.filter(value__lt=0).exists()  # deltas
        assert_equal_to_the_old_computation()

        summary.compact_year(2026)
        assert not StatisticsFigure.objects.filter(year=2026, value__lt=0).exists()
        assert_equal_to_the_old_computation()

    def test_loaded_with_deferred_fields_still_counts_the_change(self, some_units):
        generate(random.Random(3), 20, some_units)
        assert_equal_to_the_old_computation()
        for request in InformationRequest.objects.only("pk", "status")[:5]:
            request.status = Status.WITHDRAWN
            request.save()
        assert_equal_to_the_old_computation()

    def test_a_unit_rename_rebuilds_the_years(
        self, some_units, django_capture_on_commit_callbacks
    ):
        generate(random.Random(4), 30, some_units)
        assert_equal_to_the_old_computation()
        unit = some_units[0]
        unit.name = "Dinas Kesehatan"
        # The rebuild is queued after commit (the immediate backend of the tests
        # runs it then).
        with django_capture_on_commit_callbacks(execute=True):
            unit.save()
        assert_equal_to_the_old_computation()

    def test_a_calendar_change_rebuilds_the_notice_times(
        self, some_units, django_capture_on_commit_callbacks
    ):
        from apps.core.models import NonWorkingDay

        generate(random.Random(5), 40, some_units)
        assert_equal_to_the_old_computation()
        with django_capture_on_commit_callbacks(execute=True):
            NonWorkingDay.objects.create(date=dt.date(2026, 3, 10), name="Hari Jadi")
        assert_equal_to_the_old_computation()


@pytest.mark.django_db
def test_reading_a_built_year_is_one_query(some_units, django_assert_num_queries):
    generate(random.Random(6), 20, some_units)
    summary.year_figures(2026)  # built
    with django_assert_num_queries(1):
        summary.year_figures(2026)
    cache.clear()
    with django_assert_num_queries(2):  # the year's state, then its figures
        summary.year_figures(2026)


@pytest.mark.django_db
def test_headline_is_cached_per_year_and_invalidated_on_change(
    some_units, django_assert_num_queries
):
    generate(random.Random(7), 10, some_units)
    first = statistics.headline(2026)
    with django_assert_num_queries(0):
        assert statistics.headline(2026) == first
    InformationRequestFactory(
        registration_number="REQ-NEW", received_at=at(dt.date(2026, 6, 1))
    )
    assert statistics.headline(2026)["received"] == first["received"] + 1


@pytest.mark.django_db
def test_many_appended_changes_queue_a_fold(some_units, monkeypatch):
    monkeypatch.setattr(summary, "COMPACT_AFTER", 30)
    generate(random.Random(8), 10, some_units)
    summary.year_figures(2026)
    for request in InformationRequest.objects.all():
        request.status = Status.WITHDRAWN
        request.save()
    before = statistics.year_statistics(2026)
    summary.year_figures(2026)  # over the limit: compact_statistics (immediate)
    assert StatisticsFigure.objects.filter(year=2026).count() <= 30
    cache.clear()
    assert statistics.year_statistics(2026) == before


@pytest.mark.django_db
def test_the_nightly_rebuild_heals_a_bulk_write(some_units):
    from io import StringIO

    from django.core.management import call_command

    generate(random.Random(9), 10, some_units)
    assert_equal_to_the_old_computation()
    InformationRequest.objects.update(status=Status.WITHDRAWN)  # no signals
    call_command("refresh_statistics", stdout=StringIO())
    assert_equal_to_the_old_computation()
