"""Complaint workflow: received → verified | rejected → forwarded → followed up →
resolved (→ reopened once, back to forwarded). Every write of the workflow is here;
status changes go through COMPLAINT_WORKFLOW.apply (permission and state guards,
audit row, the reporter's and the unit's e-mails after commit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.accounts.models import Unit, User
from apps.complaints import notifications
from apps.complaints.codes import hash_code, new_secret_code
from apps.complaints.models import (
    Channel,
    Classification,
    Complaint,
    ComplaintAttachment,
    LaporStatusUpdate,
    RejectionReason,
    Satisfaction,
    Status,
)
from apps.complaints.workflow import COMPLAINT_WORKFLOW, may
from apps.core.applicants import clean_reporter
from apps.core.deadlines import OpenDeadlines, recount_now
from apps.core.events import LABEL
from apps.core.files import IMAGE, PDF, validate_upload
from apps.core.intake import applicant_language, open_case
from apps.core.models import EventKind
from apps.core.periods import COMPLAINT_FOLLOW_UP_DAYS, COMPLAINT_VERIFICATION_DAYS
from apps.core.workdays import Calendar, receipt_date
from apps.core.workflow import Attempt, record_event

ATTACHMENT_KINDS = (PDF, IMAGE)
MAX_ATTACHMENTS = 5
# A receipt time a few minutes ahead is clock skew, not a future date.
FUTURE_TOLERANCE = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class SubmitResult:
    complaint: Complaint
    secret_code: str | None  # only for anonymous reporters, only on creation
    created: bool


def _check(actor, step: str, complaint: Complaint) -> None:
    may(step)(complaint, Attempt(complaint.status, "", actor=actor))


def _lock(complaint: Complaint) -> Complaint:
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


def complaint_submit(
    *,
    title: str,
    description: str,
    classification: str = Classification.COMPLAINT,
    is_anonymous: bool = False,
    is_confidential: bool = False,
    reporter_name: str = "",
    reporter_nik: str = "",
    reporter_phone: str = "",
    reporter_email: str = "",
    unit: Unit | None = None,
    event_date: dt.date | None = None,
    event_place: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    attachments: Sequence = (),
    channel: str = Channel.WEB,
    received_at: dt.datetime | None = None,
    actor: User | None = None,
    submission_key: str | None = None,
    now: dt.datetime | None = None,
) -> SubmitResult:
    """New complaint → received. Guards: identity rules, no future receipt, files
    checked by content. Idempotent on `submission_key`. E-mails the reporter.
    """
    now = now or timezone.now()
    if submission_key:
        existing = Complaint.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return SubmitResult(existing, None, False)
    if actor is not None and not actor.has_perm("complaints.add_complaint"):
        raise PermissionDenied(_("You may not record complaints."))
    identity = clean_reporter(
        is_anonymous=is_anonymous,
        name=reporter_name,
        nik=reporter_nik,
        phone=reporter_phone,
        email=reporter_email,
    )
    received_at = received_at or now
    errors: dict[str, list] = {}
    if received_at > now + FUTURE_TOLERANCE:
        errors["received_at"] = [_("The time of receipt cannot be in the future.")]
    if event_date is not None and event_date > timezone.localdate(now):
        errors["event_date"] = [_("The date of the event cannot be in the future.")]
    if (latitude is None) != (longitude is None):
        errors["latitude"] = [_("Give both latitude and longitude, or neither.")]
    if len(attachments) > MAX_ATTACHMENTS:
        errors["attachments"] = [
            _("Attach at most %(count)s files.") % {"count": MAX_ATTACHMENTS}
        ]
    checked = []
    for upload in attachments if "attachments" not in errors else ():
        try:
            # An anonymous or confidential reporter's PDF loses its author too.
            checked.append(
                (
                    upload,
                    validate_upload(
                        upload,
                        kinds=ATTACHMENT_KINDS,
                        strip_pdf_metadata=is_anonymous or is_confidential,
                    ),
                )
            )
        except ValidationError as error:
            errors.setdefault("attachments", []).extend(
                f"{upload.name}: {message}" for message in error.messages
            )
    if errors:
        raise ValidationError(errors)

    received_on = receipt_date(received_at)
    complaint = Complaint(
        classification=classification,
        is_anonymous=is_anonymous,
        is_confidential=is_confidential and not is_anonymous,
        reporter_name=identity["name"],
        reporter_nik=identity["nik"],
        reporter_phone=identity["phone"],
        reporter_email=identity["email"],
        unit=unit,
        title=title.strip(),
        description=description.strip(),
        event_date=event_date,
        event_place=event_place.strip(),
        latitude=latitude,
        longitude=longitude,
        channel=channel,
        language=applicant_language(channel),
        received_at=received_at,
        recorded_by=actor,
        submission_key=submission_key or None,
        received_from_lapor=channel == Channel.LAPOR,
        number="pending",
    )
    complaint.verification_due = Calendar().add(
        received_on, COMPLAINT_VERIFICATION_DAYS
    )
    complaint.due_date = complaint.verification_due
    secret_code = new_secret_code() if is_anonymous else None
    if secret_code:
        complaint.secret_code_hash = hash_code(secret_code)
    complaint.full_clean(exclude=["number"])
    try:

        def store_attachments(complaint):
            for upload, info in checked:
                attachment = ComplaintAttachment(
                    complaint=complaint,
                    original_name=upload.name[:255],
                    mimetype=info.mimetype,
                    size=info.size,
                    sha256=info.sha256,
                )
                attachment.file.save(
                    f"{complaint.number}.{info.extension}", upload, save=False
                )
                attachment.save()

        open_case(
            complaint,
            received_at=received_at,
            # Numbered in the year of the receipt date (after hours: the next
            # working day's).
            year=received_on.year,
            actor=actor,
            message=LABEL,
            data={"label": Channel(channel)},
            notices=[notifications.RECEIVED],
            after_save=store_attachments,
            at=now,
        )
    except IntegrityError:
        # A double click raced us to the same submission key: return the first.
        existing = Complaint.objects.filter(submission_key=submission_key).first()
        if submission_key and existing is not None:
            return SubmitResult(existing, None, False)
        raise
    return SubmitResult(complaint, secret_code, True)


def complaint_verify(
    *, complaint: Complaint, actor, note: str = "", now: dt.datetime | None = None
) -> Complaint:
    """received → verified. It is a complaint we handle; the 3-day due date stays
    (verify and forward within it)."""
    return COMPLAINT_WORKFLOW.apply(
        complaint, Status.VERIFIED, actor=actor, note=note, step="verify", now=now
    ).case


def complaint_reject(
    *,
    complaint: Complaint,
    actor,
    reason: str,
    note: str,
    belongs_to: str = "",
    now: dt.datetime | None = None,
) -> Complaint:
    """received → rejected (terminal): not a complaint, or out of our authority
    (then `belongs_to` is required). E-mails the reporter."""
    now = now or timezone.now()
    errors = {}
    if reason not in RejectionReason.values:
        errors["reason"] = [_("Choose why the complaint is rejected.")]
    if not note.strip():
        errors["note"] = [_("Explain the rejection to the reporter.")]
    if reason == RejectionReason.OUT_OF_AUTHORITY and not belongs_to.strip():
        errors["belongs_to"] = [_("Say where the complaint belongs.")]
    if errors:
        raise ValidationError(errors)
    return COMPLAINT_WORKFLOW.apply(
        complaint,
        Status.REJECTED,
        actor=actor,
        note=note.strip(),
        changes={
            "rejection_reason": reason,
            "rejection_note": note.strip(),
            "belongs_to": belongs_to.strip(),
            "due_date": None,
        },
        step="reject",
        now=now,
    ).case


def _forward_fields(complaint: Complaint, unit: Unit | None, now: dt.datetime):
    unit = unit or complaint.unit
    if unit is None:
        raise ValidationError({"unit": [_("Choose the unit to forward it to.")]})
    due = Calendar().add(receipt_date(now), COMPLAINT_FOLLOW_UP_DAYS)
    return {
        "unit": unit,
        "forwarded_at": now,
        "follow_up_due": due,
        "due_date": due,
    }


def complaint_forward(
    *,
    complaint: Complaint,
    actor,
    unit: Unit | None = None,
    note: str = "",
    now: dt.datetime | None = None,
) -> Complaint:
    """verified → forwarded (disposition), or followed up → forwarded (sent back
    for a better follow-up). The unit has 5 working days; its officers get an
    e-mail without the reporter's identity."""
    now = now or timezone.now()
    with transaction.atomic():
        complaint = _lock(complaint)
        changes = _forward_fields(complaint, unit, now)
        changes["disposition_note"] = note.strip()
        return COMPLAINT_WORKFLOW.apply(
            complaint,
            Status.FORWARDED,
            actor=actor,
            message=gettext_noop("Forwarded to %(unit)s."),
            data={"unit": changes["unit"].name},
            changes=changes,
            step="forward",
            now=now,
        ).case


