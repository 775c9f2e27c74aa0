"""E-mail: one RFC 822 message in (MTA pipe or IMAP), replies out through Django's
mail (SMTP), threaded by Message-ID / In-Reply-To / References."""

from __future__ import annotations

import email
import email.policy
import email.utils
import hashlib
import re
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

from apps.channels.adapters.base import (
    Adapter,
    Inbound,
    MediaRef,
    Outbound,
    SendResult,
    StatusUpdate,
    missing,
)
from apps.channels.adapters.http import ProviderError
from apps.channels.models import ChannelKind

MESSAGE_ID = re.compile(r"<[^<>\s]+>")


def message_ids(value: str | None) -> list[str]:
    return MESSAGE_ID.findall(str(value or ""))


class EmailAdapter(Adapter):
    channel = ChannelKind.EMAIL

    def missing_settings(self) -> list[str]:
        return missing("CHANNELS_EMAIL_ADDRESS")

    def is_configured(self) -> bool:
        return not self.missing_settings()

    def parse(self, payload: bytes) -> list[Inbound | StatusUpdate]:
        message = email.message_from_bytes(payload, policy=email.policy.default)
        sender = message.get("From")
        if not sender or "@" not in str(sender):
            raise ValueError("The e-mail has no sender address.")
        name, address = email.utils.parseaddr(str(sender))
        ids = message_ids(message.get("Message-ID"))
        if ids:
            provider_id = ids[0]
        else:
            # No Message-ID: a content hash keeps a re-delivery from doubling.
            provider_id = f"<sha256.{hashlib.sha256(payload).hexdigest()}@local>"
        try:
            sent_at = email.utils.parsedate_to_datetime(str(message.get("Date")))
        except (TypeError, ValueError):
            sent_at = None
        if sent_at is None or sent_at.tzinfo is None:
            sent_at = timezone.now()
        body = message.get_body(preferencelist=("plain", "html"))
        text = body.get_content() if body is not None else ""
        if body is not None and body.get_content_type() == "text/html":
            from django.utils.html import strip_tags

            text = strip_tags(text)
        inbound = Inbound(
            provider_message_id=provider_id,
            sender_id=address.lower(),
            sender_name=name,
            subject=str(message.get("Subject", ""))[:255],
            sent_at=sent_at,
            message_type="email",
            text=text.strip(),
            thread_refs=[
                *message_ids(message.get("In-Reply-To")),
                *message_ids(message.get("References")),
            ],
            raw={
                key: str(value)
                for key, value in message.items()
                if key.lower()
                in {"from", "to", "cc", "subject", "date", "message-id", "in-reply-to"}
            },
        )
        for part in message.iter_attachments():
            content = part.get_payload(decode=True) or b""
            inbound.media.append(
                MediaRef(
                    ref=part.get_filename() or "attachment",
                    filename=part.get_filename() or "attachment",
                    content_type=part.get_content_type(),
                    content=content,
                )
            )
        return [inbound]

    def send(self, outbound: Outbound) -> SendResult:
        domain = settings.CHANNELS_EMAIL_ADDRESS.rpartition("@")[2] or None
        message_id = email.utils.make_msgid(domain=domain)
        headers = {"Message-ID": message_id}
        if outbound.reply_to_ids:
            headers["In-Reply-To"] = outbound.reply_to_ids[-1]
            headers["References"] = " ".join(outbound.reply_to_ids)
        subject = outbound.subject or ""
        if subject and not subject.lower().startswith("re:"):
            subject = f"Re: {subject}"
        try:
            EmailMessage(
                subject=subject,
                body=outbound.text,
                from_email=settings.CHANNELS_EMAIL_ADDRESS,
                to=[outbound.recipient],
                headers=headers,
            ).send()
        except smtplib.SMTPRecipientsRefused as error:
            raise ProviderError(f"Refused: {error}", retryable=False) from None
        except (smtplib.SMTPException, OSError) as error:
            raise ProviderError(f"SMTP: {error}", retryable=True) from None
        return SendResult(provider_message_id=message_id)
