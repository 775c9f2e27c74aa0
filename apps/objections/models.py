"""Objections (keberatan, UU 14/2008 Pasal 35-36) and information disputes (sengketa
informasi before the Komisi Informasi, Pasal 37-50): spec sections 5 and 6."""

import datetime as dt

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.applicants import (
    ApplicantIdentity,
    applicant_constraints,
    identity_document_path,
    power_of_attorney_path,
)
from apps.core.files import EncryptedPrivateStorage
from apps.core.intake import Channel, Language
from apps.core.models import TimeStampedModel

# The answer letter names the applicant: encrypted at rest, same folder as before.
letter_storage = EncryptedPrivateStorage()


class Ground(models.TextChoices):
    """UU 14/2008 Pasal 35(1) letters a-g."""

    EXEMPTION = "a", _("a. Refusal citing an exemption of Pasal 17")
    PERIODIC = "b", _("b. Periodic information (Pasal 9) not provided")
    NO_RESPONSE = "c", _("c. The request was not responded to")
    NOT_AS_ASKED = "d", _("d. The request was answered other than as asked")
    NOT_FULFILLED = "e", _("e. The request was not fulfilled")
    UNREASONABLE_COST = "f", _("f. An unreasonable cost was charged")
    LATE = "g", _("g. The information was given later than the law allows")


# Pasal 35(2): grounds b-g may be settled by agreement (musyawarah).
SETTLEABLE_GROUNDS = frozenset("bcdefg")
GROUND_FIELDS = {letter: f"ground_{letter}" for letter in Ground.values}


class Status(models.TextChoices):
    RECEIVED = "received", _("Received, awaiting the Atasan PPID's answer")
    ANSWERED = "answered", _("Answered")
    RELEASE_ORDERED = "release_ordered", _("Answered: release ordered")
    RELEASED = "released", _("Answered: ordered information released")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Outcome(models.TextChoices):
    UPHELD = "upheld", _("Upheld in full: the PPID must release the information")
    UPHELD_IN_PART = "upheld_in_part", _("Upheld in part: the PPID must release part")
    AFFIRMED = "affirmed", _("The PPID's decision is affirmed (with written reasons)")
    SETTLED = "settled", _("Settled by agreement (musyawarah)")
    WITHDRAWN = "withdrawn", _("Withdrawn by the applicant")


RELEASING_OUTCOMES = (Outcome.UPHELD, Outcome.UPHELD_IN_PART)


class ApplicantResponse(models.TextChoices):
    SATISFIED = "satisfied", _("Satisfied")
    NOT_SATISFIED = "not_satisfied", _("Not satisfied")


class ObjectionQuerySet(models.QuerySet):
    def awaiting_answer(self):
        return self.filter(status=Status.RECEIVED)

    def overdue(self, today: dt.date):
        return self.awaiting_answer().filter(due_date__lt=today)

    def due_soon(self, today: dt.date, horizon: dt.date):
        return self.awaiting_answer().filter(due_date__gte=today, due_date__lte=horizon)


# Migration 0001 names these upload paths; the fields now use apps.core.applicants'.
_identity_path = identity_document_path
_attorney_path = power_of_attorney_path


