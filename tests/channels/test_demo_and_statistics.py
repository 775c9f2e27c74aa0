import datetime as dt

import pytest

from django.utils import timezone

from apps.channels import selectors, services
from apps.channels.adapters import Inbound

pytestmark = pytest.mark.django_db


def at(month, day, hour=9):
    return timezone.make_aware(dt.datetime(2026, month, day, hour))


def conversation(channel, sender, when, *, answered_after=None):
    message, _ = services.message_receive(
        channel=channel,
        inbound=Inbound(
            provider_message_id=f"{channel}-{sender}", sender_id=sender, sent_at=when
        ),
    )
    conv = message.conversation
    if answered_after is not None:
        conv.first_response_at = when + answered_after
        conv.save(update_fields=["first_response_at"])
    return conv


def test_monthly_counts_per_channel(officer, units):
    from tests.complaints.factories import ComplaintFactory

    conversation("whatsapp", "1", at(1, 5))
    conversation("whatsapp", "2", at(1, 20))
    linked = conversation("whatsapp", "3", at(2, 3))
    conversation("telegram", "4", at(2, 4))
    conversation("email", "x@example.com", dt.datetime(2025, 12, 31, 1, tzinfo=dt.UTC))
    linked.complaint = ComplaintFactory()
    linked.status = "converted"
    linked.save()
    rows = selectors.monthly_by_channel(year=2026)
    table = {
        (r["channel"], r["month"]): (r["conversations"], r["requests"], r["complaints"])
        for r in rows
    }
    assert table == {
        ("telegram", 2): (1, 0, 0),
        ("whatsapp", 1): (2, 0, 0),
        ("whatsapp", 2): (1, 0, 1),
    }
    assert rows[0]["channel_label"] == "Telegram"


def test_first_response_times_per_channel():
    conversation("whatsapp", "1", at(3, 2), answered_after=dt.timedelta(hours=1))
    conversation("whatsapp", "2", at(3, 3), answered_after=dt.timedelta(hours=3))
    conversation("whatsapp", "3", at(3, 4), answered_after=dt.timedelta(hours=8))
    conversation("facebook", "4", at(3, 4))
    rows = {r["channel"]: r for r in selectors.response_times_by_channel(year=2026)}
    assert rows["whatsapp"]["answered"] == 3
    assert rows["whatsapp"]["mean_hours"] == 4.0
    assert rows["whatsapp"]["median_hours"] == 3.0
    assert rows["facebook"] == {
        "channel": "facebook",
        "channel_label": rows["facebook"]["channel_label"],
        "answered": 0,
        "unanswered": 1,
        "mean_hours": None,
        "median_hours": None,
    }
    assert "telegram" not in rows
