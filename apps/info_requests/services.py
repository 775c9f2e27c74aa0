"""Workflow of an information request: received → in process → (extended) → decided.

Every write that matters goes through a function here; status changes go through
REQUEST_WORKFLOW.apply (lock, table and guards, save, audit row, the applicant's
e-mail after commit).
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.accounts.roles import can_act_on_unit
from apps.core import periods
from apps.core.applicants import clean_applicant
from apps.core.deadlines import OpenDeadlines, recount_now
from apps.core.errors import ApplicationError
from apps.core.events import LABEL
from apps.core.files import DOCUMENT_KINDS, IDENTITY_KINDS, validate_upload
from apps.core.intake import applicant_language, check_file, open_case
from apps.core.models import EventKind
from apps.core.workdays import Calendar, receipt_date
from apps.core.workflow import Attempt, record_event
from apps.info_requests import notifications
from apps.info_requests.letters import render_notice_pdf
from apps.info_requests.models import (
    AccessMethod,
    Channel,
    InformationRequest,
    RequestDocument,
    Status,
    WrittenNotice,
)
from apps.info_requests.workflow import REQUEST_WORKFLOW


def _locked(info_request: InformationRequest) -> InformationRequest:
    return InformationRequest.objects.select_for_update().get(pk=info_request.pk)


def compute_due_dates(
    *, received_at: dt.datetime, extended: bool, calendar: Calendar | None = None
) -> tuple[dt.date, dt.date | None]:
    calendar = calendar or Calendar()
    due = calendar.add(receipt_date(received_at), periods.REQUEST_NOTICE_DAYS)
    extended_due = (
        calendar.add(due, periods.REQUEST_EXTENSION_DAYS) if extended else None
    )
    return due, extended_due


def _mimetype(upload, field: str) -> str:
    checked = check_file(upload, field, IDENTITY_KINDS)
    return checked.mimetype if checked else ""


def information_request_submit(
    *,
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
    representative_name: str = "",
    representative_address: str = "",
    representative_phone: str = "",
    identity_document=None,
    power_of_attorney=None,
    unit=None,
    channel: str = Channel.WEB,
    received_at: dt.datetime | None = None,
    recorded_by=None,
    submission_key: uuid.UUID | None = None,
    publication_consent: bool = False,
) -> InformationRequest:
    """Register a request (any channel): number, due date, audit row, receipt e-mail.

    Idempotent on `submission_key`: a resent form returns the request it created.
    """
    if submission_key:
        existing = InformationRequest.objects.filter(
            submission_key=submission_key
        ).first()
        if existing:
            return existing
    applicant = clean_applicant(
        {
            "applicant_type": applicant_type,
            "name": name,
            "nik": nik,
            "legal_entity_decree": legal_entity_decree,
            "address": address,
            "phone": phone,
            "email": email,
            "occupation": occupation,
            "representative_name": representative_name,
            "representative_address": representative_address,
            "representative_phone": representative_phone,
        }
    )
    identity_type = _mimetype(identity_document, "identity_document")
    attorney_type = _mimetype(power_of_attorney, "power_of_attorney")
    if access_method == AccessMethod.VIEW:
        copy_format = delivery_method = ""
    received_at = received_at or timezone.now()
    due_date, _extended = compute_due_dates(received_at=received_at, extended=False)
    request = InformationRequest(
        **applicant,
        information_requested=information_requested.strip(),
        purpose=purpose.strip(),
        access_method=access_method,
        copy_format=copy_format,
        delivery_method=delivery_method,
        publication_consent=bool(publication_consent),
        unit=unit,
        channel=channel,
        language=applicant_language(channel),
        received_at=received_at,
        recorded_by=recorded_by
        if recorded_by and recorded_by.is_authenticated
        else None,
        submission_key=submission_key,
        due_date=due_date,
        identity_document_type=identity_type,
        power_of_attorney_type=attorney_type,
        registration_number="pending",
    )
    request.full_clean(
        exclude=["registration_number", "identity_document", "power_of_attorney"]
    )

    def store_files(request):
        if identity_document:
            request.identity_document.save("identity", identity_document, save=False)
        if power_of_attorney:
            request.power_of_attorney.save("attorney", power_of_attorney, save=False)

    try:
        open_case(
            request,
            received_at=received_at,
            actor=recorded_by,
            message=gettext_noop("Received via %(channel)s."),
            data={"channel": Channel(request.channel)},
            notices=[notifications.RECEIVED],
            before_save=store_files,
        )
    except IntegrityError:
        # The same submission_key committed concurrently (double click): return it.
        if submission_key:
            existing = InformationRequest.objects.filter(
                submission_key=submission_key
            ).first()
            if existing:
                return existing
        raise
    return request


def information_request_assign(
    *,
    info_request: InformationRequest,
    unit,
    actor,
    note: str = "",
    now: dt.datetime | None = None,
) -> InformationRequest:
    """received / awaiting completion / in process → in process, at `unit`.

    Only the PPID Utama routes (permission route_informationrequest); a reassignment
    of a request in process keeps its status and leaves an audit row.
    """
    if unit is None:
        raise ValidationError({"unit": _("Choose the unit that handles the request.")})
    assigned = {
        "message": gettext_noop("Assigned to %(unit)s."),
        "data": {"unit": unit.name},
        "note": note,
    }
    with transaction.atomic():
        info_request = _locked(info_request)
        if info_request.status != Status.IN_PROCESS:
            return REQUEST_WORKFLOW.apply(
                info_request,
                Status.IN_PROCESS,
                actor=actor,
                changes={"unit": unit},
                now=now,
                **assigned,
            ).case
        if info_request.unit_id == unit.pk:
            raise ApplicationError(_("The request is already with this unit."))
        info_request.unit = unit
        info_request.full_clean()
        info_request.save(update_fields=["unit", "updated_at"])
        record_event(
            info_request, kind=EventKind.ASSIGNMENT, actor=actor, at=now, **assigned
        )
    return info_request


def information_request_ask_completion(
    *,
    info_request: InformationRequest,
    actor,
    missing: str,
    now: dt.datetime | None = None,
) -> InformationRequest:
    """received / in process → awaiting the applicant's completion (what is missing)."""
    if not missing.strip():
        raise ValidationError({"missing": _("Say what the applicant must complete.")})
    return REQUEST_WORKFLOW.apply(
        info_request,
        Status.AWAITING_COMPLETION,
        actor=actor,
        note=missing.strip(),
        changes={"completion_note": missing.strip()},
        now=now,
    ).case


