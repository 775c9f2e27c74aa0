"""Which grounds of Pasal 35(1) apply, and the 30-working-day filing window on real
2026 dates (the Nyepi/Idul Fitri weeks of March, the Christmas week)."""

import datetime as dt

import pytest

from apps.core import periods
from apps.info_requests import services as request_services
from apps.objections.eligibility import (
    filing_window_end,
    grounds_for,
    request_grounds_window,
)
from tests.objections.conftest import at


def test_periods_pinned():
    assert periods.OBJECTION_FILING_DAYS == 30
    assert periods.OBJECTION_ANSWER_DAYS == 30
    assert periods.DISPUTE_FILING_DAYS == 14


@pytest.mark.django_db
class TestGrounds:
    def test_without_request_only_b(self):
        assert list(grounds_for(None, today=dt.date(2026, 3, 16))) == ["b"]

    def test_open_request_not_yet_due_has_no_request_ground(self, make_request):
        request = make_request()
        assert request.due_date == dt.date(2026, 3, 16)
        assert list(grounds_for(request, today=dt.date(2026, 3, 16))) == ["b"]

    def test_missed_due_date_gives_c_and_g_from_the_day_after(self, make_request):
        request = make_request()
        windows = grounds_for(request, today=dt.date(2026, 3, 17))
        assert sorted(windows) == ["b", "c", "g"]
        assert windows["c"].arose_on == dt.date(2026, 3, 17)
        # Nyepi and Idul Fitri (18-24 March), Good Friday and 1 May are skipped.
        assert windows["c"].window_end == dt.date(2026, 5, 7)
        assert windows["g"].window_end == dt.date(2026, 5, 7)

    def test_refusal_citing_pasal_17_gives_a_d_e(self, refused):
        windows = grounds_for(refused, today=dt.date(2026, 3, 16))
        assert sorted(windows) == ["a", "b", "d", "e"]
        assert windows["a"].arose_on == dt.date(2026, 3, 13)
        assert windows["a"].window_end == dt.date(2026, 5, 5)

    def test_refusal_for_other_reason_has_no_a(self, make_request, decide):
        request = make_request()
        decide(request, "refused_not_held")
        assert "a" not in grounds_for(request, today=dt.date(2026, 3, 16))
        assert "e" in grounds_for(request, today=dt.date(2026, 3, 16))

    def test_grant_not_delivered_gives_e_until_a_document(
        self, make_request, decide, utama, sample_pdf
    ):
        from django.core.files.uploadedfile import SimpleUploadedFile

        request = make_request()
        decide(request, "granted")
        request.refresh_from_db()
        assert sorted(grounds_for(request, today=dt.date(2026, 3, 16))) == [
            "b",
            "d",
            "e",
        ]
        request_services.information_request_add_document(
            info_request=request,
            actor=utama,
            upload=SimpleUploadedFile("data.pdf", sample_pdf),
        )
        assert "e" not in grounds_for(request, today=dt.date(2026, 3, 16))

    def test_cost_gives_f(self, make_request, decide):
        request = make_request()
        decide(request, "granted", cost=150000)
        assert "f" in grounds_for(request, today=dt.date(2026, 3, 16))
        other = make_request()
        decide(other, "granted")
        assert "f" not in grounds_for(other, today=dt.date(2026, 3, 16))

    def test_late_notice_gives_c_and_g_from_the_notice(self, make_request, decide):
        request = make_request()
        decide(request, "granted", when=at(2026, 3, 25, 10))
        windows = grounds_for(request, today=dt.date(2026, 3, 26))
        assert {"c", "g"} <= set(windows)
        assert windows["g"].arose_on == dt.date(2026, 3, 25)
        assert windows["g"].window_end == dt.date(2026, 5, 8)

    def test_notice_in_time_has_no_c_or_g(self, refused):
        assert not {"c", "g"} & set(grounds_for(refused, today=dt.date(2026, 3, 16)))

    def test_withdrawn_request_only_b(self, make_request, utama):
        request = make_request()
        request = request_services.information_request_withdraw(
            info_request=request, actor=utama
        )
        assert list(grounds_for(request, today=dt.date(2026, 4, 1))) == ["b"]


@pytest.mark.django_db
class TestWindow:
    def test_last_day_open_next_day_closed(self, refused):
        window = grounds_for(refused, today=dt.date(2026, 5, 5))["a"]
        assert window.is_open(dt.date(2026, 5, 5))
        assert not window.is_open(dt.date(2026, 5, 6))
        assert request_grounds_window(refused, today=dt.date(2026, 5, 5)) == dt.date(
            2026, 5, 5
        )
        assert request_grounds_window(refused, today=dt.date(2026, 5, 6)) is None

    def test_christmas_week(self, db):
        # Notice on Mon 14 Dec 2026: 24-25 Dec, 1 Jan and 5 Jan 2027 are skipped.
        assert filing_window_end(dt.date(2026, 12, 14)) == dt.date(2027, 1, 29)
        assert filing_window_end(dt.date(2026, 12, 21)) == dt.date(2027, 2, 8)
