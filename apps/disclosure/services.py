"""Disclosure log workflow: prepare (draft) → redact documents → publish ⇄ unpublish.

draft → published: `published_answer_publish` (the applicant consented, the
notice was issued, no personal value of the applicant left anywhere);
published → unpublished: `published_answer_unpublish` (a reason is required);
unpublished → published again after review. Every step writes an internal event
on the request (apps.core.workflow.record_event) and the redactions are logged
(models.Redaction).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.accounts.personal_data import personal_values
from apps.accounts.roles import can_act_on_unit
from apps.core.errors import ApplicationError, TransitionNotAllowed
from apps.core.models import EventKind
from apps.core.workflow import record_event
from apps.disclosure import redaction
from apps.disclosure.models import PublishedAnswer, PublishedDocument, Redaction
from apps.disclosure.selectors import forget_published_count
from apps.info_requests.models import InformationRequest, RequestDocument, Status

REMOVED = "[data pribadi dihapus]"
PUBLISHABLE_REQUEST_STATUSES = (Status.DECIDED, Status.REOPENED)
# Values shorter than this (initials, "RT 01") match too much text to be a test.
MIN_VALUE_LENGTH = 4
PDF_MIME = "application/pdf"

# Event messages (msgids, rendered in the reader's language: apps.core.events).
PREPARED = gettext_noop("Prepared for the disclosure log")
REDACTED = gettext_noop("Redacted copy made for the disclosure log")
PUBLISHED = gettext_noop("Published in the disclosure log")
UNPUBLISHED = gettext_noop("Removed from the disclosure log")

ALLOWED = {
    PublishedAnswer.Status.DRAFT: {PublishedAnswer.Status.PUBLISHED},
    PublishedAnswer.Status.PUBLISHED: {PublishedAnswer.Status.UNPUBLISHED},
    PublishedAnswer.Status.UNPUBLISHED: {PublishedAnswer.Status.PUBLISHED},
}


def _require(actor, permission: str, unit_id) -> None:
    if not (
        actor is not None
        and actor.is_active
        and actor.has_perm(f"disclosure.{permission}")
        and can_act_on_unit(actor, unit_id)
    ):
        raise ApplicationError(
            _("You may not do this for this unit."), code="permission_denied"
        )


def _check_transition(answer: PublishedAnswer, to_status: str) -> None:
    if to_status not in ALLOWED.get(answer.status, set()):
        raise TransitionNotAllowed(
            _("A %(from)s answer cannot become %(to)s.")
            % {
                "from": answer.get_status_display(),
                "to": PublishedAnswer.Status(to_status).label,
            }
        )


def applicant_values(info_request: InformationRequest) -> list[str]:
    """The applicant's personal values that must never be published, and the
    registration number (with the contact on file it opens their case)."""
    values = [v for v in personal_values(info_request) if "/" not in v]
    values.append(info_request.registration_number)
    return [v for v in values if len(v.strip()) >= MIN_VALUE_LENGTH]


def scrub_text(text: str, values: list[str]) -> str:
    """`text` without NIK, phone numbers, e-mail addresses and the given values."""
    for pattern in (redaction.EMAIL, redaction.NIK, redaction.PHONE):
        text = pattern.sub(REMOVED, text)
    for value in sorted(redaction._needles(values), key=len, reverse=True):
        text = re.sub(re.escape(value), REMOVED, text, flags=re.IGNORECASE)
    return text


def personal_data_left(answer: PublishedAnswer) -> list[str]:
    """Where a personal value of the applicant is still present (field names)."""
    values = [v.lower() for v in redaction._needles(applicant_values(answer.request))]
    places = {
        _("title"): answer.title,
        _("question"): answer.question,
        _("answer"): answer.answer,
    }
    for document in answer.documents.all():
        places[document.title] = document.extracted_text
    found = []
    for place, text in places.items():
        flat = " ".join((text or "").split()).lower()
        patterns = (redaction.NIK, redaction.EMAIL)
        if any(v in flat for v in values) or any(p.search(flat) for p in patterns):
            found.append(str(place))
    return found


def _answer_text(info_request: InformationRequest) -> str:
    notice = info_request.notice
    parts = [str(notice.get_decision_display())]
    if notice.information_given:
        parts.append(notice.information_given)
    if notice.refusal_reason:
        parts.append(str(notice.get_refusal_reason_display()))
    if notice.exemption_letters:
        parts.append(
            _("UU 14/2008 Pasal 17 letter %(letters)s")
            % {"letters": ", ".join(notice.exemption_letters)}
        )
    if notice.explanation:
        parts.append(notice.explanation)
    return "\n\n".join(parts)


def refresh_search(answer_id: int) -> None:
    """Keep search_text (and the tsvector on PostgreSQL) in step with the content."""
    answer = PublishedAnswer.objects.get(pk=answer_id)
    texts = [answer.question, answer.answer]
    texts += list(answer.documents.values_list("extracted_text", flat=True))
    PublishedAnswer.objects.filter(pk=answer_id).update(
        search_text="\n".join(t for t in texts if t)[:200_000]
    )
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchVector

        vector = (
            SearchVector("title", weight="A", config="simple")
            + SearchVector("question", weight="B", config="simple")
            + SearchVector("search_text", weight="C", config="simple")
        )
        PublishedAnswer.objects.filter(pk=answer_id).update(search_vector=vector)


def published_answer_prepare(
    *, actor, info_request: InformationRequest, now: dt.datetime | None = None
) -> PublishedAnswer:
    """A draft for a decided request whose applicant consented: the question and
    the notice with the applicant's personal data already taken out."""
    _require(actor, "add_publishedanswer", info_request.unit_id)
    with transaction.atomic():
        locked = (
            InformationRequest.objects.select_for_update(of=("self",))
            .select_related("notice")
            .get(pk=info_request.pk)
        )
        if not locked.publication_consent:
            raise ApplicationError(
                _("The applicant did not agree to publication."), code="no_consent"
            )
        if locked.status not in PUBLISHABLE_REQUEST_STATUSES or not hasattr(
            locked, "notice"
        ):
            raise ApplicationError(
                _("Only a request with a written notice can be published."),
                code="not_decided",
            )
        if PublishedAnswer.objects.filter(request=locked).exists():
            raise ApplicationError(
                _("This request already has an entry in the disclosure log."),
                code="exists",
            )
        values = applicant_values(locked)
        question = scrub_text(locked.information_requested, values)
        answer = PublishedAnswer(
            request=locked,
            unit=locked.unit,
            title=Truncator(" ".join(question.split())).chars(200),
            question=question,
            answer=scrub_text(_answer_text(locked), values),
            decision=locked.notice.decision,
            received_on=timezone.localdate(locked.received_at),
            decided_on=timezone.localdate(locked.notice.issued_at),
        )
        answer.full_clean()
        answer.save()
        record_event(
            locked,
            kind=EventKind.NOTE,
            actor=actor,
            message=PREPARED,
            is_public=False,
            at=now,
        )
        transaction.on_commit(lambda: refresh_search(answer.pk))
    return answer


