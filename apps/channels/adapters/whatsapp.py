"""WhatsApp Business Cloud API: webhook notifications in, /{phone-number-id}/messages
out, media through GET /{media-id} then its URL (both with the access token)."""

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

MEDIA_TYPES = {"image", "document", "audio", "video", "sticker"}
STATUS_MAP = {
    "sent": DeliveryStatus.SENT,
    "delivered": DeliveryStatus.DELIVERED,
    "read": DeliveryStatus.READ,
    "failed": DeliveryStatus.FAILED,
}


def _time(value) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)


class WhatsAppAdapter(Adapter):
    channel = ChannelKind.WHATSAPP

    def missing_settings(self) -> list[str]:
        return missing("META_APP_SECRET", "WHATSAPP_TOKEN", "WHATSAPP_PHONE_NUMBER_ID")

    def is_configured(self) -> bool:
        return not self.missing_settings()

    def _auth(self) -> dict:
        return {"Authorization": f"Bearer {settings.WHATSAPP_TOKEN}"}

    def parse(self, payload) -> list[Inbound | StatusUpdate]:
        if payload.get("object") != "whatsapp_business_account":
            raise ValueError(f"Not a WhatsApp notification: {payload.get('object')!r}")
        events: list[Inbound | StatusUpdate] = []
        for entry in payload["entry"]:
            for change in entry.get("changes", []):
                value = change.get("value", {})
                names = {
                    contact.get("wa_id"): contact.get("profile", {}).get("name", "")
                    for contact in value.get("contacts", [])
                }
                for message in value.get("messages", []):
                    events.append(self._message(message, names))
                for status in value.get("statuses", []):
                    errors = status.get("errors") or []
                    events.append(
                        StatusUpdate(
                            provider_message_id=status["id"],
                            status=STATUS_MAP.get(
                                status.get("status"), DeliveryStatus.SENT
                            ),
                            error="; ".join(
                                f"{e.get('code')} {e.get('title', '')}".strip()
                                for e in errors
                            ),
                        )
                    )
        return events

    def _message(self, message: dict, names: dict) -> Inbound:
        kind = message.get("type", "unknown")
        sender = message["from"]
        inbound = Inbound(
            provider_message_id=message["id"],
            sender_id=sender,
            sender_name=names.get(sender, ""),
            sent_at=_time(message["timestamp"]),
            message_type=kind,
            raw=message,
        )
        body = message.get(kind) if isinstance(message.get(kind), dict) else {}
        if kind == "text":
            inbound.text = body.get("body", "")
        elif kind in MEDIA_TYPES and body.get("id"):
            inbound.text = body.get("caption", "")
            inbound.media.append(
                MediaRef(
                    ref=body["id"],
                    filename=body.get("filename", ""),
                    content_type=body.get("mime_type", ""),
                )
            )
        return inbound

    def download(self, media: MediaRef) -> tuple[bytes, str]:
        info = http.request_json("GET", graph_url(media.ref), headers=self._auth())
        content, content_type = http.fetch_media(info["url"], headers=self._auth())
        return content, info.get("mime_type") or content_type

    def send(self, outbound: Outbound) -> SendResult:
        answer = http.request_json(
            "POST",
            graph_url(f"{settings.WHATSAPP_PHONE_NUMBER_ID}/messages"),
            headers=self._auth(),
            json_body={
                "messaging_product": "whatsapp",
                "recipient_type": "individual",
                "to": outbound.recipient,
                "type": "text",
                "text": {"preview_url": False, "body": outbound.text},
            },
        )
        try:
            return SendResult(provider_message_id=answer["messages"][0]["id"])
        except (KeyError, IndexError, TypeError):
            raise http.ProviderError(
                f"Unexpected answer: {answer!r:.300}", retryable=False
            ) from None
