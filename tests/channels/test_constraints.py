"""The database refuses what full_clean() would: the constraints of the inbox
(tests/db_constraints.py). A resent provider message id is pinned in
test_sending.py."""

import datetime as dt

import pytest

from apps.channels.models import Conversation, InboundPayload, Message
from tests.complaints.factories import ComplaintFactory
from tests.db_constraints import covers, violates
from tests.info_requests.factories import InformationRequestFactory

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 16, 2, 0, tzinfo=dt.UTC)


def conversation(**fields) -> Conversation:
    return Conversation.objects.create(
        **{
            "channel": "whatsapp",
            "sender_id": "6281254001234",
            "first_message_at": T0,
            "last_message_at": T0,
        }
        | fields
    )


def message(**fields) -> Message:
    return Message.objects.create(
        **{
            "conversation": fields.pop("conversation", None) or conversation(),
            "channel": "whatsapp",
            "direction": "in",
            "sent_at": T0,
            "delivery_status": "received",
        }
        | fields
    )


OUT_OF_CHOICES = [
    ("channels_conversation_channel_valid", Conversation, "channel", "fax"),
    ("channels_conversation_status_valid", Conversation, "status", "lost"),
    ("channels_message_channel_valid", Message, "channel", "fax"),
    ("channels_message_direction_valid", Message, "direction", "up"),
    ("channels_message_delivery_valid", Message, "delivery_status", "lost"),
    ("channels_payload_channel_valid", InboundPayload, "channel", "fax"),
    ("channels_payload_status_valid", InboundPayload, "status", "lost"),
]


@covers(*(constraint for constraint, *_rest in OUT_OF_CHOICES))
@pytest.mark.parametrize(
    ("constraint", "model", "field", "value"),
    OUT_OF_CHOICES,
    ids=[constraint for constraint, *_rest in OUT_OF_CHOICES],
)
def test_a_value_outside_its_choices(constraint, model, field, value):
    row = {
        Conversation: conversation,
        Message: message,
        InboundPayload: lambda: InboundPayload.objects.create(
            channel="telegram", body=b"{}", received_at=T0
        ),
    }[model]()
    with violates(constraint):
        model.objects.filter(pk=row.pk).update(**{field: value})


@covers("channels_conversation_converted_has_case")
def test_a_converted_conversation_names_its_case():
    rows = Conversation.objects.filter(pk=conversation().pk)
    with violates("channels_conversation_converted_has_case"):
        rows.update(status="converted")
    rows.update(status="converted", complaint=ComplaintFactory())
    rows.update(complaint=None, information_request=InformationRequestFactory())
    assert rows.get().case is not None


@covers("channels.Conversation.information_request")
def test_a_request_comes_from_one_conversation():
    request = InformationRequestFactory()
    conversation(status="converted", information_request=request)
    with violates("channels.Conversation.information_request"):
        conversation(status="converted", information_request=request)


@covers("channels.Conversation.complaint")
def test_a_complaint_comes_from_one_conversation():
    complaint = ComplaintFactory()
    conversation(status="converted", complaint=complaint)
    with violates("channels.Conversation.complaint"):
        conversation(status="converted", complaint=complaint)


def test_messages_without_a_provider_id_are_not_deduplicated():
    """The unique provider id is partial: outgoing drafts have none yet."""
    thread = conversation()
    message(conversation=thread, direction="out", delivery_status="queued")
    message(conversation=thread, direction="out", delivery_status="queued")
    message(conversation=thread, provider_message_id="wamid.A")
    message(conversation=thread, channel="telegram", provider_message_id="wamid.A")
    assert thread.messages.count() == 4