def complaint_follow_up(
    *, complaint: Complaint, actor, text: str, now: dt.datetime | None = None
) -> Complaint:
    """forwarded → followed up: the unit's answer (shown to the reporter)."""
    now = now or timezone.now()
    if not text.strip():
        raise ValidationError({"text": [_("Describe the follow-up.")]})
    return COMPLAINT_WORKFLOW.apply(
        complaint,
        Status.FOLLOWED_UP,
        actor=actor,
        changes={"follow_up": text.strip(), "due_date": None},
        step="follow_up",
        now=now,
    ).case


def complaint_resolve(
    *,
    complaint: Complaint,
    actor,
    satisfaction: str = "",
    note: str = "",
    now: dt.datetime | None = None,
) -> Complaint:
    """followed up → resolved, with the reporter's satisfaction when known."""
    now = now or timezone.now()
    if satisfaction not in ("", *Satisfaction.values):
        raise ValidationError({"satisfaction": [_("Choose a valid satisfaction.")]})
    return COMPLAINT_WORKFLOW.apply(
        complaint,
        Status.RESOLVED,
        actor=actor,
        note=note.strip(),
        changes={"satisfaction": satisfaction},
        step="resolve",
        now=now,
    ).case


def complaint_reopen(
    *, complaint: Complaint, actor, reason: str, now: dt.datetime | None = None
) -> Complaint:
    """resolved → forwarded, once, within the reopen window (ComplaintSettings):
    the reporter is not satisfied. The unit gets 5 new working days."""
    now = now or timezone.now()
    if not reason.strip():
        raise ValidationError({"reason": [_("Give the reason for reopening.")]})
    return COMPLAINT_WORKFLOW.apply(
        complaint,
        Status.FORWARDED,
        actor=actor,
        message=gettext_noop("Reopened: %(reason)s"),
        data={"reason": reason.strip()},
        changes=lambda locked: {
            **_forward_fields(locked, None, now),
            "reopen_count": locked.reopen_count + 1,
            "reopened_at": now,
            "satisfaction": Satisfaction.NOT_SATISFIED,
        },
        step="reopen",
        now=now,
    ).case


