"""The one notification pipeline: who hears of each notice, in which language, on
which channel, and what became of each message.

A case app declares its notices once (`register_notice`: template, audience,
context) and announces them when something happens (`announce`, after commit).
The worker then decides who hears (`recipients`):

- the applicant, on every channel they gave: the case's e-mail address and the
  conversations of apps.channels (registered with `register_applicant_reach`;
  a chat hears only public events);
- officers, by the ONE rule of apps.accounts.recipients (registered with
  `register_officer_rule`): `Officers(role)` for those of the case's unit,
  `Officers(role, of_unit=False)` for every officer with the role.

Each message is rendered in the worker, in the recipient's language, and recorded
as a Delivery (masked address, status, provider id, error, attempts). A failed
delivery is retried with growing pauses (`retry_deliveries`) until
NOTIFY_MAX_ATTEMPTS. Daily reminders of due and overdue cases run the same way
(`register_reminder`, `send_reminders`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from email.utils import make_msgid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from apps.core.cases import case_kind_of
from apps.core.models import (
    BodyProfile,
    Delivery,
    DeliveryStatus,
    RecipientKind,
    StatusChange,
)

logger = logging.getLogger(__name__)

EMAIL = "email"


# Who hears.


@dataclass(frozen=True)
class Applicant:
    """The applicant, by all their channels (never an anonymous reporter's)."""


@dataclass(frozen=True)
class Officers:
    """Officers with `role`: of the case's unit (the one rule), or all of them."""

    role: str
    of_unit: bool = True


APPLICANT = Applicant()
Audience = Applicant | Officers


@dataclass(frozen=True)
class Recipient:
    kind: str  # RecipientKind
    channel: str  # "email", or the conversation's channel (whatsapp, telegram, ...)
    address: str
    name: str = ""
    language: str = "id"
    # How the message goes: "email" (sent here) or a registered sender's name.
    via: str = EMAIL
    ref: int | None = None  # the sender's handle (the conversation's id)

    @property
    def address_hash(self) -> str:
        return address_hash(self.channel, self.address)

    @property
    def masked(self) -> str:
        return mask(self.address)


def address_hash(channel: str, address: str) -> str:
    normalised = f"{channel}:{address.strip().lower()}"
    return hashlib.sha256(normalised.encode()).hexdigest()


def mask(address: str) -> str:
    """What logs and the admin show of an address: "r***@warga.example",
    "+62********234"."""
    address = address.strip()
    if "@" in address:
        local, _at, domain = address.rpartition("@")
        return f"{local[:1]}***@{domain}"[:120]
    if len(address) <= 4:
        return "*" * len(address)
    return f"{address[:3]}{'*' * (len(address) - 6)}{address[-3:]}"[:120]


# What is said.


@dataclass(frozen=True)
class Notice:
    """One message to one audience: templates/emails/<template>_{subject,body}.txt
    for e-mail; a chat gets `chat_template` (None: the notice is e-mail only)."""

    name: str
    template: str
    audience: Sequence[Audience]
    context: Callable[[models.Model, StatusChange | None], dict] = lambda c, e: {}
    # (filename, content, mimetype), for the applicant's e-mail only.
    attachments: Callable[[models.Model, StatusChange | None], list] | None = None
    chat_template: str | None = "notify/case_status.txt"


@dataclass(frozen=True)
class Reminder:
    """A daily reminder of one case kind: `due(today)` → [(case, overdue)], each
    case's `audience(case, overdue)`, the officer's list rendered with
    `context(rows, today)` as templates/emails/<template>_{subject,body}.txt."""

    name: str
    template: str
    due: Callable[[dt.date], Iterable[tuple[models.Model, bool]]]
    audience: Callable[[models.Model, bool], Sequence[Officers]]
    context: Callable[[list, dt.date], dict] = field(default=lambda rows, today: {})


_NOTICES: dict[str, Notice] = {}
_REMINDERS: dict[str, Reminder] = {}
_OFFICER_RULE: list[Callable[[str, object], list[Recipient]]] = []
_APPLICANT_REACH: list[Callable[[models.Model], list[Recipient]]] = []
# via → send(recipient, subject, text) -> provider id; raises on failure.
_SENDERS: dict[str, Callable[[Recipient, str, str], str]] = {}


def register_notice(notice: Notice) -> Notice:
    _NOTICES[notice.name] = notice
    return notice


def register_reminder(reminder: Reminder) -> Reminder:
    _REMINDERS[reminder.name] = reminder
    return reminder


def register_officer_rule(rule: Callable[[str, object], list[Recipient]]) -> None:
    """rule(role, unit or None) → the officers (and unit addresses) who hear."""
    _OFFICER_RULE[:] = [rule]


def register_applicant_reach(reach: Callable[[models.Model], list[Recipient]]) -> None:
    """reach(case) → the applicant's other channels (apps.channels)."""
    if reach not in _APPLICANT_REACH:
        _APPLICANT_REACH.append(reach)


def register_sender(via: str, send: Callable[[Recipient, str, str], str]) -> None:
    _SENDERS[via] = send


class NotSent(Exception):
    """The channel is off (not configured): nothing to retry until it is on."""


# Announcing (in the web request or the service): only names and ids travel.


def announce(case: models.Model, event: StatusChange | None, *names: str) -> None:
    """Queue `names` about `case` (and `event`) for the worker, after commit."""
    for name in names:
        if name not in _NOTICES:
            raise LookupError(f"Unknown notice {name!r}")
    content_type = ContentType.objects.get_for_model(case)
    payload = {
        "notices": list(names),
        "content_type_id": content_type.pk,
        "object_id": case.pk,
        "event_id": event.pk if event is not None else None,
    }

    def enqueue():
        from apps.core import tasks  # tasks imports this module (its task bodies)

        tasks.send_notices.enqueue(**payload)

    transaction.on_commit(enqueue)


# In the worker.


def officers(audience: Officers, unit) -> list[Recipient]:
    if not _OFFICER_RULE:
        return []
    if audience.of_unit and unit is None:
        return []
    return _OFFICER_RULE[0](audience.role, unit if audience.of_unit else None)


def applicant_email(case) -> str:
    return (case_kind_of(case).applicant_email(case) or "").strip()


def recipients(notice: Notice, case, event: StatusChange | None) -> list[Recipient]:
    """Who hears `notice`, once each (by channel and address)."""
    found: dict[str, Recipient] = {}
    for audience in notice.audience:
        if isinstance(audience, Applicant):
            language = getattr(case, "language", "") or settings.LANGUAGE_CODE
            email = applicant_email(case)
            candidates = []
            if email:
                candidates.append(
                    Recipient(RecipientKind.APPLICANT, EMAIL, email, language=language)
                )
            if notice.chat_template and (event is None or event.is_public):
                for reach in _APPLICANT_REACH:
                    candidates.extend(reach(case))
        else:
            candidates = officers(audience, getattr(case, "unit", None))
        for recipient in candidates:
            found.setdefault(recipient.address_hash, recipient)
    return list(found.values())


def send_notices(
    *, notices: Sequence[str], content_type_id: int, object_id: int, event_id=None
) -> int:
    """Deliver each notice to each of its recipients; the number sent."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    case = model._default_manager.filter(pk=object_id).first()
    if case is None:  # gone before the worker came to it (a rolled-back import)
        return 0
    event = StatusChange.objects.filter(pk=event_id).first() if event_id else None
    sent = 0
    for name in notices:
        notice = _NOTICES[name]
        for recipient in recipients(notice, case, event):
            delivery = Delivery.objects.create(
                notice=name,
                content_type_id=content_type_id,
                object_id=object_id,
                event=event,
                recipient_kind=recipient.kind,
                channel=recipient.channel,
                address_hash=recipient.address_hash,
                address_masked=recipient.masked,
                language=recipient.language,
            )
            sent += _deliver(
                delivery,
                recipient,
                render=lambda n=notice, r=recipient: _render_notice(n, r, case, event),
            )
    return sent


def _render_notice(notice: Notice, recipient: Recipient, case, event):
    kind = case_kind_of(case)
    context = {
        "body": BodyProfile.load(),
        "recipient": recipient,
        "event": event,
        "status_url": kind.status_url(case),
        "site_url": settings.SITE_URL,
        **notice.context(case, event),
    }
    with translation.override(recipient.language):
        if recipient.via != EMAIL:  # a chat (or an e-mail thread of the inbox)
            status = event.to_status if event is not None else case.status
            labels = dict(case._meta.get_field("status").flatchoices)
            text = render_to_string(
                notice.chat_template,
                {
                    **context,
                    "kind": kind.label,
                    "number": kind.number(case),
                    "url": context["status_url"],
                    "status": labels.get(status, status),
                    "note": event.text if event is not None else "",
                    "body_name": context["body"].ppid_name,
                },
            ).strip()
            return "", text, []
        subject, text = _render_email(notice.template, context)
    attachments = []
    if notice.attachments and recipient.kind == RecipientKind.APPLICANT:
        attachments = notice.attachments(case, event)
    return subject, text, attachments


def _render_email(template: str, context: dict) -> tuple[str, str]:
    subject = render_to_string(f"emails/{template}_subject.txt", context)
    body = render_to_string(f"emails/{template}_body.txt", context)
    return " ".join(subject.split()), body


def send_email_now(recipient: Recipient, subject: str, body: str, attachments=()):
    """Send one e-mail from the worker; returns its Message-ID."""
    message_id = make_msgid(domain=settings.NOTIFY_MESSAGE_ID_DOMAIN)
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.address],
        headers={"Message-ID": message_id},
    )
    for filename, content, mimetype in attachments or ():
        message.attach(filename, content, mimetype)
    message.send()
    return message_id


def _deliver(delivery: Delivery, recipient: Recipient, *, render) -> int:
    """Render and send one delivery; record the outcome. 1 when sent."""
    delivery.attempts += 1
    now = timezone.now()
    try:
        subject, text, attachments = render()
        if recipient.via == EMAIL:
            provider_id = send_email_now(recipient, subject, text, attachments)
        else:
            provider_id = _SENDERS[recipient.via](recipient, subject, text)
    except NotSent as reason:
        delivery.status = DeliveryStatus.NOT_SENT
        delivery.error = _scrub(str(reason), recipient)
        delivery.next_attempt_at = None
    except Exception as error:  # any failure of one message is recorded, not raised
        delivery.error = _scrub(f"{type(error).__name__}: {error}", recipient)
        if delivery.attempts < settings.NOTIFY_MAX_ATTEMPTS:
            delivery.status = DeliveryStatus.FAILED
            pause = settings.NOTIFY_RETRY_SECONDS * 2 ** (delivery.attempts - 1)
            delivery.next_attempt_at = now + dt.timedelta(seconds=pause)
        else:
            delivery.status = DeliveryStatus.GAVE_UP
            delivery.next_attempt_at = None
        logger.warning(
            "Delivery %s (%s to %s) failed, attempt %s: %s",
            delivery.pk,
            delivery.notice,
            recipient.masked,
            delivery.attempts,
            type(error).__name__,
        )
    else:
        delivery.status = DeliveryStatus.SENT
        delivery.provider_id = (provider_id or "")[:255]
        delivery.error = ""
        delivery.sent_at = now
        delivery.next_attempt_at = None
    delivery.save()
    if delivery.status == DeliveryStatus.FAILED:
        _schedule_retry(delivery)
    return int(delivery.status == DeliveryStatus.SENT)


def _scrub(text: str, recipient: Recipient) -> str:
    """An error never carries the address itself (SMTP errors quote it)."""
    return text.replace(recipient.address, recipient.masked)[:2000]


def _schedule_retry(delivery: Delivery) -> None:
    from apps.core import tasks  # tasks imports this module (its task bodies)

    backend = tasks.retry_delivery.get_backend()
    if backend.supports_defer:
        tasks.retry_delivery.using(run_after=delivery.next_attempt_at).enqueue(
            delivery_id=delivery.pk
        )
    # Without a deferring backend, `retry_deliveries` (cron) picks it up.


def redeliver(delivery: Delivery) -> int:
    """Try a failed delivery again: the recipient is found again (the address is
    not stored) and the message rendered again. 1 when sent."""
    if delivery.status != DeliveryStatus.FAILED:
        return 0
    if delivery.reminder_date is not None:
        reminder = _REMINDERS[delivery.notice]
        batch = _reminder_batches(reminder, delivery.reminder_date).get(
            delivery.address_hash
        )
        if batch is None:
            return _give_up(delivery, "The reminder has nothing due any more.")
        recipient, rows = batch
        return _deliver(
            delivery,
            recipient,
            render=lambda: _render_reminder(
                reminder, recipient, rows, delivery.reminder_date
            ),
        )
    notice = _NOTICES[delivery.notice]
    case = delivery.case
    if case is None:
        return _give_up(delivery, "The case is gone.")
    recipient = next(
        (
            r
            for r in recipients(notice, case, delivery.event)
            if r.address_hash == delivery.address_hash
        ),
        None,
    )
    if recipient is None:
        return _give_up(delivery, "The recipient no longer hears of this case.")
    return _deliver(
        delivery,
        recipient,
        render=lambda: _render_notice(notice, recipient, case, delivery.event),
    )


def _give_up(delivery: Delivery, reason: str) -> int:
    delivery.status = DeliveryStatus.GAVE_UP
    delivery.error = reason
    delivery.next_attempt_at = None
    delivery.save(update_fields=["status", "error", "next_attempt_at", "updated_at"])
    return 0


def retry_deliveries(*, now: dt.datetime | None = None) -> int:
    """Every failed delivery whose pause is over, tried again; the number sent."""
    now = now or timezone.now()
    due = Delivery.objects.due_for_retry(now).order_by("next_attempt_at", "pk")
    return sum(redeliver(delivery) for delivery in due)


# Reminders.


def _reminder_batches(reminder: Reminder, today: dt.date) -> dict:
    """{address hash: (recipient, rows)}: each officer's cases, in `due` order."""
    batches: dict[str, tuple[Recipient, list]] = {}
    cache: dict[tuple, list[Recipient]] = {}
    for case, overdue in reminder.due(today):
        unit = getattr(case, "unit", None)
        for audience in reminder.audience(case, overdue):
            key = (audience, unit.pk if audience.of_unit and unit else None)
            if key not in cache:
                cache[key] = officers(audience, unit)
            for recipient in cache[key]:
                _recipient, rows = batches.setdefault(
                    recipient.address_hash, (recipient, [])
                )
                if all(row[0] != case for row in rows):
                    rows.append((case, overdue))
    return batches


def _render_reminder(reminder: Reminder, recipient: Recipient, rows, today):
    context = {
        "officer": recipient,
        "today": today,
        "site_url": settings.SITE_URL,
        "body": BodyProfile.load(),
        **reminder.context(rows, today),
    }
    with translation.override(recipient.language):
        subject, text = _render_email(reminder.template, context)
    return subject, text, []


def send_reminders(*, today: dt.date, kinds: Sequence[str] | None = None) -> int:
    """Each officer's reminder of each registered kind (or of `kinds`); the
    number of e-mails sent."""
    sent = 0
    for name, reminder in _REMINDERS.items():
        if kinds is not None and name not in kinds:
            continue
        for recipient, rows in _reminder_batches(reminder, today).values():
            delivery = Delivery.objects.create(
                notice=name,
                reminder_date=today,
                recipient_kind=recipient.kind,
                channel=recipient.channel,
                address_hash=recipient.address_hash,
                address_masked=recipient.masked,
                language=recipient.language,
            )
            sent += _deliver(
                delivery,
                recipient,
                render=lambda r=reminder, p=recipient, rows=rows: _render_reminder(
                    r, p, rows, today
                ),
            )
    return sent


def reminder_names() -> list[str]:
    return list(_REMINDERS)
