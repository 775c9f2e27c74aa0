"""Reads of the inbox: conversion prefill, channel state, statistics per channel
(for the public statistics page)."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from apps.channels.adapters import get_adapter
from apps.channels.models import ChannelKind, Conversation, Direction
from apps.channels.services import CASE_CHANNEL


def channel_states() -> list[dict]:
    """Each channel, whether it is on, and which settings it still needs."""
    states = []
    for channel in ChannelKind:
        adapter = get_adapter(channel)
        states.append(
            {
                "channel": channel,
                "label": channel.label,
                "on": adapter.is_configured(),
                "missing": adapter.missing_settings(),
            }
        )
    return states


def thread_text(conversation: Conversation) -> str:
    texts = conversation.messages.filter(direction=Direction.IN).values_list(
        "text", flat=True
    )
    return "\n\n".join(text.strip() for text in texts if text.strip())


def _contact(conversation: Conversation) -> dict:
    phone = email = ""
    if conversation.channel == ChannelKind.WHATSAPP:
        phone = f"+{conversation.sender_id.lstrip('+')}"
    elif conversation.channel == ChannelKind.EMAIL:
        email = conversation.sender_id
    return {"phone": phone, "email": email}


def request_initial(conversation: Conversation) -> dict:
    contact = _contact(conversation)
    return {
        "channel": CASE_CHANNEL[conversation.channel],
        "received_at": conversation.first_message_at,
        "name": conversation.sender_name,
        "phone": contact["phone"],
        "email": contact["email"],
        "information_requested": thread_text(conversation),
    }


def complaint_initial(conversation: Conversation) -> dict:
    contact = _contact(conversation)
    text = thread_text(conversation)
    return {
        "channel": CASE_CHANNEL[conversation.channel],
        "received_at": conversation.first_message_at,
        "reporter_name": conversation.sender_name,
        "reporter_phone": contact["phone"],
        "reporter_email": contact["email"],
        "title": (conversation.subject or text.split("\n", 1)[0])[:200],
        "description": text,
    }


def _year_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    start = timezone.make_aware(dt.datetime(year, 1, 1))
    return start, timezone.make_aware(dt.datetime(year + 1, 1, 1))


def monthly_by_channel(*, year: int) -> list[dict]:
    """Per channel and month of first contact: conversations, and the requests
    and complaints made from them. Months without any are left out."""
    start, end = _year_bounds(year)
    rows = (
        Conversation.objects.filter(
            first_message_at__gte=start, first_message_at__lt=end
        )
        .annotate(month=ExtractMonth("first_message_at"))
        .values("channel", "month")
        .annotate(
            conversations=Count("pk"),
            requests=Count("pk", filter=Q(information_request__isnull=False)),
            complaints=Count("pk", filter=Q(complaint__isnull=False)),
        )
        .order_by("channel", "month")
    )
    return [
        {**row, "channel_label": str(ChannelKind(row["channel"]).label)} for row in rows
    ]


def response_times_by_channel(*, year: int) -> list[dict]:
    """Per channel: conversations answered and the mean and median hours from the
    first message to the first answer (an officer's reply or a case notice)."""
    start, end = _year_bounds(year)
    hours = defaultdict(list)
    pending = defaultdict(int)
    rows = Conversation.objects.filter(
        first_message_at__gte=start, first_message_at__lt=end
    ).values_list("channel", "first_message_at", "first_response_at")
    for channel, first, response in rows:
        if response is None:
            pending[channel] += 1
        else:
            hours[channel].append(max(0.0, (response - first).total_seconds() / 3600))
    result = []
    for channel in ChannelKind:
        values = hours.get(channel.value, [])
        if not values and not pending.get(channel.value):
            continue
        result.append(
            {
                "channel": channel.value,
                "channel_label": str(channel.label),
                "answered": len(values),
                "unanswered": pending.get(channel.value, 0),
                "mean_hours": round(statistics.fmean(values), 1) if values else None,
                "median_hours": round(statistics.median(values), 1) if values else None,
            }
        )
    return result