def complaint_record_lapor(
    *,
    complaint: Complaint,
    actor,
    tracking_id: str = "",
    url: str = "",
    forwarded_to_lapor: bool = False,
    received_from_lapor: bool = False,
    lapor_status: str = "",
    note: str = "",
    now: dt.datetime | None = None,
) -> Complaint:
    """Record SP4N LAPOR! data read on lapor.go.id (no status change here)."""
    now = now or timezone.now()
    with transaction.atomic():
        complaint = _lock(complaint)
        _check(actor, "lapor", complaint)
        status_changed = lapor_status.strip() and (
            lapor_status.strip() != complaint.lapor_status
        )
        complaint.lapor_tracking_id = tracking_id.strip()
        complaint.lapor_url = url.strip()
        complaint.forwarded_to_lapor = forwarded_to_lapor
        complaint.received_from_lapor = received_from_lapor
        if lapor_status.strip():
            complaint.lapor_status = lapor_status.strip()
        complaint.full_clean()
        complaint.save(
            update_fields=[
                "lapor_tracking_id",
                "lapor_url",
                "forwarded_to_lapor",
                "received_from_lapor",
                "lapor_status",
                "updated_at",
            ]
        )
        if status_changed:
            LaporStatusUpdate.objects.create(
                complaint=complaint,
                status=complaint.lapor_status,
                note=note.strip(),
                recorded_by=actor,
                recorded_at=now,
            )
        record_event(
            complaint,
            kind=EventKind.LAPOR,
            actor=actor,
            message=gettext_noop("SP4N LAPOR! data recorded: %(id)s %(status)s"),
            data={"id": complaint.lapor_tracking_id, "status": complaint.lapor_status},
            is_public=False,
            at=now,
        )
        return complaint


