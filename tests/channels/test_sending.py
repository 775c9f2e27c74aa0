import datetime as dt

import pytest

from django.core import mail
from django.utils import timezone

from apps.accounts.roles import Role
from apps.channels import services
from apps.channels.adapters import Inbound
from apps.channels.models import Conversation, DeliveryStatus
from apps.core.errors import TransitionNotAllowed
from tests.channels import fakes
from tests.db_constraints import covers, violates

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.UTC)


def receive(channel="whatsapp", sender="6281254001234", mid="wamid.A", **kwargs):
    message, _created = services.message_receive(
        channel=channel,
        inbound=Inbound(
            provider_message_id=mid, sender_id=sender, sent_at=T0, text="Halo", **kwargs
        ),
    )
    return message.conversation


@pytest.fixture
def desk(officer):
    return officer(Role.PETUGAS_LAYANAN, username="petugas")


def reply(conversation, desk, capture, text="Baik, kami proses."):
    with capture(execute=True):
        message = services.conversation_reply(
            conversation=conversation, actor=desk, text=text
        )
    message.refresh_from_db()
    return message


def test_whatsapp_reply_uses_the_cloud_api(
    provider, desk, django_capture_on_commit_callbacks
):
    conversation = receive()
    message = reply(conversation, desk, django_capture_on_commit_callbacks)
    assert message.delivery_status == DeliveryStatus.SENT
    assert message.provider_message_id.startswith("wamid.OUT")
    (call,) = provider.sent("/messages")
    assert call["path"] == f"/{fakes.PHONE_NUMBER_ID}/messages"
    assert call["headers"]["Authorization"] == "Bearer wa-token"
    assert call["json"] == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "6281254001234",
        "type": "text",
        "text": {"preview_url": False, "body": "Baik, kami proses."},
    }
    conversation.refresh_from_db()
    assert conversation.status == "in_progress"
    assert conversation.first_response_at is not None


def test_messenger_and_telegram_replies(
    provider, desk, django_capture_on_commit_callbacks
):
    facebook = receive("facebook", sender="PSID1", mid="m_1")
    telegram = receive("telegram", sender="555001", mid="555001:1")
    sent_fb = reply(facebook, desk, django_capture_on_commit_callbacks)
    sent_tg = reply(telegram, desk, django_capture_on_commit_callbacks)
    (fb_call,) = provider.sent("/me/messages")
    assert fb_call["query"] == {"access_token": "page-token"}
    assert fb_call["json"]["recipient"] == {"id": "PSID1"}
    assert fb_call["json"]["messaging_type"] == "RESPONSE"
    assert sent_fb.provider_message_id.startswith("m_OUT")
    (tg_call,) = provider.sent("/sendMessage")
    assert tg_call["json"] == {"chat_id": "555001", "text": "Baik, kami proses."}
    assert sent_tg.provider_message_id.startswith("555001:")


def test_server_errors_are_retried_with_backoff(provider, desk, settings):
    settings.CHANNELS_SEND_BACKOFF_SECONDS = 1.5
    conversation = receive()
    message = services.conversation_reply(
        conversation=conversation, actor=desk, text="Hai"
    )
    provider.failures = [500, 503]
    waits = []
    services.message_deliver(message=message, sleep=waits.append)
    message.refresh_from_db()
    assert message.delivery_status == DeliveryStatus.SENT
    assert message.attempts == 3
    assert waits == [1.5, 3.0]


def test_client_error_fails_at_once_and_is_recorded(provider, desk):
    conversation = receive()
    message = services.conversation_reply(
        conversation=conversation, actor=desk, text="Hai"
    )
    provider.failures = [400]
    waits = []
    services.message_deliver(message=message, sleep=waits.append)
    message.refresh_from_db()
    assert message.delivery_status == DeliveryStatus.FAILED
    assert message.attempts == 1
    assert "HTTP 400" in message.delivery_error
    assert waits == []


def test_timeouts_are_retried_then_recorded_as_failure(provider, desk, settings):
    settings.CHANNELS_SEND_ATTEMPTS = 2
    conversation = receive("telegram", sender="555001", mid="555001:1")
    message = services.conversation_reply(
        conversation=conversation, actor=desk, text="Hai"
    )
    provider.failures = ["hang", "hang"]
    waits = []
    services.message_deliver(message=message, sleep=waits.append)
    message.refresh_from_db()
    assert message.delivery_status == DeliveryStatus.FAILED
    assert message.attempts == 2
    assert (
        "Timed out" in message.delivery_error or "Unreachable" in message.delivery_error
    )
    assert len(waits) == 1


def test_reply_on_a_channel_that_is_off_is_marked_not_sent(
    desk, settings, django_capture_on_commit_callbacks
):
    settings.WHATSAPP_TOKEN = ""
    conversation = receive()
    message = reply(conversation, desk, django_capture_on_commit_callbacks)
    assert message.delivery_status == DeliveryStatus.NOT_SENT
    assert "WHATSAPP_TOKEN" in message.delivery_error


def test_email_reply_threads_into_the_senders_mail(
    provider, desk, django_capture_on_commit_callbacks
):
    conversation = receive(
        "email",
        sender="warga@example.com",
        mid="<abc@example.com>",
        subject="Data APBD",
    )
    message = reply(conversation, desk, django_capture_on_commit_callbacks)
    (sent,) = mail.outbox
    assert sent.to == ["warga@example.com"]
    assert sent.subject == "Re: Data APBD"
    assert sent.extra_headers["In-Reply-To"] == "<abc@example.com>"
    assert message.provider_message_id == sent.extra_headers["Message-ID"]


def test_empty_reply_and_missing_permission_are_refused(provider, officer):
    from django.core.exceptions import PermissionDenied, ValidationError

    conversation = receive()
    desk = officer(Role.PETUGAS_LAYANAN, username="petugas")
    with pytest.raises(ValidationError):
        services.conversation_reply(conversation=conversation, actor=desk, text="  ")
    unit_officer = officer(Role.PPID_PELAKSANA, username="pelaksana")
    with pytest.raises(PermissionDenied):
        services.conversation_reply(
            conversation=conversation, actor=unit_officer, text="x"
        )


def test_close_needs_a_reason_and_a_new_message_reopens_email(provider, desk):
    from django.core.exceptions import ValidationError

    conversation = receive("email", sender="a@example.com", mid="<m1@example.com>")
    with pytest.raises(ValidationError):
        services.conversation_close(conversation=conversation, actor=desk, note="")
    services.conversation_close(conversation=conversation, actor=desk, note="Spam")
    conversation.refresh_from_db()
    assert conversation.status == "closed"
    with pytest.raises(TransitionNotAllowed):
        services.conversation_close(conversation=conversation, actor=desk, note="lagi")
    services.message_receive(
        channel="email",
        inbound=Inbound(
            provider_message_id="<m2@example.com>",
            sender_id="a@example.com",
            sent_at=T0 + dt.timedelta(hours=1),
            thread_refs=["<m1@example.com>"],
        ),
    )
    conversation.refresh_from_db()
    assert conversation.status == "new"
    assert Conversation.objects.count() == 1


@covers("channels_message_provider_id_unique")
def test_duplicate_provider_id_is_refused_by_the_database(provider):
    from apps.channels.models import Message

    conversation = receive()
    with violates("channels_message_provider_id_unique"):
        Message.objects.create(
            conversation=conversation,
            channel="whatsapp",
            direction="in",
            provider_message_id="wamid.A",
            sent_at=timezone.now(),
            delivery_status="received",
        )
