"""The disclosure workflow: prepare → redact → publish ⇄ unpublish, its guards,
its audit events, and the unit boundary."""

import pytest

from apps.core.errors import ApplicationError, TransitionNotAllowed
from apps.core.models import StatusChange
from apps.disclosure import redaction, services
from apps.disclosure.models import PublishedAnswer, Redaction
from tests.disclosure.conftest import EMAIL, NAME, PERSONAL
from tests.info_requests.factories import VALID_NIK

pytestmark = pytest.mark.django_db


def _redact_all(answer, actor):
    for source, _label in services.sources_of(answer):
        services.published_document_redact(
            actor=actor,
            answer=answer,
            source=source,
            marks=services.suggested_marks(answer, source),
        )


def test_a_draft_is_prepared_without_the_applicants_personal_data(decided, pelaksana):
    answer = services.published_answer_prepare(actor=pelaksana, info_request=decided)
    assert answer.status == PublishedAnswer.Status.DRAFT
    assert answer.unit == decided.unit
    assert answer.decision == "granted"
    assert "demam berdarah" in answer.question
    for value in (NAME, EMAIL):
        assert value not in answer.question
        assert value not in answer.title
    assert services.REMOVED in answer.question
    assert "Rekap kasus demam berdarah" in answer.answer
    events = StatusChange.objects.for_object(decided)
    assert events.filter(message=services.PREPARED, is_public=False).exists()


def test_no_consent_no_log(make_decided, pelaksana):
    info_request = make_decided(consent=False)
    with pytest.raises(ApplicationError) as error:
        services.published_answer_prepare(actor=pelaksana, info_request=info_request)
    assert error.value.code == "no_consent"


def test_an_undecided_request_cannot_be_prepared(submit_open, pelaksana):
    with pytest.raises(ApplicationError) as error:
        services.published_answer_prepare(actor=pelaksana, info_request=submit_open)
    assert error.value.code == "not_decided"


def test_one_entry_per_request(decided, pelaksana):
    services.published_answer_prepare(actor=pelaksana, info_request=decided)
    with pytest.raises(ApplicationError) as error:
        services.published_answer_prepare(actor=pelaksana, info_request=decided)
    assert error.value.code == "exists"


def test_another_units_officer_is_refused_everywhere(
    decided, pelaksana, other_pelaksana
):
    with pytest.raises(ApplicationError) as error:
        services.published_answer_prepare(actor=other_pelaksana, info_request=decided)
    assert error.value.code == "permission_denied"
    answer = services.published_answer_prepare(actor=pelaksana, info_request=decided)
    for call in (
        lambda: services.published_answer_publish(actor=other_pelaksana, answer=answer),
        lambda: services.published_document_redact(
            actor=other_pelaksana,
            answer=answer,
            source="notice",
            marks=[redaction.Mark(reason="pdp", text=NAME)],
        ),
    ):
        with pytest.raises(ApplicationError) as error:
            call()
        assert error.value.code == "permission_denied"


def test_redacting_makes_a_logged_copy_and_leaves_the_original(decided, pelaksana):
    answer = services.published_answer_prepare(actor=pelaksana, info_request=decided)
    original = decided.documents.get()
    with original.file.open("rb") as handle:
        before = handle.read()
    source = f"document:{original.pk}"
    document = services.published_document_redact(
        actor=pelaksana,
        answer=answer,
        source=source,
        marks=services.suggested_marks(answer, source),
    )
    for value in PERSONAL:
        assert value not in document.extracted_text
    assert "123 kasus" in document.extracted_text
    log = Redaction.objects.get(document=document)
    assert log.actor == pelaksana
    assert log.reasons == "pdp"
    assert len(log.areas) >= 4
    assert log.source_sha256 == original.sha256
    # The original is untouched, still encrypted at rest, still the applicant's.
    with original.file.open("rb") as handle:
        assert handle.read() == before
    raw = original.file.storage.backend.open(original.file.name).read()
    assert not raw.startswith(b"%PDF")
    assert (
        StatusChange.objects.for_object(decided)
        .filter(message=services.REDACTED, is_public=False)
        .exists()
    )


