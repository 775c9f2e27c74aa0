"""Telegram Bot API: webhook updates (secret-token header) in, sendMessage out,
files through getFile then /file/bot<token>/<file_path>."""

from __future__ import annotations

import datetime as dt
import hmac

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
from apps.channels.models import ChannelKind

KNOWN_KEYS = ("text", "photo", "document")
# Keys of a Telegram Message that describe it rather than give its content.
META_KEYS = {
    "message_id",
    "message_thread_id",
    "from",
    "sender_chat",
    "chat",
    "date",
    "edit_date",
    "caption",
    "caption_entities",
    "entities",
    "reply_to_message",
    "forward_origin",
    "has_protected_content",
    "link_preview_options",
}


def secret_valid(header: str) -> bool:
    secret = settings.TELEGRAM_SECRET_TOKEN
    return bool(secret and header) and hmac.compare_digest(header, secret)


class TelegramAdapter(Adapter):
    channel = ChannelKind.TELEGRAM

    def missing_settings(self) -> list[str]:
        return missing("TELEGRAM_BOT_TOKEN", "TELEGRAM_SECRET_TOKEN")

    def is_configured(self) -> bool:
        return not self.missing_settings()

    def _url(self, method: str) -> str:
        base = settings.TELEGRAM_API_URL.rstrip("/")
        return f"{base}/bot{settings.TELEGRAM_BOT_TOKEN}/{method}"

    def parse(self, payload) -> list[Inbound | StatusUpdate]:
        if "update_id" not in payload:
            raise ValueError("Not a Telegram update: no update_id.")
        message = payload.get("message")
        if message is None:
            return []  # edits, joins, callbacks: kept raw, nothing for the inbox
        chat = message["chat"]
        person = message.get("from") or {}
        name = " ".join(
            part for part in (person.get("first_name"), person.get("last_name")) if part
        )
        if person.get("username"):
            name = f"{name} (@{person['username']})".strip()
        kind = next((key for key in KNOWN_KEYS if key in message), None)
        if kind is None:
            kind = next((key for key in message if key not in META_KEYS), "unknown")
        inbound = Inbound(
            # message_id is unique within a chat only.
            provider_message_id=f"{chat['id']}:{message['message_id']}",
            sender_id=str(chat["id"]),
            sender_name=name or chat.get("title", ""),
            sent_at=dt.datetime.fromtimestamp(int(message["date"]), tz=dt.UTC),
            message_type=kind,
            text=message.get("text") or message.get("caption") or "",
            raw=payload,
        )
        if kind == "photo":
            largest = max(message["photo"], key=lambda size: size.get("file_size", 0))
            inbound.media.append(MediaRef(ref=largest["file_id"]))
        elif kind == "document":
            document = message["document"]
            inbound.media.append(
                MediaRef(
                    ref=document["file_id"],
                    filename=document.get("file_name", ""),
                    content_type=document.get("mime_type", ""),
                )
            )
        return [inbound]

    def download(self, media: MediaRef) -> tuple[bytes, str]:
        answer = http.request_json(
            "GET", self._url("getFile"), params={"file_id": media.ref}
        )
        if not answer.get("ok"):
            raise http.ProviderError(
                answer.get("description", "getFile failed"), retryable=False
            )
        path = answer["result"]["file_path"]
        base = settings.TELEGRAM_API_URL.rstrip("/")
        content, content_type = http.fetch_media(
            f"{base}/file/bot{settings.TELEGRAM_BOT_TOKEN}/{path}"
        )
        return content, media.content_type or content_type

    def send(self, outbound: Outbound) -> SendResult:
        answer = http.request_json(
            "POST",
            self._url("sendMessage"),
            json_body={"chat_id": outbound.recipient, "text": outbound.text},
        )
        if not answer.get("ok"):
            raise http.ProviderError(
                answer.get("description", "sendMessage failed"), retryable=False
            )
        result = answer["result"]
        return SendResult(
            provider_message_id=f"{result['chat']['id']}:{result['message_id']}"
        )
