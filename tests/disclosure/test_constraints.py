"""The database refuses what full_clean() would in the disclosure log
(tests/db_constraints.py)."""

import pytest

from django.utils import timezone

from apps.disclosure.models import OcrJob, PublishedAnswer, PublishedDocument
from apps.disclosure.services import published_answer_prepare
from tests.db_constraints import covers, violates
from tests.registers.factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer(decided, utama):
    return published_answer_prepare(actor=utama, info_request=decided)


@covers(
    "disclosure_status_valid",
    "disclosure_decision_valid",
    "disclosure_published_has_time",
    "disclosure_unpublished_has_reason",
)
def test_an_answer_has_a_known_status_and_decision_and_its_dates(answer):
    rows = PublishedAnswer.objects.filter(pk=answer.pk)
    with violates("disclosure_status_valid"):
        rows.update(status="archived")
    with violates("disclosure_decision_valid"):
        rows.update(decision="maybe")
    with violates("disclosure_published_has_time"):
        rows.update(status="published", published_at=None)
    rows.update(status="published", published_at=timezone.now())
    with violates("disclosure_unpublished_has_reason"):
        rows.update(status="unpublished", unpublish_reason="")
    rows.update(status="unpublished", unpublish_reason="Salah unggah.")
    assert rows.get().status == "unpublished"


@covers("disclosure.PublishedAnswer.request")
def test_one_log_entry_per_request(answer):
    twin = PublishedAnswer(
        request=answer.request,
        unit=answer.unit,
        title=answer.title,
        question=answer.question,
        answer=answer.answer,
        decision=answer.decision,
        received_on=answer.received_on,
        decided_on=answer.decided_on,
    )
    with violates("disclosure.PublishedAnswer.request"):
        PublishedAnswer.objects.bulk_create([twin])


@covers("disclosure_document_source_valid")
def test_a_published_document_comes_from_the_notice_or_a_document_given(answer):
    document = PublishedDocument.objects.create(
        answer=answer, title="Pemberitahuan", source="notice", file="x.pdf"
    )
    with violates("disclosure_document_source_valid"):
        PublishedDocument.objects.filter(pk=document.pk).update(source="upload")


@covers("disclosure_ocr_status_valid", "disclosure.OcrJob.document")
def test_one_ocr_job_per_document_with_a_known_status(db):
    document = DocumentFactory()
    job = OcrJob.objects.create(document=document)
    with violates("disclosure_ocr_status_valid"):
        OcrJob.objects.filter(pk=job.pk).update(status="running")
    with violates("disclosure.OcrJob.document"):
        OcrJob.objects.bulk_create([OcrJob(document=document)])