def test_publish_refuses_while_personal_data_is_left(decided, pelaksana):
    answer = services.published_answer_prepare(actor=pelaksana, info_request=decided)
    services.published_document_redact(
        actor=pelaksana,
        answer=answer,
        source="notice",
        marks=[redaction.Mark(reason="pdp", text="Rekap")],  # not the applicant
    )
    with pytest.raises(ApplicationError) as error:
        services.published_answer_publish(actor=pelaksana, answer=answer)
    assert error.value.code == "personal_data"
    answer.refresh_from_db()
    assert answer.status == PublishedAnswer.Status.DRAFT


def test_publish_unpublish_and_publish_again(decided, pelaksana):
    answer = services.published_answer_prepare(actor=pelaksana, info_request=decided)
    _redact_all(answer, pelaksana)
    answer = services.published_answer_publish(actor=pelaksana, answer=answer)
    assert answer.status == PublishedAnswer.Status.PUBLISHED
    assert answer.published_by == pelaksana
    assert answer.published_at
    with pytest.raises(TransitionNotAllowed):
        services.published_answer_publish(actor=pelaksana, answer=answer)
    with pytest.raises(TransitionNotAllowed):
        services.published_document_redact(
            actor=pelaksana,
            answer=answer,
            source="notice",
            marks=[redaction.Mark(reason="pdp", text=NAME)],
        )
    with pytest.raises(ApplicationError) as error:
        services.published_answer_unpublish(actor=pelaksana, answer=answer, reason=" ")
    assert error.value.code == "reason_required"
    answer = services.published_answer_unpublish(
        actor=pelaksana, answer=answer, reason="Pemohon mencabut persetujuan."
    )
    assert answer.status == PublishedAnswer.Status.UNPUBLISHED
    assert answer.unpublish_reason == "Pemohon mencabut persetujuan."
    with pytest.raises(TransitionNotAllowed):
        services.published_answer_unpublish(actor=pelaksana, answer=answer, reason="x")
    answer = services.published_answer_publish(actor=pelaksana, answer=answer)
    assert answer.status == PublishedAnswer.Status.PUBLISHED
    assert answer.unpublish_reason == ""
    messages = list(
        StatusChange.objects.for_object(decided).values_list("message", flat=True)
    )
    assert messages.count(services.PUBLISHED) == 2
    assert messages.count(services.UNPUBLISHED) == 1


def test_a_draft_cannot_be_unpublished(decided, pelaksana):
    answer = services.published_answer_prepare(actor=pelaksana, info_request=decided)
    with pytest.raises(TransitionNotAllowed):
        services.published_answer_unpublish(actor=pelaksana, answer=answer, reason="x")


def test_editing_a_published_answer_cannot_bring_personal_data_back(decided, pelaksana):
    answer = services.published_answer_prepare(actor=pelaksana, info_request=decided)
    _redact_all(answer, pelaksana)
    services.published_answer_publish(actor=pelaksana, answer=answer)
    with pytest.raises(ApplicationError):
        services.published_answer_update(
            actor=pelaksana,
            answer=answer,
            title=answer.title,
            question=f"Ditanyakan oleh {VALID_NIK}",
            answer_text=answer.answer,
        )
    answer.refresh_from_db()
    assert VALID_NIK not in answer.question


def test_scrub_text_removes_patterns_and_values():
    text = (
        f"Saya {NAME} ({VALID_NIK}), hp +62 812-3456-7890, {EMAIL}. "
        "Mohon data DBD Teluk Lingga."
    )
    scrubbed = services.scrub_text(text, [NAME])
    for secret in (NAME, VALID_NIK, "3456", EMAIL):
        assert secret not in scrubbed
    assert "Mohon data DBD Teluk Lingga." in scrubbed
