"""Workflow of an objection: received → answered / release ordered → released, or
withdrawn; and of a dispute before the Komisi Informasi (stage by stage).

Every write that matters goes through a function here; status changes go through
OBJECTION_WORKFLOW.apply (lock, table and guards, save, audit row, e-mails after
commit). Letters are rendered before a row is locked or after the commit.
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core import periods
from apps.core.applicants import (
    DOCUMENT_FIELDS,
    REPRESENTATIVE_FIELDS,
    ApplicantType,
    clean_applicant,
)
from apps.core.deadlines import OpenDeadlines, recount_now
from apps.core.errors import ApplicationError
from apps.core.events import LABEL
from apps.core.files import IDENTITY_KINDS
from apps.core.intake import applicant_language, check_file, open_case
from apps.core.models import EventKind
from apps.core.workdays import Calendar, receipt_date
from apps.core.workflow import Attempt, record_event, record_transition
from apps.info_requests import services as request_services
from apps.info_requests.models import Channel, InformationRequest
from apps.info_requests.models import Status as RequestStatus
from apps.objections import notifications
from apps.objections.eligibility import grounds_for
from apps.objections.letters import render_answer_pdf
from apps.objections.models import (
    GROUND_FIELDS,
    RELEASING_OUTCOMES,
    Dispute,
    DisputeEvent,
    DisputeOutcome,
    DisputeStage,
    Ground,
    Objection,
    Outcome,
    Status,
)
from apps.objections.selectors import dispute_deadline
from apps.objections.workflow import (
    DISPUTE_WORKFLOW,
    OBJECTION_WORKFLOW,
    outcome_fits_stage,
)


def answer_due_date(received_at: dt.datetime, calendar: Calendar | None = None):
    """UU 14/2008 Pasal 36(2): 30 working days after the objection's receipt."""
    return (calendar or Calendar()).add(
        receipt_date(received_at), periods.OBJECTION_ANSWER_DAYS
    )


def _check_file(upload, field: str) -> str:
    checked = check_file(upload, field, IDENTITY_KINDS)
    return checked.mimetype if checked else ""


def _clean_grounds(grounds, request, filed_on) -> tuple[list[str], dict]:
    """The chosen letters, checked against what can apply and the filing window."""
    letters = sorted({str(g).strip().lower() for g in grounds or [] if str(g).strip()})
    if not letters:
        raise ValidationError({"grounds": [_("Choose at least one ground.")]})
    unknown = [g for g in letters if g not in Ground.values]
    if unknown:
        raise ValidationError(
            {
                "grounds": [
                    _("Unknown ground(s) %(letters)s: the grounds are a to g.")
                    % {"letters": ", ".join(unknown)}
                ]
            }
        )
    windows = grounds_for(request, today=filed_on)
    errors = []
    for letter in letters:
        window = windows.get(letter)
        if window is None:
            if request is None:
                errors.append(
                    ValidationError(
                        _(
                            "Ground %(g)s needs an information request: give its "
                            "registration number."
                        )
                        % {"g": letter},
                        code="ground_not_applicable",
                    )
                )
            else:
                errors.append(
                    ValidationError(
                        _("Ground %(g)s cannot apply to request %(number)s.")
                        % {"g": letter, "number": request.registration_number},
                        code="ground_not_applicable",
                    )
                )
        elif not window.is_open(filed_on):
            errors.append(
                ValidationError(
                    _(
                        "The period to object on ground %(g)s closed on %(end)s: an "
                        "objection must be filed within %(days)s working days after "
                        "%(arose)s (UU 14/2008 Pasal 35-36)."
                    )
                    % {
                        "days": periods.OBJECTION_FILING_DAYS,
                        "g": letter,
                        "end": window.window_end.isoformat(),
                        "arose": window.arose_on.isoformat(),
                    },
                    code="window_closed",
                )
            )
    if errors:
        raise ValidationError({"grounds": errors})
    return letters, windows


