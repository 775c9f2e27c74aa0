"""The working-day calendar on real dates of 2025 and 2026 (DECISIONS.md)."""

import datetime as dt

import pytest

from django.utils import translation

from apps.core import periods
from apps.core.models import NonWorkingDay
from apps.core.workdays import (
    Calendar,
    add_working_days,
    count_working_days,
    explain_period,
    is_working_day,
    receipt_date,
)

D = dt.date


@pytest.mark.django_db
class TestAddWorkingDays:
    def test_plain_fortnight(self):
        # Mon 2026-07-06: no holiday in the next two weeks.
        assert add_working_days(D(2026, 7, 6), 10) == D(2026, 7, 20)

    def test_lunar_new_year_skipped(self):
        # Receipt Wed 2026-02-11: 12, 13, [14-15 weekend], [16 joint], [17 Imlek], 18...
        assert add_working_days(D(2026, 2, 11), 3) == D(2026, 2, 18)

    def test_idul_fitri_2025_week(self):
        # Thu 2025-03-27: Nyepi cuti bersama 28 Mar, Idul Fitri 31 Mar-1 Apr,
        # cuti bersama 2, 3, 4, 7 Apr, Good Friday 18 Apr.
        assert add_working_days(D(2025, 3, 27), 10) == D(2025, 4, 22)

    def test_idul_fitri_and_nyepi_2026(self):
        # Mon 2026-03-16: Nyepi 18-19 Mar, Idul Fitri cuti bersama 20, 23, 24 Mar,
        # Good Friday 3 Apr.
        assert add_working_days(D(2026, 3, 16), 10) == D(2026, 4, 7)

    def test_christmas_2025_into_new_year(self):
        # Mon 2025-12-22: Christmas 25, cuti bersama 26 Dec, New Year 1 Jan 2026.
        assert add_working_days(D(2025, 12, 22), periods.REQUEST_NOTICE_DAYS) == D(
            2026, 1, 8
        )

    def test_extension_counts_on_from_due_date(self):
        # 7 more working days from 2026-01-08; Isra Mi'raj is Fri 2026-01-16.
        assert add_working_days(D(2026, 1, 8), periods.REQUEST_EXTENSION_DAYS) == D(
            2026, 1, 20
        )

    def test_christmas_2026_cuti_bersama(self):
        # Wed 2026-12-23: cuti bersama Thu 24, Christmas Fri 25, New Year 1 Jan 2027.
        assert add_working_days(D(2026, 12, 23), 4) == D(2026, 12, 31)
        assert add_working_days(D(2026, 12, 23), 5) == D(2027, 1, 4)

    def test_saturday_receipt_counts_from_monday(self):
        assert add_working_days(D(2026, 6, 6), 1) == D(2026, 6, 8)

    def test_holiday_receipt_counts_from_next_working_day(self):
        # Received on Independence Day (Mon 2026-08-17).
        assert add_working_days(D(2026, 8, 17), 1) == D(2026, 8, 18)

    def test_zero_days_is_refused(self):
        with pytest.raises(ValueError, match="at least one"):
            add_working_days(D(2026, 1, 5), 0)


@pytest.mark.django_db
class TestCorrections:
    def test_regional_closure_is_skipped(self):
        before = add_working_days(D(2026, 9, 7), 3)
        NonWorkingDay.objects.create(date=D(2026, 9, 8), name="Hari Jadi Kutai Timur")
        assert before == D(2026, 9, 10)
        assert add_working_days(D(2026, 9, 7), 3) == D(2026, 9, 11)

    def test_cuti_bersama_marked_as_working_day(self):
        # A decree moves the 24 March 2026 cuti bersama: it becomes a working day.
        assert not is_working_day(D(2026, 3, 24))
        NonWorkingDay.objects.create(
            date=D(2026, 3, 24), kind=NonWorkingDay.Kind.WORKING, name="SKB revisi"
        )
        assert is_working_day(D(2026, 3, 24))
        assert add_working_days(D(2026, 3, 16), 10) == D(2026, 4, 6)

    def test_deleting_a_correction_restores_the_package_calendar(self):
        day = NonWorkingDay.objects.create(date=D(2026, 9, 8), name="Penutupan kantor")
        assert not is_working_day(D(2026, 9, 8))
        day.delete()
        assert is_working_day(D(2026, 9, 8))

    def test_table_wins_for_a_saturday_made_working(self):
        NonWorkingDay.objects.create(
            date=D(2026, 6, 6), kind=NonWorkingDay.Kind.WORKING, name="Pelayanan Sabtu"
        )
        assert add_working_days(D(2026, 6, 5), 1) == D(2026, 6, 6)


