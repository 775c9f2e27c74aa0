"""A scanned document added to the register is queued for OCR after commit."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from apps.registers.models import Document


@receiver(post_save, sender=Document, dispatch_uid="disclosure_ocr_on_upload")
def queue_ocr(sender, instance: Document, created: bool, raw=False, **kwargs):
    from apps.disclosure import ocr
    from apps.disclosure.models import OcrJob
    from apps.disclosure.tasks import ocr_register_document

    if raw or not created or not instance.file:
        return
    if not ocr.looks_scanned(
        content_type=instance.content_type,
        text=instance.extracted_text,
        page_count=instance.page_count,
    ):
        return
    pk = instance.pk

    def queue():
        # Listed as queued in the admin until the worker has run it.
        OcrJob.objects.get_or_create(document_id=pk)
        ocr_register_document.enqueue(document_id=pk)

    transaction.on_commit(queue)
