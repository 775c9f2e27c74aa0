"""Workflow of an inbox conversation: new → in progress → converted | closed.

Inbound: the raw payload is stored first (payload_store), then parsed in a task
(payload_process) into conversations and messages, idempotent on the provider's
message id. Outbound: a queued message is delivered in a task with bounded retries
(message_deliver); the notices of a linked case go out on the same channel
(conversation_send_notice, through apps.core.notify).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.channels.adapters import Inbound, StatusUpdate, get_adapter
from apps.channels.adapters.base import Outbound
from apps.channels.adapters.http import ProviderError
from apps.channels.models import (
    Attachment,
    ChannelKind,
    Conversation,
    ConversationStatus,
    DeliveryStatus,
    Direction,
    InboundPayload,
    Message,
    PayloadStatus,
)
from apps.channels.workflow import CONVERSATION_WORKFLOW
from apps.core.files import scrub_upload, sniff
from apps.core.models import RecipientKind
from apps.core.notify import NotSent, Recipient
from apps.core.workflow import record_transition

logger = logging.getLogger(__name__)

VIA_CONVERSATION = "conversation"
# The case models a conversation can become, by the field that links them.
CASE_FIELDS = {
    "info_requests.informationrequest": "information_request",
    "complaints.complaint": "complaint",
}

# The conversation's channel as the case channel (apps.core.intake.Channel).
CASE_CHANNEL = {
    ChannelKind.WHATSAPP: "whatsapp",
    ChannelKind.INSTAGRAM: "instagram",
    ChannelKind.FACEBOOK: "facebook",
    ChannelKind.TELEGRAM: "telegram",
    ChannelKind.EMAIL: "email",
}
# Delivery reports only move forward (a late "delivered" never undoes "read").
DELIVERY_RANK = {
    DeliveryStatus.QUEUED: 0,
    DeliveryStatus.SENT: 1,
    DeliveryStatus.DELIVERED: 2,
    DeliveryStatus.READ: 3,
}


# Inbound ------------------------------------------------------------------------


def payload_store(
    *, channel: str, body: bytes, now: dt.datetime | None = None
) -> InboundPayload:
    """Keep exactly what arrived, then parse it in a task after commit."""
    payload = InboundPayload.objects.create(
        channel=channel, body=body, received_at=now or timezone.now()
    )
    from apps.channels import tasks

    transaction.on_commit(lambda: tasks.process_payload.enqueue(payload_id=payload.pk))
    return payload


def payload_process(*, payload: InboundPayload) -> int:
    """pending/failed → processed (messages stored) or failed (error kept, raw shown
    to officers). Returns how many new messages were stored."""
    adapter = get_adapter(payload.channel)
    try:
        if payload.channel == ChannelKind.EMAIL:
            events = adapter.parse(bytes(payload.body))
        else:
            events = adapter.parse(json.loads(bytes(payload.body)))
    except Exception as error:  # noqa: BLE001 - any unreadable payload is kept raw
        payload.status = PayloadStatus.FAILED
        payload.error = f"{type(error).__name__}: {error}"[:2000]
        payload.processed_at = timezone.now()
        payload.save(update_fields=["status", "error", "processed_at"])
        logger.warning(
            "Unreadable %s payload %s kept raw.", payload.channel, payload.pk
        )
        return 0
    created = 0
    for event in events:
        if isinstance(event, StatusUpdate):
            message_record_delivery(channel=payload.channel, update=event)
        else:
            _message, was_created = message_receive(
                channel=payload.channel, inbound=event
            )
            created += was_created
    payload.status = PayloadStatus.PROCESSED
    payload.error = ""
    payload.message_count = created
    payload.processed_at = timezone.now()
    payload.save(update_fields=["status", "error", "message_count", "processed_at"])
    return created


def _find_conversation(channel: str, inbound: Inbound) -> Conversation | None:
    if inbound.thread_refs:
        earlier = (
            Message.objects.filter(
                channel=channel, provider_message_id__in=inbound.thread_refs
            )
            .select_related("conversation")
            .order_by("-sent_at")
            .first()
        )
        if earlier is not None:
            return earlier.conversation
    if channel == ChannelKind.EMAIL:
        return None  # a new e-mail without thread headers is a new conversation
    return (
        Conversation.objects.open()
        .filter(channel=channel, sender_id=inbound.sender_id)
        .order_by("-last_message_at")
        .first()
    )


def _download_all(adapter, inbound: Inbound) -> list[dict]:
    """Fetch each attachment before the transaction; a failure is recorded, the
    message is kept."""
    files = []
    for media in inbound.media:
        row = {
            "ref": media.ref,
            "filename": media.filename,
            "content_type": media.content_type,
            "content": None,
            "error": "",
        }
        try:
            content, content_type = adapter.download(media)
            limit = settings.MAX_UPLOAD_SIZE_MB * 1024 * 1024
            if len(content) > limit:
                raise ProviderError(
                    f"Larger than {settings.MAX_UPLOAD_SIZE_MB} MB.", retryable=False
                )
            row["content"] = _without_metadata(content)
            row["content_type"] = content_type or media.content_type
        except ValidationError as error:
            row["content"] = None
            row["error"] = " ".join(error.messages)[:2000]
        except (ProviderError, KeyError, ValueError, NotImplementedError) as error:
            row["error"] = str(error)[:2000]
        files.append(row)
    return files


def _without_metadata(content: bytes) -> bytes:
    """An image sent to the inbox loses its EXIF/XMP like any upload (GPS of a
    reporter's photo); raises ValidationError for an unreadable or huge image."""
    upload = ContentFile(content)
    sniffed = sniff(upload)
    if sniffed is not None:
        scrub_upload(upload, sniffed[0])
    return upload.file.getvalue()


def message_receive(
    *, channel: str, inbound: Inbound, adapter=None
) -> tuple[Message, bool]:
    """Store one inbound message in its sender's conversation. Idempotent on the
    provider's message id: a resend returns the stored message."""
    inbound.make_storable()
    existing = Message.objects.filter(
        channel=channel, provider_message_id=inbound.provider_message_id
    ).first()
    if existing is not None:
        return existing, False
    files = _download_all(adapter or get_adapter(channel), inbound)
    try:
        with transaction.atomic():
            conversation = _find_conversation(channel, inbound)
            if conversation is None:
                conversation = Conversation.objects.create(
                    channel=channel,
                    sender_id=inbound.sender_id[:255],
                    sender_name=inbound.sender_name[:255],
                    subject=inbound.subject,
                    first_message_at=inbound.sent_at,
                    last_message_at=inbound.sent_at,
                )
                record_transition(
                    conversation,
                    from_status="",
                    to_status=ConversationStatus.NEW,
                    at=inbound.sent_at,
                    is_public=False,
                )
            else:
                conversation = Conversation.objects.select_for_update().get(
                    pk=conversation.pk
                )
                _touch(conversation, inbound)
            message = Message.objects.create(
                conversation=conversation,
                channel=channel,
                direction=Direction.IN,
                message_type=inbound.message_type[:40],
                text=inbound.text,
                provider_message_id=inbound.provider_message_id[:255],
                sent_at=inbound.sent_at,
                delivery_status=DeliveryStatus.RECEIVED,
                raw=inbound.raw,
            )
            for row in files:
                _attach(message, row)
    except IntegrityError:
        # A concurrent resend stored it first.
        return (
            Message.objects.get(
                channel=channel, provider_message_id=inbound.provider_message_id
            ),
            False,
        )
    return message, True


def _touch(conversation: Conversation, inbound: Inbound) -> None:
    fields = ["updated_at"]
    if inbound.sent_at > conversation.last_message_at:
        conversation.last_message_at = inbound.sent_at
        fields.append("last_message_at")
    if inbound.sender_name and not conversation.sender_name:
        conversation.sender_name = inbound.sender_name[:255]
        fields.append("sender_name")
    if conversation.status == ConversationStatus.CLOSED:
        _transition(
            conversation,
            to_status=ConversationStatus.NEW,
            actor=None,
            note=_("Reopened by a new message."),
            fields=fields,
        )
        return
    conversation.save(update_fields=fields)


def _attach(message: Message, row: dict) -> None:
    attachment = Attachment(
        message=message,
        provider_ref=row["ref"][:1000],
        filename=(row["filename"] or "")[:255],
        content_type=(row["content_type"] or "")[:120],
        download_error=row["error"],
    )
    content = row["content"]
    if content:
        upload = ContentFile(content)
        sniffed = sniff(upload)
        if sniffed:
            attachment.content_type = sniffed[0]
        extension = sniffed[1] if sniffed else "bin"
        attachment.size = len(content)
        attachment.filename = attachment.filename or f"lampiran.{extension}"
        attachment.file.save(f"{message.channel}.{extension}", upload, save=False)
    attachment.save()


def message_record_delivery(*, channel: str, update: StatusUpdate) -> bool:
    """A provider's delivery report on one of our messages: status moves forward,
    a failure is kept with its reason."""
    with transaction.atomic():
        message = (
            Message.objects.select_for_update()
            .filter(
                channel=channel,
                provider_message_id=update.provider_message_id,
                direction=Direction.OUT,
            )
            .first()
        )
        if message is None:
            return False
        if update.status == DeliveryStatus.FAILED:
            message.delivery_status = DeliveryStatus.FAILED
            message.delivery_error = update.error or _("Reported failed by provider.")
        elif DELIVERY_RANK.get(update.status, 0) > DELIVERY_RANK.get(
            message.delivery_status, -1
        ):
            message.delivery_status = update.status
        else:
            return False
        message.save(update_fields=["delivery_status", "delivery_error"])
    return True


# Conversation workflow ----------------------------------------------------------


def _transition(
    conversation: Conversation,
    *,
    to_status: str,
    actor,
    note: str = "",
    fields: list[str] | None = None,
    now: dt.datetime | None = None,
) -> None:
    from_status = conversation.status
    CONVERSATION_WORKFLOW.check(from_status, to_status)
    conversation.status = to_status
    conversation.full_clean()
    conversation.save(update_fields=[*(fields or []), "status", "updated_at"])
    record_transition(
        conversation,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        note=note,
        is_public=False,
        at=now,
    )


def _locked(conversation: Conversation) -> Conversation:
    return Conversation.objects.select_for_update().get(pk=conversation.pk)


def _require(actor, *perms: str) -> None:
    if actor is not None and not all(actor.has_perm(perm) for perm in perms):
        raise PermissionDenied(_("You may not do this in the inbox."))


def conversation_close(
    *, conversation: Conversation, actor, note: str, now: dt.datetime | None = None
) -> Conversation:
    """new / in progress → closed (not a case). Guard: a reason is given."""
    _require(actor, "channels.change_conversation")
    if not note.strip():
        raise ValidationError({"note": _("Say why this is not a case.")})
    with transaction.atomic():
        conversation = _locked(conversation)
        conversation.closed_note = note.strip()
        _transition(
            conversation,
            to_status=ConversationStatus.CLOSED,
            actor=actor,
            note=note.strip(),
            fields=["closed_note"],
            now=now,
        )
    return conversation


def conversation_reply(
    *, conversation: Conversation, actor, text: str, now: dt.datetime | None = None
) -> Message:
    """An officer answers on the same channel; new → in progress. The message is
    delivered in a task after commit."""
    _require(actor, "channels.reply_conversation")
    if not text.strip():
        raise ValidationError({"text": _("Write the reply.")})
    with transaction.atomic():
        conversation = _locked(conversation)
        if conversation.status == ConversationStatus.NEW:
            _transition(
                conversation,
                to_status=ConversationStatus.IN_PROGRESS,
                actor=actor,
                note=_("Answered by an officer."),
                now=now,
            )
        return _queue_outbound(conversation, text=text.strip(), author=actor, now=now)


def _queue_outbound(
    conversation: Conversation,
    *,
    text: str,
    author=None,
    is_notice: bool = False,
    now: dt.datetime | None = None,
    deliver_later: bool = True,
) -> Message:
    now = now or timezone.now()
    adapter = get_adapter(conversation.channel)
    configured = adapter.is_configured()
    message = Message.objects.create(
        conversation=conversation,
        channel=conversation.channel,
        direction=Direction.OUT,
        text=text,
        sent_at=now,
        author=author if author is not None and author.is_authenticated else None,
        delivery_status=DeliveryStatus.QUEUED
        if configured
        else DeliveryStatus.NOT_SENT,
        delivery_error=""
        if configured
        else _("Channel off: set %(names)s.")
        % {"names": ", ".join(adapter.missing_settings())},
    )
    if conversation.first_response_at is None:
        conversation.first_response_at = now
        conversation.save(update_fields=["first_response_at", "updated_at"])
    if configured and deliver_later:
        from apps.channels import tasks

        transaction.on_commit(
            lambda: tasks.deliver_message.enqueue(
                message_id=message.pk, is_notice=is_notice
            )
        )
    return message


def _outbound_for(message: Message, *, is_notice: bool) -> Outbound:
    conversation = message.conversation
    reply_to = []
    if conversation.channel == ChannelKind.EMAIL:
        reply_to = list(
            conversation.messages.filter(direction=Direction.IN)
            .exclude(provider_message_id="")
            .order_by("sent_at", "pk")
            .values_list("provider_message_id", flat=True)
        )
    return Outbound(
        recipient=conversation.sender_id,
        text=message.text,
        subject=conversation.subject
        or str(_("Your message to %(ppid)s") % {"ppid": _body_name()}),
        reply_to_ids=reply_to,
        is_notice=is_notice,
    )


def _body_name() -> str:
    from apps.core.models import BodyProfile

    return BodyProfile.load().ppid_name


def message_deliver(
    *,
    message: Message,
    is_notice: bool = False,
    sleep: Callable[[float], None] = time.sleep,
) -> Message:
    """queued → sent | failed. Retries timeouts, 429 and 5xx with exponential
    backoff, at most CHANNELS_SEND_ATTEMPTS tries; a 4xx fails at once."""
    if message.delivery_status != DeliveryStatus.QUEUED:
        return message
    adapter = get_adapter(message.channel)
    outbound = _outbound_for(message, is_notice=is_notice)
    attempts = max(1, settings.CHANNELS_SEND_ATTEMPTS)
    error: ProviderError | None = None
    for attempt in range(1, attempts + 1):
        message.attempts = attempt
        try:
            result = adapter.send(outbound)
        except ProviderError as exc:
            error = exc
            if not exc.retryable or attempt == attempts:
                break
            sleep(settings.CHANNELS_SEND_BACKOFF_SECONDS * 2 ** (attempt - 1))
            continue
        message.provider_message_id = result.provider_message_id[:255]
        message.delivery_status = DeliveryStatus.SENT
        message.delivery_error = ""
        message.save(
            update_fields=[
                "provider_message_id",
                "delivery_status",
                "delivery_error",
                "attempts",
            ]
        )
        return message
    message.delivery_status = DeliveryStatus.FAILED
    message.delivery_error = str(error)[:2000]
    message.save(update_fields=["delivery_status", "delivery_error", "attempts"])
    logger.warning(
        "Channel %s: message %s failed after %s attempt(s).",
        message.channel,
        message.pk,
        message.attempts,
    )
    return message


# Conversion into a case ---------------------------------------------------------


def conversation_convert_to_request(
    *, conversation: Conversation, actor, data: dict, now: dt.datetime | None = None
):
    """new / in progress → converted, with a new information request from `data`
    (the officer's completed intake form). Guards: may convert and record requests."""
    from apps.info_requests.services import information_request_submit

    _require(
        actor, "channels.convert_conversation", "info_requests.add_informationrequest"
    )
    with transaction.atomic():
        conversation = _locked(conversation)
        CONVERSATION_WORKFLOW.check(conversation.status, ConversationStatus.CONVERTED)
        request = information_request_submit(recorded_by=actor, **data)
        conversation.information_request = request
        _transition(
            conversation,
            to_status=ConversationStatus.CONVERTED,
            actor=actor,
            note=_("Information request %(number)s.")
            % {"number": request.registration_number},
            fields=["information_request"],
            now=now,
        )
    return request


def conversation_convert_to_complaint(
    *, conversation: Conversation, actor, data: dict, now: dt.datetime | None = None
):
    """new / in progress → converted, with a new complaint from `data`. Guards: may
    convert and record complaints. Returns the complaints' SubmitResult."""
    from apps.complaints.services import complaint_submit

    _require(actor, "channels.convert_conversation", "complaints.add_complaint")
    with transaction.atomic():
        conversation = _locked(conversation)
        CONVERSATION_WORKFLOW.check(conversation.status, ConversationStatus.CONVERTED)
        result = complaint_submit(actor=actor, now=now, **data)
        conversation.complaint = result.complaint
        _transition(
            conversation,
            to_status=ConversationStatus.CONVERTED,
            actor=actor,
            note=_("Complaint %(number)s.") % {"number": result.complaint.number},
            fields=["complaint"],
            now=now,
        )
    return result


# Notices of a linked case: the applicant's chat channel in the notification
# pipeline (apps.core.notify; registered in ChannelsConfig.ready).


def conversation_recipients(case) -> list[Recipient]:
    """The conversation a case came from, as one of its applicant's channels.
    An e-mail thread with the case's own address is the same recipient as the
    case's e-mail: the pipeline tells it once (by address), in the case's mail."""
    field = CASE_FIELDS.get(case._meta.label_lower)
    conversation = (
        Conversation.objects.filter(**{field: case}).first() if field else None
    )
    if conversation is None:
        return []
    return [
        Recipient(
            RecipientKind.APPLICANT,
            conversation.channel,
            conversation.sender_id,
            name=conversation.sender_name,
            language=getattr(case, "language", "") or settings.LANGUAGE_CODE,
            via=VIA_CONVERSATION,
            ref=conversation.pk,
        )
    ]


def conversation_send_notice(recipient: Recipient, subject: str, text: str) -> str:
    """Send a notice on the conversation now (the pipeline runs in the worker);
    the provider's message id, or an exception the pipeline records."""
    conversation = Conversation.objects.get(pk=recipient.ref)
    with transaction.atomic():
        message = _queue_outbound(
            conversation, text=text, is_notice=True, deliver_later=False
        )
    if message.delivery_status == DeliveryStatus.NOT_SENT:
        raise NotSent(message.delivery_error)
    message = message_deliver(message=message, is_notice=True)
    if message.delivery_status != DeliveryStatus.SENT:
        raise ProviderError(message.delivery_error or "not sent")
    return message.provider_message_id