def objection_submit(
    *,
    grounds: list[str],
    reason: str,
    purpose: str = "",
    info_request: InformationRequest | None = None,
    applicant_type: str = ApplicantType.INDIVIDUAL,
    name: str = "",
    nik: str = "",
    address: str = "",
    phone: str = "",
    email: str = "",
    occupation: str = "",
    identity_document=None,
    unit=None,
    representative_name: str = "",
    representative_address: str = "",
    representative_phone: str = "",
    power_of_attorney=None,
    channel: str = Channel.WEB,
    received_at: dt.datetime | None = None,
    recorded_by=None,
    submission_key: uuid.UUID | None = None,
) -> Objection:
    """File an objection: number, answer due date, audit row, receipt e-mail.

    With a request, the applicant's identity comes from it; without one only ground
    b applies and the identity is given as for a request. Idempotent on
    `submission_key` (a resent form returns the objection it created).
    """
    if submission_key:
        existing = Objection.objects.filter(submission_key=submission_key).first()
        if existing:
            return existing
    received_at = received_at or timezone.now()
    filed_on = receipt_date(received_at)
    errors: dict[str, list] = {}
    if not (reason or "").strip():
        errors["reason"] = [_("Describe the case in your own words.")]
    # With a request the identity is the request's; without one it is given here.
    values = {
        "representative_name": representative_name,
        "representative_address": representative_address,
        "representative_phone": representative_phone,
        "power_of_attorney": power_of_attorney,
    }
    if info_request is None:
        values.update(
            applicant_type=applicant_type,
            name=name,
            nik=nik,
            address=address,
            phone=phone,
            email=email,
            occupation=occupation,
            identity_document=identity_document,
        )
    applicant: dict = {}
    try:
        applicant = clean_applicant(
            values, documents=True, group_attorney=Objection.group_attorney
        )
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        letters, windows = _clean_grounds(grounds, info_request, filed_on)
    except ValidationError as error:
        errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    identity_type = _check_file(identity_document, "identity_document")
    attorney_type = _check_file(power_of_attorney, "power_of_attorney")
    for field in DOCUMENT_FIELDS:
        applicant.pop(field, None)
    if info_request is not None:
        applicant.update(
            {
                field: getattr(info_request, field)
                for field in Objection.applicant_field_names()
                if field not in REPRESENTATIVE_FIELDS + DOCUMENT_FIELDS
            }
        )
        unit = info_request.unit
        purpose = purpose or info_request.purpose
    arose_on = min(windows[g].arose_on for g in letters)
    window_end = min(windows[g].window_end for g in letters)
    objection = Objection(
        request=info_request,
        unit=unit,
        **applicant,
        identity_document_type=identity_type,
        power_of_attorney_type=attorney_type,
        reason=reason.strip(),
        purpose=(purpose or "").strip(),
        channel=channel,
        language=applicant_language(channel),
        received_at=received_at,
        recorded_by=recorded_by
        if recorded_by is not None and recorded_by.is_authenticated
        else None,
        submission_key=submission_key,
        ground_arose_on=arose_on,
        filing_window_end=window_end,
        due_date=answer_due_date(received_at),
        number="pending",
        **{GROUND_FIELDS[g]: True for g in letters},
    )
    objection.full_clean(
        exclude=["number", "identity_document", "power_of_attorney", "request"]
    )
    try:
        with transaction.atomic():
            if info_request is not None:
                locked = InformationRequest.objects.select_for_update().get(
                    pk=info_request.pk
                )
                pending = locked.objections.filter(status=Status.RECEIVED).first()
                if pending is not None:
                    raise ApplicationError(
                        _(
                            "Objection %(number)s about this request is still "
                            "awaiting the Atasan PPID's answer."
                        )
                        % {"number": pending.number},
                        code="objection_pending",
                    )

            def store_files(objection):
                if identity_document:
                    objection.identity_document.save(
                        "identity", identity_document, save=False
                    )
                if power_of_attorney:
                    objection.power_of_attorney.save(
                        "attorney", power_of_attorney, save=False
                    )

            # The receipt PDF is rendered in the worker, not under the request's lock.
            open_case(
                objection,
                received_at=received_at,
                actor=recorded_by,
                message=gettext_noop("Grounds: %(grounds)s."),
                data={"grounds": letters},
                notices=[notifications.RECEIVED, notifications.NEW_FOR_ATASAN],
                before_save=store_files,
            )
    except IntegrityError:
        if submission_key:
            existing = Objection.objects.filter(submission_key=submission_key).first()
            if existing:
                return existing
        raise
    return objection


def _locked(objection: Objection) -> Objection:
    return Objection.objects.select_for_update().get(pk=objection.pk)


