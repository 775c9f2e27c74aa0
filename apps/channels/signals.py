"""A linked case changed status: tell its sender on the channel they used."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from apps.core.models import StatusChange

CASE_FIELDS = {
    ("info_requests", "informationrequest"): "information_request_id",
    ("complaints", "complaint"): "complaint_id",
}


@receiver(post_save, sender=StatusChange)
def notify_linked_conversation(sender, instance, created, raw=False, **kwargs):
    if not created or raw or not instance.is_public:
        return
    content_type = ContentType.objects.get_for_id(instance.content_type_id)
    field = CASE_FIELDS.get((content_type.app_label, content_type.model))
    if field is None:
        return
    change_id, case_id = instance.pk, instance.object_id

    def queue():
        # After commit: a conversion links the case in the same transaction.
        from apps.channels import tasks
        from apps.channels.models import Conversation

        conversation_id = (
            Conversation.objects.filter(**{field: case_id})
            .values_list("pk", flat=True)
            .first()
        )
        if conversation_id:
            tasks.notify_case_status.enqueue(
                conversation_id=conversation_id, change_id=change_id
            )

    transaction.on_commit(queue)
