"""Facebook Messenger and Instagram messaging: `object: page` / `instagram` webhooks
with entry[].messaging[], replies through the Send API (POST /me/messages)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from apps.channels.adapters import http
from apps.channels.adapters.base import (
    Adapter,
    Inbound,
    MediaRef,
    Outbound,
    SendResult,
    StatusUpdate,
    missing,
)
from apps.channels.adapters.meta_common import graph_url
from apps.channels.models import ChannelKind, DeliveryStatus


def _time(milliseconds) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(milliseconds) / 1000, tz=dt.UTC)


class MessengerAdapter(Adapter):
    object_name = ""

    def missing_settings(self) -> list[str]:
        return missing("META_APP_SECRET", "META_PAGE_TOKEN")

    def is_configured(self) -> bool:
        return not self.missing_settings()

    def parse(self, payload) -> list[Inbound | StatusUpdate]:
        if payload.get("object") != self.object_name:
            raise ValueError(
                f"Expected object {self.object_name!r}, got {payload.get('object')!r}"
            )
        events: list[Inbound | StatusUpdate] = []
        for entry in payload["entry"]:
            for event in entry.get("messaging", []):
                if "message" in event:
                    message = event["message"]
                    if message.get("is_echo"):
                        continue  # our own outbound message, echoed back
                    events.append(self._message(event, message))
                elif "delivery" in event:
                    events.extend(
                        StatusUpdate(
                            provider_message_id=mid,
                            status=DeliveryStatus.DELIVERED,
                        )
                        for mid in event["delivery"].get("mids", [])
                    )
        return events

    def _message(self, event: dict, message: dict) -> Inbound:
        attachments = message.get("attachments") or []
        kind = "text"
        if attachments:
            kind = attachments[0].get("type", "unknown")
        elif "text" not in message:
            kind = next(
                (key for key in message if key not in {"mid", "text"}), "unknown"
            )
        inbound = Inbound(
            provider_message_id=message["mid"],
            sender_id=event["sender"]["id"],
            sent_at=_time(event["timestamp"]),
            message_type=kind,
            text=message.get("text", ""),
            raw=event,
        )
        for attachment in attachments:
            url = (attachment.get("payload") or {}).get("url")
            if url:
                inbound.media.append(MediaRef(ref=url))
        return inbound

    def download(self, media: MediaRef) -> tuple[bytes, str]:
        # The URL is whatever the webhook says: only the guarded fetcher opens it.
        return http.fetch_media(media.ref)

    def send(self, outbound: Outbound) -> SendResult:
        body = {
            "recipient": {"id": outbound.recipient},
            "messaging_type": "RESPONSE",
            "message": {"text": outbound.text},
        }
        if outbound.is_notice and self.channel == ChannelKind.FACEBOOK:
            # A status notice may come after the 24-hour window: an account update.
            body.update(messaging_type="MESSAGE_TAG", tag="ACCOUNT_UPDATE")
        answer = http.request_json(
            "POST",
            graph_url("me/messages"),
            params={"access_token": settings.META_PAGE_TOKEN},
            json_body=body,
        )
        if not answer.get("message_id"):
            raise http.ProviderError(
                f"Unexpected answer: {answer!r:.300}", retryable=False
            )
        return SendResult(provider_message_id=answer["message_id"])


class FacebookAdapter(MessengerAdapter):
    channel = ChannelKind.FACEBOOK
    object_name = "page"


class InstagramAdapter(MessengerAdapter):
    channel = ChannelKind.INSTAGRAM
    object_name = "instagram"