def objection_decide(
    *,
    objection: Objection,
    actor,
    outcome: str,
    reasons: str = "",
    release_ordered: str = "",
    now: dt.datetime | None = None,
) -> Objection:
    """received → answered / release ordered / withdrawn, by the Atasan PPID only.

    Upheld (in full or in part) orders the PPID to release `release_ordered`: a
    decided request is reopened for the PPID to deliver. Affirming the PPID's
    decision needs written reasons (Pasal 36(3)); musyawarah only for grounds b-g
    (Pasal 35(2)). Every answer but a withdrawal gets the letter PDF.
    """
    if actor is None or not actor.has_perm("objections.decide_objection"):
        raise PermissionDenied(_("Only the Atasan PPID answers objections."))
    now = now or timezone.now()
    reasons, release_ordered = reasons.strip(), release_ordered.strip()
    errors: dict[str, list] = {}
    if outcome not in Outcome.values:
        errors["outcome"] = [_("Choose the outcome.")]
    if outcome == Outcome.AFFIRMED and not reasons:
        errors["reasons"] = [
            _("Affirming the PPID's decision needs written reasons (Pasal 36(3)).")
        ]
    if outcome in RELEASING_OUTCOMES and not release_ordered:
        errors["release_ordered"] = [_("Say what the PPID must release.")]
    if outcome in (Outcome.UPHELD_IN_PART, Outcome.SETTLED) and not reasons:
        errors["reasons"] = [_("Give the reasons or the terms agreed.")]
    if errors:
        raise ValidationError(errors)
    if outcome == Outcome.WITHDRAWN:
        target = Status.WITHDRAWN
    elif outcome in RELEASING_OUTCOMES:
        target = Status.RELEASE_ORDERED
    else:
        target = Status.ANSWERED
    changes = {
        "outcome": outcome,
        "decision_reasons": reasons,
        "release_ordered": release_ordered if outcome in RELEASING_OUTCOMES else "",
        "decided_at": now,
        "decided_by": actor,
    }
    if outcome != Outcome.WITHDRAWN:
        changes["answer_number"] = f"{objection.number}/TK"
    data = {"label": Outcome(outcome), "outcome": outcome}
    # Refused early on the unlocked row, so no letter is rendered in vain.
    OBJECTION_WORKFLOW.check_guards(
        objection, target, Attempt(objection.status, target, now=now, data=data)
    )
    letter = None
    if outcome != Outcome.WITHDRAWN:
        # Rendered before the row lock: the answer as it will be saved.
        answered = copy.copy(objection)
        for name, value in changes.items():
            setattr(answered, name, value)
        letter = ContentFile(
            render_answer_pdf(
                answered,
                dispute_deadline=dispute_deadline(answered, today=receipt_date(now)),
            )
        )
    with transaction.atomic():
        event = OBJECTION_WORKFLOW.apply(
            objection,
            target,
            actor=actor,
            message=LABEL,
            data=data,
            changes=changes,
            now=now,
        )
        objection = event.case
        request = objection.request
        if (
            outcome in RELEASING_OUTCOMES
            and request is not None
            and request.status == RequestStatus.DECIDED
        ):
            request_services.information_request_reopen(
                info_request=request,
                actor=actor,
                message=gettext_noop("Objection %(number)s upheld: release %(what)s"),
                data={"number": objection.number, "what": release_ordered},
                now=now,
            )
        if letter is not None:
            objection.answer_letter.save(
                f"{objection.number}-tanggapan.pdf", letter, save=False
            )
            objection.save(update_fields=["answer_letter"])
    return objection


def objection_release_complete(
    *, objection: Objection, actor, note: str = "", now: dt.datetime | None = None
) -> Objection:
    """release ordered → released: the PPID delivered what the Atasan ordered; a
    reopened request is decided (closed) again."""
    now = now or timezone.now()
    with transaction.atomic():
        objection = OBJECTION_WORKFLOW.apply(
            objection,
            Status.RELEASED,
            actor=actor,
            note=note.strip(),
            message=""
            if note.strip()
            else gettext_noop("The information ordered was released."),
            now=now,
        ).case
        request = objection.request
        if request is not None and request.status == RequestStatus.REOPENED:
            request_services.information_request_close_reopened(
                info_request=request,
                actor=actor,
                message=gettext_noop("Released as ordered on objection %(number)s."),
                data={"number": objection.number},
                now=now,
            )
    return objection


# After a calendar correction the task layer recounts the due date of objections
# awaiting an answer (apps.core.deadlines); each change is audited.
OBJECTION_DEADLINES = OpenDeadlines(
    cases=lambda: Objection.objects.awaiting_answer(),
    fields=("status", "received_at", "due_date", "updated_at"),
    recount=lambda objection, calendar: {
        "due_date": answer_due_date(objection.received_at, calendar)
    },
    shown=lambda objection: objection.due_date,
)


def objections_recompute_deadlines(*, reason: str) -> int:
    """Recount the due dates of objections awaiting an answer now, in this
    process; audit each change."""
    return recount_now(OBJECTION_DEADLINES, reason=reason)


# Disputes (sengketa informasi) before the Komisi Informasi.


