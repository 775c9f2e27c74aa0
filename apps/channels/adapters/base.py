"""The adapter interface: parse an inbound payload into normalised messages, send
a text back. Adapters hold no database code; services store what they return."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

from apps.core.inputs import storable


@dataclass
class MediaRef:
    """An attachment: its content when the payload carries it, else a reference the
    adapter's `download()` resolves (media id, file id or URL)."""

    ref: str
    filename: str = ""
    content_type: str = ""
    content: bytes | None = None


@dataclass
class Inbound:
    provider_message_id: str
    sender_id: str
    sent_at: dt.datetime
    message_type: str = "text"
    text: str = ""
    sender_name: str = ""
    subject: str = ""
    media: list[MediaRef] = field(default_factory=list)
    # E-mail threading: Message-IDs this message answers (In-Reply-To, References).
    thread_refs: list[str] = field(default_factory=list)
    raw: dict = field(default_factory=dict)

    def make_storable(self) -> None:
        """Drop what no text column holds (a sender's NUL byte would fail the insert
        on PostgreSQL and leave the payload pending for ever)."""
        for item in fields(self):
            if item.name != "media":
                setattr(self, item.name, storable(getattr(self, item.name)))
        for media in self.media:
            media.filename = storable(media.filename)
            media.content_type = storable(media.content_type)


@dataclass
class StatusUpdate:
    """A provider's delivery report on one of our outbound messages."""

    provider_message_id: str
    status: str  # one of DeliveryStatus values
    error: str = ""


@dataclass
class SendResult:
    provider_message_id: str


@dataclass
class Outbound:
    """What an adapter needs to send one text in a conversation."""

    recipient: str
    text: str
    subject: str = ""
    reply_to_ids: list[str] = field(default_factory=list)
    # A status notice may come after the provider's 24-hour reply window.
    is_notice: bool = False


class Adapter:
    channel: str = ""

    def is_configured(self) -> bool:
        raise NotImplementedError

    def missing_settings(self) -> list[str]:
        return []

    def parse(self, payload) -> list[Inbound | StatusUpdate]:
        raise NotImplementedError

    def download(self, media: MediaRef) -> tuple[bytes, str]:
        """(content, content type) of an attachment; raises ProviderError."""
        if media.content is not None:
            return media.content, media.content_type
        raise NotImplementedError

    def send(self, outbound: Outbound) -> SendResult:
        raise NotImplementedError


def missing(*names: str) -> list[str]:
    from django.conf import settings

    return [name for name in names if not getattr(settings, name, "")]