def published_answer_update(
    *, actor, answer: PublishedAnswer, title: str, question: str, answer_text: str
) -> PublishedAnswer:
    _require(actor, "change_publishedanswer", answer.unit_id)
    with transaction.atomic():
        locked = PublishedAnswer.objects.select_for_update().get(pk=answer.pk)
        locked.title, locked.question, locked.answer = title, question, answer_text
        locked.full_clean()
        locked.save(update_fields=["title", "question", "answer", "updated_at"])
        if locked.is_published and personal_data_left(locked):
            raise ApplicationError(
                _("Personal data of the applicant would be published: remove it."),
                code="personal_data",
            )
        transaction.on_commit(lambda: refresh_search(locked.pk))
    return locked


def sources_of(answer: PublishedAnswer) -> list[tuple[str, str]]:
    """(key, label) of the PDFs that can be redacted for this answer."""
    sources = []
    notice = getattr(answer.request, "notice", None)
    if notice is not None and notice.letter:
        sources.append(
            ("notice", _("Written notice %(n)s") % {"n": notice.letter_number})
        )
    for document in answer.request.documents.all():
        if document.content_type == PDF_MIME:
            sources.append((f"document:{document.pk}", document.filename))
    return sources


def _source_bytes(answer: PublishedAnswer, source: str):
    if source == "notice":
        notice = getattr(answer.request, "notice", None)
        if notice is None or not notice.letter:
            raise ApplicationError(_("This request has no notice letter."))
        with notice.letter.open("rb") as handle:
            return handle.read(), PublishedDocument.Source.NOTICE, None
    kind, _sep, pk = source.partition(":")
    document = RequestDocument.objects.filter(
        request=answer.request, pk=pk if pk.isdigit() else 0
    ).first()
    if kind != "document" or document is None or document.content_type != PDF_MIME:
        raise ApplicationError(_("Choose a PDF given to this applicant."))
    with document.file.open("rb") as handle:
        return handle.read(), PublishedDocument.Source.DOCUMENT, document


def suggested_marks(answer: PublishedAnswer, source: str) -> list[redaction.Mark]:
    data, _kind, _document = _source_bytes(answer, source)
    return redaction.suggest(data, applicant_values(answer.request))


