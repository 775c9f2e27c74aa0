"""The inbox's figures on the statistics page (issue: omnichannel inbox, item 5)."""

import datetime as dt

import pytest

from django.utils import timezone

from apps.channels.models import Conversation
from apps.reports.statistics import all_series, year_statistics


def at(month, day, hour):
    return timezone.make_aware(dt.datetime(2026, month, day, hour))


def conversation(channel, sender, first, answered=None):
    return Conversation.objects.create(
        channel=channel,
        sender_id=sender,
        first_message_at=first,
        last_message_at=first,
        first_response_at=answered,
    )


@pytest.mark.django_db
def test_conversations_and_median_response_hours_per_channel(
    django_assert_max_num_queries,
):
    conversation("whatsapp", "+62811", at(3, 2, 8), at(3, 2, 10))  # 2 h
    conversation("whatsapp", "+62812", at(4, 6, 8), at(4, 6, 14))  # 6 h
    conversation("whatsapp", "+62813", at(5, 4, 8), at(5, 5, 8))  # 24 h
    conversation("telegram", "4711", at(6, 1, 9))  # not answered yet
    conversation("whatsapp", "+62814", at(12, 1, 9))  # December 2026
    conversation(
        "email", "old@example.com", timezone.make_aware(dt.datetime(2025, 5, 1))
    )
    from apps.reports.summary import refresh_year

    refresh_year(2026)  # the year's request figures built once (apps.reports.summary)
    with django_assert_max_num_queries(12):
        data = year_statistics(2026)
    series = all_series(data)
    per_channel = {
        r["key"]: r["value"] for r in series["conversations_by_channel"]["rows"]
    }
    assert per_channel == {"whatsapp": 4, "telegram": 1}
    hours = {r["key"]: r["value"] for r in series["response_hours_by_channel"]["rows"]}
    assert hours == {"whatsapp": 6.0}


@pytest.mark.django_db
def test_statistics_page_and_api_show_the_inbox_series(client):
    conversation("instagram", "kutim.warga", at(3, 2, 8), at(3, 2, 9))
    html = client.get("/statistik/", {"year": 2026}).content.decode()
    assert "series-conversations_by_channel" in html
    api = client.get("/api/v1/statistics/", {"year": 2026}).json()
    keys = {s["key"] for s in api["series"]}
    assert {"conversations_by_channel", "response_hours_by_channel"} <= keys


@pytest.mark.django_db
def test_a_request_reopened_by_an_objection_counts_as_decided():
    from tests.info_requests.factories import InformationRequestFactory

    InformationRequestFactory(status="reopened")
    InformationRequestFactory(in_process=True)
    counts = year_statistics(2026)["requests"]
    assert (counts["decided"], counts["open"]) == (1, 1)