def information_request_complete_requirements(
    *,
    info_request: InformationRequest,
    actor,
    note: str = "",
    now: dt.datetime | None = None,
) -> InformationRequest:
    """awaiting completion → in process (or received when not yet routed).

    REQUEST_COMPLETION_CLOCK="restart" counts the period again from the completion
    date; "continue" (default, UU 14/2008 Pasal 22(7): from receipt) keeps it.
    """
    with transaction.atomic():
        info_request = _locked(info_request)
        target = Status.IN_PROCESS if info_request.unit_id else Status.RECEIVED
        changes = {"completion_note": ""}
        message, data = "", {}
        if not note:
            message = gettext_noop("The applicant completed the requirements.")
        if settings.REQUEST_COMPLETION_CLOCK == "restart":
            completed_on = receipt_date(now or timezone.now())
            changes["due_date"] = Calendar().add(
                completed_on, periods.REQUEST_NOTICE_DAYS
            )
            message = (
                gettext_noop(
                    "The applicant completed the requirements. Due date recounted "
                    "from %(old)s to %(new)s."
                )
                if not note
                else gettext_noop("Due date recounted from %(old)s to %(new)s.")
            )
            data = {"old": info_request.due_date, "new": changes["due_date"]}
        return REQUEST_WORKFLOW.apply(
            info_request,
            target,
            actor=actor,
            note=note,
            message=message,
            data=data,
            changes=changes,
            now=now,
        ).case


def information_request_extend(
    *,
    info_request: InformationRequest,
    actor,
    reason: str,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> InformationRequest:
    """in process → extended: once, 7 more working days, with a written reason,
    only while the original due date has not passed (guards in REQUEST_WORKFLOW;
    `today` is the day the guard counts from)."""
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Give the written reason for the extension.")}
        )
    return REQUEST_WORKFLOW.apply(
        info_request,
        Status.EXTENDED,
        actor=actor,
        note=reason.strip(),
        changes=lambda locked: {
            "extended_due_date": Calendar().add(
                locked.due_date, periods.REQUEST_EXTENSION_DAYS
            ),
            "extension_reason": reason.strip(),
        },
        now=now,
        today=today,
    ).case