def published_document_redact(
    *,
    actor,
    answer: PublishedAnswer,
    source: str,
    marks: list[redaction.Mark],
    title: str = "",
    now: dt.datetime | None = None,
) -> PublishedDocument:
    """A redacted copy of the notice or a document given, for publication; the
    original stays where it is (encrypted, private). Logged in Redaction."""
    _require(actor, "change_publishedanswer", answer.unit_id)
    if answer.is_published:
        raise TransitionNotAllowed(_("Unpublish the answer before changing files."))
    data, kind, source_document = _source_bytes(answer, source)
    result = redaction.redact(data, marks)
    digest = hashlib.sha256(result.pdf).hexdigest()
    now = now or timezone.now()
    with transaction.atomic():
        document = PublishedDocument(
            answer=answer,
            title=title
            or (
                _("Written notice")
                if kind == PublishedDocument.Source.NOTICE
                else source_document.filename.rsplit(".", 1)[0]
            ),
            source=kind,
            source_document=source_document,
            size=len(result.pdf),
            sha256=digest,
            page_count=result.page_count,
            extracted_text=" ".join(result.text.split())[:200_000],
        )
        document.file.save("redacted.pdf", ContentFile(result.pdf), save=False)
        document.save()
        log = Redaction(
            document=document,
            areas=result.areas,
            reasons=",".join(sorted({a["reason"] for a in result.areas})),
            source_sha256=hashlib.sha256(data).hexdigest(),
            result_sha256=digest,
            actor=actor,
            created_at=now,
        )
        removed = json.dumps(result.removed, ensure_ascii=False).encode()
        log.removed.save("removed.json", ContentFile(removed), save=False)
        log.save()
        record_event(
            answer.request,
            kind=EventKind.NOTE,
            actor=actor,
            message=REDACTED,
            data={"areas": len(result.areas), "reasons": log.reasons},
            is_public=False,
            at=now,
        )
        transaction.on_commit(lambda: refresh_search(answer.pk))
    return document


def published_document_remove(*, actor, document: PublishedDocument) -> None:
    _require(actor, "change_publishedanswer", document.answer.unit_id)
    if document.answer.is_published:
        raise TransitionNotAllowed(_("Unpublish the answer before changing files."))
    answer_id = document.answer_id
    with transaction.atomic():
        document.file.delete(save=False)
        document.delete()
        transaction.on_commit(lambda: refresh_search(answer_id))


def published_answer_publish(
    *, actor, answer: PublishedAnswer, now: dt.datetime | None = None
) -> PublishedAnswer:
    """draft/unpublished → published. Guards: consent, a notice, and no personal
    value of the applicant in the title, question, answer or any document."""
    _require(actor, "publish_publishedanswer", answer.unit_id)
    with transaction.atomic():
        locked = (
            PublishedAnswer.objects.select_for_update(of=("self",))
            .select_related("request")
            .get(pk=answer.pk)
        )
        _check_transition(locked, PublishedAnswer.Status.PUBLISHED)
        if not locked.request.publication_consent:
            raise ApplicationError(
                _("The applicant did not agree to publication."), code="no_consent"
            )
        left = personal_data_left(locked)
        if left:
            raise ApplicationError(
                _("Personal data of the applicant is still in: %(places)s.")
                % {"places": ", ".join(left)},
                code="personal_data",
            )
        now = now or timezone.now()
        previous = locked.status
        locked.status = PublishedAnswer.Status.PUBLISHED
        locked.published_at = now
        locked.published_by = actor
        locked.unpublish_reason = ""
        locked.unpublished_at = None
        locked.full_clean()
        locked.save(
            update_fields=[
                "status",
                "published_at",
                "published_by",
                "unpublish_reason",
                "unpublished_at",
                "updated_at",
            ]
        )
        record_event(
            locked.request,
            kind=EventKind.NOTE,
            actor=actor,
            message=PUBLISHED,
            data={"from": previous},
            is_public=False,
            at=now,
        )
        transaction.on_commit(lambda: refresh_search(locked.pk))
        year = locked.decided_on.year
        transaction.on_commit(lambda: forget_published_count(year))
    return locked


def published_answer_unpublish(
    *, actor, answer: PublishedAnswer, reason: str, now: dt.datetime | None = None
) -> PublishedAnswer:
    """published → unpublished, with the reason (kept, shown to officers)."""
    _require(actor, "publish_publishedanswer", answer.unit_id)
    if not reason.strip():
        raise ApplicationError(
            _("Give the reason for unpublishing."), code="reason_required"
        )
    with transaction.atomic():
        locked = (
            PublishedAnswer.objects.select_for_update(of=("self",))
            .select_related("request")
            .get(pk=answer.pk)
        )
        _check_transition(locked, PublishedAnswer.Status.UNPUBLISHED)
        now = now or timezone.now()
        locked.status = PublishedAnswer.Status.UNPUBLISHED
        locked.unpublished_at = now
        locked.unpublish_reason = reason.strip()
        locked.full_clean()
        locked.save(
            update_fields=[
                "status",
                "unpublished_at",
                "unpublish_reason",
                "updated_at",
            ]
        )
        record_event(
            locked.request,
            kind=EventKind.NOTE,
            actor=actor,
            message=UNPUBLISHED,
            note=locked.unpublish_reason,
            is_public=False,
            at=now,
        )
        year = locked.decided_on.year
        transaction.on_commit(lambda: forget_published_count(year))
    return locked


def published_document_register_download(*, document: PublishedDocument) -> None:
    PublishedDocument.objects.filter(pk=document.pk).update(
        download_count=F("download_count") + 1
    )
