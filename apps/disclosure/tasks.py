"""Background work of the disclosure app: OCR of scanned register documents."""

from __future__ import annotations

import logging

from django_tasks import task

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


@task()
def ocr_register_document(*, document_id: int, force: bool = False) -> str:
    """OCR one register document; its text joins the item's search text. A
    document already done is left alone unless `force` (the admin's re-run)."""
    from apps.disclosure import ocr
    from apps.disclosure.models import OcrJob
    from apps.registers.models import Document
    from apps.registers.services import refresh_document_text

    document = Document.objects.filter(pk=document_id).first()
    if document is None or not document.file:
        return "gone"
    job, _created = OcrJob.objects.get_or_create(document=document)
    if job.status == OcrJob.Status.DONE and not force:
        return job.status
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
        result = ocr.run(data, document.content_type)
    except ocr.OcrUnavailable as error:
        job.status, job.error, job.finished_at = (
            OcrJob.Status.UNAVAILABLE,
            str(error),
            timezone.now(),
        )
        job.save(update_fields=["status", "error", "finished_at", "updated_at"])
        return job.status
    except (ocr.OcrFailed, OSError) as error:
        logger.warning("OCR of register document %s failed: %s", document_id, error)
        job.status, job.error, job.finished_at = (
            OcrJob.Status.FAILED,
            str(error)[:2000],
            timezone.now(),
        )
        job.save(update_fields=["status", "error", "finished_at", "updated_at"])
        return job.status
    with transaction.atomic():
        if job.searchable_pdf:
            job.searchable_pdf.delete(save=False)
        job.searchable_pdf.save("ocr.pdf", ContentFile(result.pdf), save=False)
        job.status, job.text, job.error = OcrJob.Status.DONE, result.text, ""
        job.finished_at = timezone.now()
        job.save()
        refresh_document_text(document_id=document.pk, text=result.text)
    return job.status