def information_request_decide(
    *,
    info_request: InformationRequest,
    actor,
    control: str,
    decision: str,
    refusal_reason: str = "",
    exemption_letters: list[str] | None = None,
    exemption_reference: str = "",
    holding_body: str = "",
    information_given: str = "",
    form_given: str = "",
    delivery_method: str = "",
    cost: Decimal | int = 0,
    payment_method: str = "",
    time_needed: str = "",
    redactions: str = "",
    explanation: str = "",
    now: dt.datetime | None = None,
) -> WrittenNotice:
    """received / in process / extended → decided: the written notice, its PDF."""
    now = now or timezone.now()
    letters = sorted({letter.strip().lower() for letter in exemption_letters or []})
    errors: dict[str, list[str]] = {}
    if decision == WrittenNotice.Decision.REFUSED and not refusal_reason:
        errors["refusal_reason"] = [_("A refusal states its reason.")]
    if (
        decision == WrittenNotice.Decision.REFUSED
        and refusal_reason == WrittenNotice.RefusalReason.EXEMPT
    ):
        if not letters:
            errors["exemption_letters"] = [
                _("Name the Pasal 17 letter(s) a–j the exemption rests on.")
            ]
        elif any(letter not in periods.PASAL_17_LETTERS for letter in letters):
            errors["exemption_letters"] = [_("Pasal 17 letters are a to j.")]
    if decision == WrittenNotice.Decision.FORWARDED and not holding_body.strip():
        errors["holding_body"] = [_("Name the body the request is forwarded to.")]
    if control == WrittenNotice.Control.NOT_HELD and decision in (
        WrittenNotice.Decision.GRANTED,
        WrittenNotice.Decision.GRANTED_IN_PART,
    ):
        errors["decision"] = [
            _("Information the body does not hold cannot be granted.")
        ]
    grants = (WrittenNotice.Decision.GRANTED, WrittenNotice.Decision.GRANTED_IN_PART)
    if decision in grants and not information_given.strip():
        errors["information_given"] = [_("Describe the information given.")]
    if decision == WrittenNotice.Decision.GRANTED_IN_PART and not redactions.strip():
        errors["redactions"] = [
            _("A partial grant says which parts are withheld or blacked out, and why.")
        ]
    if errors:
        raise ValidationError(errors)
    # Refused early on the unlocked row, so no letter is rendered in vain.
    REQUEST_WORKFLOW.check_guards(
        info_request,
        Status.DECIDED,
        Attempt(info_request.status, Status.DECIDED, actor=actor, now=now),
        REQUEST_WORKFLOW.step("decide"),
    )
    notice = WrittenNotice(
        request=info_request,
        letter_number=f"{info_request.registration_number}/PT",
        control=control,
        holding_body=holding_body.strip(),
        decision=decision,
        refusal_reason=refusal_reason if decision == "refused" else "",
        exemption_letters=letters if refusal_reason == "exempt" else [],
        exemption_reference=exemption_reference.strip(),
        information_given=information_given.strip(),
        form_given=form_given,
        delivery_method=delivery_method,
        cost=Decimal(cost or 0),
        payment_method=payment_method.strip(),
        time_needed=time_needed.strip(),
        redactions=redactions.strip(),
        explanation=explanation.strip(),
        issued_by=actor if actor and actor.is_authenticated else None,
        issued_at=now,
    )
    notice.full_clean(exclude=["request", "letter"])
    # The letter is rendered before the row is locked (rendering takes a second);
    # what it shows of the request (number, name, receipt) does not change.
    letter = ContentFile(render_notice_pdf(notice))
    with transaction.atomic():
        event = REQUEST_WORKFLOW.apply(
            info_request,
            Status.DECIDED,
            actor=actor,
            message=LABEL,
            data={"label": WrittenNotice.Decision(decision)},
            changes={"decided_at": now},
            step="decide",
            now=now,
        )
        notice.request = event.case
        notice.letter.save(
            f"{info_request.registration_number}-pemberitahuan.pdf", letter, save=False
        )
        notice.save()
    return notice