@pytest.mark.django_db
class TestExplainAndCount:
    def test_explanation_lists_counted_and_skipped_days_with_names(self):
        with translation.override("en"):
            explanation = explain_period(D(2025, 12, 22), 10)
            summary = explanation.summary()
        assert explanation.due_date == D(2026, 1, 8)
        assert len(explanation.counted) == 10
        reasons = {s.date: s.reason for s in explanation.skipped}
        assert reasons[D(2025, 12, 25)] == "Christmas Day"
        assert reasons[D(2025, 12, 26)] == "Christmas Joint Holiday"
        assert reasons[D(2025, 12, 27)] == "Saturday"
        assert reasons[D(2026, 1, 1)] == "New Year's Day"
        assert summary == (
            "10 working days after 2025-12-22: due 2026-01-08 (7 days skipped)."
        )

    def test_holiday_names_in_indonesian(self):
        with translation.override("id"):
            explanation = explain_period(D(2025, 12, 22), 10)
        reasons = {s.date: s.reason for s in explanation.skipped}
        assert reasons[D(2025, 12, 25)] == "Hari Raya Natal"

    def test_count_between(self):
        # After Mon 2025-12-22 up to Thu 2026-01-08: the 10 days of the period.
        assert count_working_days(D(2025, 12, 22), D(2026, 1, 8)) == 10
        assert count_working_days(D(2026, 1, 8), D(2025, 12, 22)) == -10
        assert count_working_days(D(2026, 1, 8), D(2026, 1, 8)) == 0

    def test_receipt_date_is_local_wita_date(self):
        # 23:30 UTC on 10 March is 07:30 WITA on 11 March.
        late = dt.datetime(2026, 3, 10, 23, 30, tzinfo=dt.UTC)
        assert receipt_date(late) == D(2026, 3, 11)
        evening = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)  # 20:00 WITA
        assert receipt_date(evening) == D(2026, 3, 10)

    def test_no_query_per_day_counted(self, django_assert_max_num_queries):
        # A full year of counting touches the corrections table once per year.
        with django_assert_max_num_queries(2):
            Calendar().add(D(2025, 6, 2), 250)
        with django_assert_max_num_queries(0):
            Calendar().add(D(2025, 6, 2), 250)


@pytest.mark.django_db
def test_cumulative_count_agrees_with_walking_the_days():
    """add() and count_between() use the cumulative count (issue 18, item 4); the
    day-by-day walk of explain() is the reference, across years and corrections."""
    import random

    NonWorkingDay.objects.create(date=D(2026, 9, 8), name="Hari Jadi")
    NonWorkingDay.objects.create(
        date=D(2026, 12, 24), name="Buka", kind=NonWorkingDay.Kind.WORKING
    )
    NonWorkingDay.objects.create(date=D(2027, 1, 4), name="Banjir")
    calendar = Calendar()
    rng = random.Random(18)
    for _ in range(400):
        start = D(2025, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
        days = rng.choice([1, 2, 7, 10, 17, 30, 60, 250])
        assert calendar.add(start, days) == calendar.explain(start, days).due_date
        end = start + dt.timedelta(days=rng.randrange(-400, 400))
        walked = sum(
            calendar.is_working_day(start + dt.timedelta(days=step))
            for step in range(1, (end - start).days + 1)
        ) - sum(
            calendar.is_working_day(end + dt.timedelta(days=step))
            for step in range(1, (start - end).days + 1)
        )
        assert calendar.count_between(start, end) == walked