def _recounted_complaint_dates(complaint, calendar):
    verification = calendar.add(
        receipt_date(complaint.received_at), COMPLAINT_VERIFICATION_DAYS
    )
    follow_up = complaint.follow_up_due
    if complaint.forwarded_at is not None:
        follow_up = calendar.add(
            receipt_date(complaint.forwarded_at), COMPLAINT_FOLLOW_UP_DAYS
        )
    return {
        "verification_due": verification,
        "follow_up_due": follow_up,
        "due_date": follow_up if complaint.status == Status.FORWARDED else verification,
    }


# After a calendar change the task layer recomputes every open due date
# (apps.core.deadlines); each change goes into the case's audit trail.
COMPLAINT_DEADLINES = OpenDeadlines(
    cases=lambda: Complaint.objects.filter(
        status__in=[Status.RECEIVED, Status.VERIFIED, Status.FORWARDED]
    ),
    fields=(
        "status",
        "received_at",
        "forwarded_at",
        "verification_due",
        "follow_up_due",
        "due_date",
        "updated_at",
    ),
    recount=_recounted_complaint_dates,
    shown=lambda complaint: complaint.due_date,
)


def complaint_recompute_deadlines(*, reason: str, now: dt.datetime | None = None):
    """Recompute every open due date now, in this process; each change goes into
    the case's audit trail with the reason. Returns the number changed."""
    return recount_now(COMPLAINT_DEADLINES, reason=reason, now=now)


def complaint_convert_to_request(
    *,
    complaint: Complaint,
    actor,
    applicant_type: str,
    name: str,
    address: str,
    information_requested: str,
    purpose: str,
    access_method: str,
    nik: str = "",
    legal_entity_decree: str = "",
    phone: str = "",
    email: str = "",
    occupation: str = "",
    copy_format: str = "",
    delivery_method: str = "",
    unit=None,
    note: str = "",
    now: dt.datetime | None = None,
):
    """received / verified → converted: the complaint is really an information
    request. The request keeps the complaint's channel and time of receipt (its
    deadline counts from then); the officer completes the legal fields."""
    from apps.info_requests.services import information_request_submit

    now = now or timezone.now()
    with transaction.atomic():
        complaint = _lock(complaint)
        COMPLAINT_WORKFLOW.check_guards(
            complaint,
            Status.CONVERTED,
            Attempt(complaint.status, Status.CONVERTED, actor=actor, now=now),
            COMPLAINT_WORKFLOW.step("convert"),
        )
        request = information_request_submit(
            applicant_type=applicant_type,
            name=name,
            nik=nik,
            legal_entity_decree=legal_entity_decree,
            address=address,
            phone=phone,
            email=email,
            occupation=occupation,
            information_requested=information_requested,
            purpose=purpose,
            access_method=access_method,
            copy_format=copy_format,
            delivery_method=delivery_method,
            unit=unit,
            channel=complaint.channel,
            received_at=complaint.received_at,
            recorded_by=actor,
        )
        COMPLAINT_WORKFLOW.apply(
            complaint,
            Status.CONVERTED,
            actor=actor,
            note=note.strip(),
            message=gettext_noop("Converted into information request %(number)s."),
            data={"number": request.registration_number},
            changes={"converted_request": request, "due_date": None},
            step="convert",
            now=now,
        )
        return request