def information_request_withdraw(
    *,
    info_request: InformationRequest,
    actor,
    note: str = "",
    now: dt.datetime | None = None,
) -> InformationRequest:
    """any open status → withdrawn by the applicant (recorded by an officer)."""
    return REQUEST_WORKFLOW.apply(
        info_request,
        Status.WITHDRAWN,
        actor=actor,
        note=note,
        message="" if note else gettext_noop("Withdrawn by the applicant."),
        now=now,
    ).case


def information_request_reopen(
    *,
    info_request: InformationRequest,
    actor,
    note: str = "",
    message: str = "",
    data: dict | None = None,
    now: dt.datetime | None = None,
) -> InformationRequest:
    """decided → reopened: the Atasan PPID ordered release on an objection (`note`,
    or `message` and its `data`, say what). The PPID then gives the documents and
    closes it again."""
    if not note.strip() and not message:
        raise ValidationError({"note": _("Say what the PPID must release.")})
    return REQUEST_WORKFLOW.apply(
        info_request,
        Status.REOPENED,
        actor=actor,
        note=note.strip(),
        message=message,
        data=data,
        changes={"closed_at": None},
        now=now,
    ).case


def information_request_close_reopened(
    *,
    info_request: InformationRequest,
    actor,
    note: str = "",
    message: str = "",
    data: dict | None = None,
    now: dt.datetime | None = None,
) -> InformationRequest:
    """reopened → decided: the ordered release was delivered (closed_at set again)."""
    if not note.strip() and not message:
        message = gettext_noop("The information ordered on objection was released.")
    return REQUEST_WORKFLOW.apply(
        info_request,
        Status.DECIDED,
        actor=actor,
        note=note.strip(),
        message=message,
        data=data,
        now=now,
    ).case


def information_request_add_document(
    *, info_request: InformationRequest, actor, upload, now: dt.datetime | None = None
) -> RequestDocument:
    """Attach a file given to the applicant, downloadable through an expiring link."""
    if (
        not info_request.is_open
        and info_request.status != Status.REOPENED
        and not (
            info_request.status == Status.DECIDED
            and info_request.notice.releases_information
        )
    ):
        raise ApplicationError(
            _("Documents can be given only while the request is open or after a grant.")
        )
    try:
        checked = validate_upload(upload, DOCUMENT_KINDS)
    except ValidationError as error:
        raise ValidationError({"upload": error.messages}) from None
    now = now or timezone.now()
    with transaction.atomic():
        document = RequestDocument(
            request=info_request,
            filename=upload.name[-200:],
            content_type=checked.mimetype,
            size=checked.size,
            sha256=checked.sha256,
            expires_at=now + dt.timedelta(days=settings.REQUEST_DOCUMENT_LINK_DAYS),
            uploaded_by=actor,
        )
        document.file.save(
            f"{info_request.registration_number}-{checked.sha256[:12]}",
            upload,
            save=False,
        )
        document.save()
        record_event(
            info_request,
            kind=EventKind.DOCUMENT,
            actor=actor,
            message=gettext_noop("Document made available: %(name)s"),
            data={"name": document.filename},
            at=now,
        )
    return document


def _recounted_request_dates(request, calendar):
    due, extended = compute_due_dates(
        received_at=request.received_at,
        extended=request.extended_due_date is not None,
        calendar=calendar,
    )
    if settings.REQUEST_COMPLETION_CLOCK == "restart" and due < request.due_date:
        return None  # a due date recounted from completion stays as recounted
    return {"due_date": due, "extended_due_date": extended}


# After a calendar correction the task layer recounts every open due date
# (apps.core.deadlines); each change is audited.
REQUEST_DEADLINES = OpenDeadlines(
    cases=lambda: InformationRequest.objects.open(),
    fields=("status", "received_at", "due_date", "extended_due_date", "updated_at"),
    recount=_recounted_request_dates,
    shown=lambda request: request.extended_due_date or request.due_date,
)


def information_requests_recompute_deadlines(*, reason: str) -> int:
    """Recount every open due date now, in this process; audit each change."""
    return recount_now(REQUEST_DEADLINES, reason=reason)


def officer_may_handle(user, info_request: InformationRequest) -> bool:
    return can_act_on_unit(user, info_request.unit_id)
