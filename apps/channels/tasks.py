"""Background work of the inbox: parse stored payloads, deliver outbound messages."""

from django_tasks import task

from apps.channels import services
from apps.channels.models import InboundPayload, Message


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
