"""A linked case took a public step: tell its sender on the channel they used.

Only transitions are told (apps.core.signals.case_transitioned, sent by the
workflow after commit); the case's first event is told by the conversion itself.
"""

from django.dispatch import receiver

from apps.channels import tasks
from apps.channels.models import Conversation
from apps.core.signals import case_transitioned

CASE_FIELDS = {
    ("info_requests", "informationrequest"): "information_request_id",
    ("complaints", "complaint"): "complaint_id",
}


def tell_sender(*, case_field: str, case_id: int, change_id: int) -> None:
    conversation_id = (
        Conversation.objects.filter(**{case_field: case_id})
        .values_list("pk", flat=True)
        .first()
    )
    if conversation_id:
        tasks.notify_case_status.enqueue(
            conversation_id=conversation_id, change_id=change_id
        )


@receiver(case_transitioned)
def notify_linked_conversation(sender, case, event, **kwargs):
    field = CASE_FIELDS.get((case._meta.app_label, case._meta.model_name))
    if field is not None:
        tell_sender(case_field=field, case_id=case.pk, change_id=event.pk)