class Objection(ApplicantIdentity, TimeStampedModel):
    applicant_files = "objections"
    # Not asked of an objector yet: a legal entity's decree is on its request,
    # and a community group may object without an attorney.
    legal_entity_decree = None
    group_attorney = False

    number = models.CharField(_("objection number"), max_length=40, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    request = models.ForeignKey(
        "info_requests.InformationRequest",
        verbose_name=_("information request"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="objections",
    )
    unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="objections",
    )

    # The applicant (ApplicantIdentity; personal data: officers only). Copied from
    # the request, or given with an identity document for ground b.

    # The objection (Pasal 35(1) letters, one boolean each: filterable, constrained).
    ground_a = models.BooleanField(Ground.EXEMPTION.label, default=False)
    ground_b = models.BooleanField(Ground.PERIODIC.label, default=False)
    ground_c = models.BooleanField(Ground.NO_RESPONSE.label, default=False)
    ground_d = models.BooleanField(Ground.NOT_AS_ASKED.label, default=False)
    ground_e = models.BooleanField(Ground.NOT_FULFILLED.label, default=False)
    ground_f = models.BooleanField(Ground.UNREASONABLE_COST.label, default=False)
    ground_g = models.BooleanField(Ground.LATE.label, default=False)
    reason = models.TextField(_("the case in the applicant's words (kasus posisi)"))
    purpose = models.TextField(_("purpose of use of the information"), blank=True)

    # Intake and deadlines (DECISIONS.md).
    channel = models.CharField(
        _("channel"), max_length=12, choices=Channel.choices, default=Channel.WEB
    )
    # The language the applicant hears in (apps.core.intake.applicant_language).
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=Language.choices,
        default=Language.INDONESIAN,
    )
    received_at = models.DateTimeField(_("received at"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submission_key = models.UUIDField(
        null=True, blank=True, unique=True, editable=False
    )
    ground_arose_on = models.DateField(_("ground arose on"))
    filing_window_end = models.DateField(_("last day to file"))
    due_date = models.DateField(_("answer due by"))

    # The Atasan PPID's answer.
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, blank=True
    )
    decision_reasons = models.TextField(_("written reasons"), blank=True)
    release_ordered = models.TextField(_("information to be released"), blank=True)
    answer_number = models.CharField(
        _("answer letter number"), max_length=80, blank=True
    )
    decided_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer_letter = models.FileField(
        _("answer letter (PDF)"),
        storage=letter_storage,
        upload_to="objections/answers/",
        blank=True,
        max_length=200,
    )
    released_at = models.DateTimeField(
        _("ordered release done at"), null=True, blank=True
    )
    applicant_response = models.CharField(
        _("applicant's response"),
        max_length=16,
        choices=ApplicantResponse.choices,
        blank=True,
    )

    history = HistoricalRecords(
        excluded_fields=["identity_document", "power_of_attorney"]
    )
    objects = ObjectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["-received_at", "-pk"]
        permissions = [
            ("decide_objection", _("Can answer objections (Atasan PPID)")),
            ("release_objection", _("Can record the release ordered on objection")),
            ("view_identity_objection", _("Can open objectors' identity documents")),
        ]
        indexes = [
            models.Index(
                fields=["status", "due_date"], name="objection_status_due_idx"
            ),
            models.Index(fields=["unit", "status"], name="objection_unit_status_idx"),
            models.Index(fields=["-received_at"], name="objection_received_idx"),
            models.Index(fields=["outcome"], name="objection_outcome_idx"),
        ]
        constraints = [
            *applicant_constraints("objection"),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="objection_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=[*Outcome.values, ""]),
                name="objection_outcome_valid",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="objection_channel_valid"
            ),
            models.CheckConstraint(
                condition=Q(language__in=Language.values),
                name="objection_language_valid",
            ),
            models.CheckConstraint(
                condition=Q(applicant_response__in=[*ApplicantResponse.values, ""]),
                name="objection_response_valid",
            ),
            models.CheckConstraint(
                condition=Q(ground_a=True)
                | Q(ground_b=True)
                | Q(ground_c=True)
                | Q(ground_d=True)
                | Q(ground_e=True)
                | Q(ground_f=True)
                | Q(ground_g=True),
                name="objection_has_ground",
            ),
            # Only ground b may be raised without a request.
            models.CheckConstraint(
                condition=Q(request__isnull=False)
                | Q(
                    ground_a=False,
                    ground_c=False,
                    ground_d=False,
                    ground_e=False,
                    ground_f=False,
                    ground_g=False,
                ),
                name="objection_request_grounds",
            ),
            # Pasal 35(2): musyawarah only when every ground is within b-g.
            models.CheckConstraint(
                condition=~Q(outcome="settled") | Q(ground_a=False),
                name="objection_settled_grounds",
            ),
            # Pasal 36(3): affirming the PPID's decision needs written reasons.
            models.CheckConstraint(
                condition=~Q(outcome="affirmed") | ~Q(decision_reasons=""),
                name="objection_affirmed_reasons",
            ),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("admin:objections_objection_change", args=[self.pk])

    def applicant_errors(self) -> dict[str, list]:
        # With a request the identity is the request's, checked when it came in.
        return {} if self.request_id else super().applicant_errors()

    @property
    def grounds(self) -> list[str]:
        return [g for g, field in GROUND_FIELDS.items() if getattr(self, field)]

    def grounds_display(self) -> list[str]:
        return [str(Ground(g).label) for g in self.grounds]

    @property
    def is_open(self) -> bool:
        return self.status == Status.RECEIVED

    def is_overdue(self, today: dt.date) -> bool:
        return self.is_open and today > self.due_date


class DisputeStage(models.TextChoices):
    REGISTRATION = "registration", _("Registration")
    PRELIMINARY = "preliminary_examination", _("Preliminary examination")
    MEDIATION = "mediation", _("Mediation")
    ADJUDICATION = "adjudication", _("Non-litigation adjudication")
    DECISION = "decision", _("Decision of the Komisi")
    COURT_APPEAL = "court_appeal", _("Appeal to the court (PTUN/PN)")
    CASSATION = "cassation", _("Cassation (Mahkamah Agung)")
    FINAL = "final", _("Final (inkracht)")


class CommissionLevel(models.TextChoices):
    CENTRAL = "central", _("Komisi Informasi Pusat")
    PROVINCIAL = "provincial", _("Komisi Informasi Provinsi")
    REGENCY = "regency", _("Komisi Informasi Kabupaten/Kota")


class DisputeOutcome(models.TextChoices):
    MEDIATION_AGREEMENT = "mediation_agreement", _("Agreement reached in mediation")
    GRANTED = "granted", _("Applicant's request granted in full")
    GRANTED_IN_PART = "granted_in_part", _("Applicant's request granted in part")
    REJECTED = "rejected", _("Applicant's request rejected")
    DISMISSED = "dismissed", _("Dismissed (gugur)")


DEFAULT_COMMISSION = "Komisi Informasi Provinsi Kalimantan Timur"


class Dispute(TimeStampedModel):
    """An information dispute the applicant took to the Komisi Informasi."""

    register_number = models.CharField(
        _("Komisi register number"),
        max_length=80,
        unique=True,
        help_text=_("As the Komisi gave it, e.g. 002/I/KI-Kaltim-PS/2026."),
    )
    commission_level = models.CharField(
        _("Komisi"),
        max_length=12,
        choices=CommissionLevel.choices,
        default=CommissionLevel.PROVINCIAL,
    )
    commission_name = models.CharField(
        _("name of the Komisi"), max_length=200, default=DEFAULT_COMMISSION
    )
    objection = models.ForeignKey(
        Objection,
        verbose_name=_("objection"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disputes",
    )
    request = models.ForeignKey(
        "info_requests.InformationRequest",
        verbose_name=_("information request"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disputes",
    )
    unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disputes",
    )
    stage = models.CharField(
        _("stage"),
        max_length=24,
        choices=DisputeStage.choices,
        default=DisputeStage.REGISTRATION,
    )
    filed_on = models.DateField(_("filed with the Komisi on"))
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    respondent_representatives = models.TextField(
        _("representatives of the body (termohon)"), blank=True
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=DisputeOutcome.choices, blank=True
    )
    outcome_on = models.DateField(_("decided on"), null=True, blank=True)
    outcome_summary = models.TextField(_("what was decided"), blank=True)
    execution = models.TextField(_("how the decision was carried out"), blank=True)
    court_outcome = models.TextField(_("outcome in court"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("information dispute")
        verbose_name_plural = _("information disputes")
        ordering = ["-filed_on", "-pk"]
        indexes = [
            models.Index(fields=["stage"], name="dispute_stage_idx"),
            models.Index(fields=["-filed_on"], name="dispute_filed_idx"),
            models.Index(fields=["unit", "stage"], name="dispute_unit_stage_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(stage__in=DisputeStage.values), name="dispute_stage_valid"
            ),
            models.CheckConstraint(
                condition=Q(commission_level__in=CommissionLevel.values),
                name="dispute_commission_level_valid",
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=[*DisputeOutcome.values, ""]),
                name="dispute_outcome_valid",
            ),
            models.CheckConstraint(
                condition=Q(objection__isnull=False) | Q(request__isnull=False),
                name="dispute_linked_case",
            ),
        ]

    def __str__(self):
        return self.register_number


class DisputeEvent(models.Model):
    """A dated step of a dispute: a stage reached or a hearing."""

    class Kind(models.TextChoices):
        STAGE = "stage", _("Stage reached")
        HEARING = "hearing", _("Hearing")

    dispute = models.ForeignKey(
        Dispute, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    stage = models.CharField(_("stage"), max_length=24, choices=DisputeStage.choices)
    date = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("dispute event")
        verbose_name_plural = _("dispute events")
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["dispute", "date"], name="dispute_event_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["stage", "hearing"]),
                name="dispute_event_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(stage__in=DisputeStage.values),
                name="dispute_event_stage_valid",
            ),
        ]

    def __str__(self):
        return f"{self.date} {self.get_kind_display()}: {self.get_stage_display()}"
