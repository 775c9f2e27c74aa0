"""Background work of the inbox: parse stored payloads, deliver outbound messages,
tell senders about their case's status."""

from django_tasks import task

from apps.channels import services
from apps.channels.models import Conversation, InboundPayload, Message


@task()
def process_payload(*, payload_id: int) -> int:
    payload = InboundPayload.objects.get(pk=payload_id)
    return services.payload_process(payload=payload)


@task()
def deliver_message(*, message_id: int, is_notice: bool = False) -> str:
    message = Message.objects.select_related("conversation").get(pk=message_id)
    return services.message_deliver(
        message=message, is_notice=is_notice
    ).delivery_status


@task()
def notify_case_status(*, conversation_id: int, change_id: int) -> int | None:
    from apps.core.models import StatusChange

    conversation = Conversation.objects.get(pk=conversation_id)
    change = StatusChange.objects.get(pk=change_id)
    message = services.conversation_notify_case_status(
        conversation=conversation, change=change
    )
    return message.pk if message else None
