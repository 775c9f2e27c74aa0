import datetime as dt

import pytest

from apps.core.models import BodyProfile, NonWorkingDay
from tests.db_constraints import covers, violates


@pytest.mark.django_db
class TestBodyProfile:
    def test_load_creates_the_singleton(self):
        profile = BodyProfile.load()
        assert profile.pk == 1
        assert BodyProfile.objects.count() == 1

    def test_save_always_writes_row_one_and_refreshes_the_cache(self):
        BodyProfile.load()
        other = BodyProfile(name="Pemerintah Kabupaten Kutai Timur")
        other.save()
        assert BodyProfile.objects.count() == 1
        assert BodyProfile.load().name == "Pemerintah Kabupaten Kutai Timur"

    def test_load_is_cached(self, django_assert_num_queries):
        BodyProfile.load()
        with django_assert_num_queries(0):
            BodyProfile.load()

    def test_history_is_kept(self):
        profile = BodyProfile.load()
        profile.phone = "(0549) 21010"
        profile.save()
        assert profile.history.count() == 2


@pytest.mark.django_db
class TestNonWorkingDay:
    @covers("core_nonworkingday_kind_valid")
    def test_kind_constraint(self):
        with violates("core_nonworkingday_kind_valid"):
            NonWorkingDay.objects.create(
                date=dt.date(2026, 1, 2), kind="holiday", name="x"
            )

    @covers("core.NonWorkingDay.date")
    def test_one_correction_per_date(self):
        NonWorkingDay.objects.create(date=dt.date(2026, 1, 2), name="a")
        with violates("core.NonWorkingDay.date"):
            NonWorkingDay.objects.create(date=dt.date(2026, 1, 2), name="b")

    def test_calendar_changed_signal_after_commit(
        self, django_capture_on_commit_callbacks
    ):
        from apps.core.signals import calendar_changed

        received = []

        def receiver(sender, dates, reason, **kwargs):
            received.append((dates, reason))

        calendar_changed.connect(receiver)
        try:
            with django_capture_on_commit_callbacks(execute=True):
                NonWorkingDay.objects.create(date=dt.date(2026, 9, 8), name="Hari Jadi")
        finally:
            calendar_changed.disconnect(receiver)
        assert received == [([dt.date(2026, 9, 8)], "2026-09-08: Hari Jadi")]