def dispute_record(
    *,
    register_number: str,
    filed_on: dt.date,
    actor,
    objection: Objection | None = None,
    info_request: InformationRequest | None = None,
    commission_level: str = "",
    commission_name: str = "",
    registered_on: dt.date | None = None,
    respondent_representatives: str = "",
) -> Dispute:
    """Record a dispute the applicant filed with the Komisi (stage: registration)."""
    if objection is not None and info_request is None:
        info_request = objection.request
    if objection is None and info_request is None:
        raise ValidationError(
            {"objection": [_("Link the objection or the request in dispute.")]}
        )
    if (
        objection is not None
        and info_request is not None
        and objection.request_id not in (None, info_request.pk)
    ):
        raise ValidationError(
            {"request": [_("The objection is about another request.")]}
        )
    dispute = Dispute(
        register_number=register_number.strip(),
        filed_on=filed_on,
        objection=objection,
        request=info_request,
        unit=(objection.unit if objection else None)
        or (info_request and info_request.unit),
        registered_on=registered_on,
        respondent_representatives=respondent_representatives.strip(),
        recorded_by=actor,
    )
    if commission_level:
        dispute.commission_level = commission_level
    if commission_name.strip():
        dispute.commission_name = commission_name.strip()
    if registered_on and registered_on < filed_on:
        raise ValidationError(
            {"registered_on": [_("Registration cannot come before filing.")]}
        )
    dispute.full_clean()
    with transaction.atomic():
        dispute.save()
        DisputeEvent.objects.create(
            dispute=dispute,
            kind=DisputeEvent.Kind.STAGE,
            stage=DisputeStage.REGISTRATION,
            date=registered_on or filed_on,
            note=_("Filed with %(komisi)s.") % {"komisi": dispute.commission_name},
        )
        record_transition(
            dispute,
            from_status="",
            to_status=DisputeStage.REGISTRATION,
            actor=actor,
            note=dispute.commission_name,
        )
    return dispute


def dispute_advance(
    *, dispute: Dispute, stage: str, on: dt.date, actor, note: str = ""
) -> Dispute:
    """One stage forward (DISPUTE_WORKFLOW), with the date it was reached (a guard:
    not before the previous step)."""
    with transaction.atomic():
        dispute = DISPUTE_WORKFLOW.apply(
            dispute, stage, actor=actor, note=note.strip(), data={"on": on}
        ).case
        DisputeEvent.objects.create(
            dispute=dispute,
            kind=DisputeEvent.Kind.STAGE,
            stage=stage,
            date=on,
            note=note.strip(),
        )
    return dispute


def dispute_add_hearing(
    *, dispute: Dispute, on: dt.date, actor, note: str = ""
) -> DisputeEvent:
    """A hearing date (sidang) at the current stage."""
    with transaction.atomic():
        dispute = Dispute.objects.select_for_update().get(pk=dispute.pk)
        if dispute.stage == DisputeStage.FINAL:
            raise ApplicationError(_("The dispute is final: no more hearings."))
        event = DisputeEvent.objects.create(
            dispute=dispute,
            kind=DisputeEvent.Kind.HEARING,
            stage=dispute.stage,
            date=on,
            note=note.strip(),
        )
        record_event(
            dispute,
            kind=EventKind.HEARING,
            actor=actor,
            message=gettext_noop("Hearing on %(date)s."),
            data={"date": on},
            note=note.strip(),
        )
    return event


def dispute_record_outcome(
    *,
    dispute: Dispute,
    outcome: str,
    on: dt.date,
    actor,
    summary: str = "",
    execution: str = "",
    court_outcome: str = "",
) -> Dispute:
    """The Komisi's (or the court's) outcome and how it was carried out."""
    with transaction.atomic():
        dispute = Dispute.objects.select_for_update().get(pk=dispute.pk)
        outcome_fits_stage(dispute, outcome)
        dispute.outcome = outcome
        dispute.outcome_on = on
        dispute.outcome_summary = summary.strip()
        dispute.execution = execution.strip()
        dispute.court_outcome = court_outcome.strip()
        if on < dispute.filed_on:
            raise ValidationError({"on": [_("The decision cannot precede filing.")]})
        dispute.full_clean()
        dispute.save(
            update_fields=[
                "outcome",
                "outcome_on",
                "outcome_summary",
                "execution",
                "court_outcome",
                "updated_at",
            ]
        )
        record_event(
            dispute,
            kind=EventKind.OUTCOME,
            actor=actor,
            message=LABEL,
            data={"label": DisputeOutcome(outcome)},
        )
    return dispute
