"""Complaints (pengaduan) about public services and the information service.

Workflow (SP4N LAPOR! practice, ppid-regulation.md section 11): received →
verified or rejected → forwarded to the unit → followed up → resolved, with one
reopen. The transition table is in apps/complaints/workflow.py, the steps in
services.py.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.applicants import ReporterIdentity, reporter_constraints
from apps.core.files import EncryptedPrivateStorage
from apps.core.intake import Channel, Language
from apps.core.models import TimeStampedModel

attachment_storage = EncryptedPrivateStorage("complaints")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")
    FORWARDED = "forwarded", _("Forwarded to the unit")
    FOLLOWED_UP = "followed_up", _("Followed up by the unit")
    RESOLVED = "resolved", _("Resolved")
    CONVERTED = "converted", _("Converted into an information request")


OPEN_STATUSES = (
    Status.RECEIVED,
    Status.VERIFIED,
    Status.FORWARDED,
    Status.FOLLOWED_UP,
)


class Classification(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint about a public service")
    ASPIRATION = "aspiration", _("Aspiration or suggestion")
    INFORMATION_REQUEST = "information_request", _("Request for information")
    WHISTLEBLOWING = "whistleblowing", _("Whistle-blowing on abuse of authority")


class RejectionReason(models.TextChoices):
    NOT_A_COMPLAINT = "not_a_complaint", _("Not a complaint")
    OUT_OF_AUTHORITY = "out_of_authority", _("Outside our authority")


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("Satisfied")
    NOT_SATISFIED = "not_satisfied", _("Not satisfied")


class ComplaintQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: dt.date):
        return self.open().filter(due_date__lt=today)

    def due_by(self, day: dt.date):
        return self.open().filter(due_date__lte=day)

    def publicly_listed(self):
        return self.filter(status=Status.RESOLVED, is_confidential=False).exclude(
            follow_up=""
        )


class Complaint(ReporterIdentity, TimeStampedModel):
    number = models.CharField(_("tracking number"), max_length=40, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    classification = models.CharField(
        _("classification"),
        max_length=30,
        choices=Classification.choices,
        default=Classification.COMPLAINT,
    )
    # The reporter (ReporterIdentity): all blank for an anonymous one (a
    # constraint enforces it).
    secret_code_hash = models.CharField(max_length=64, blank=True, editable=False)

    unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("unit concerned"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
        help_text=_("Empty when the reporter does not know the unit."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    event_date = models.DateField(_("date of the event"), null=True, blank=True)
    event_place = models.CharField(_("place of the event"), max_length=255, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal(-180)),
            MaxValueValidator(Decimal(180)),
        ],
    )

    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.WEB
    )
    # The language the applicant hears in (apps.core.intake.applicant_language).
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=Language.choices,
        default=Language.INDONESIAN,
    )
    received_at = models.DateTimeField(_("received at"), db_index=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Idempotency key of the submission: a resent form or API call finds it again.
    submission_key = models.CharField(
        max_length=80, unique=True, null=True, blank=True, editable=False
    )

    # Deadlines (working days, apps.core.periods); due_date is the current one.
    verification_due = models.DateField(_("verify and forward by"))
    follow_up_due = models.DateField(_("follow up by"), null=True, blank=True)
    due_date = models.DateField(_("current due date"), null=True, blank=True)

    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    rejected_at = models.DateTimeField(_("rejected at"), null=True, blank=True)
    rejection_reason = models.CharField(
        _("reason for rejection"),
        max_length=20,
        choices=RejectionReason.choices,
        blank=True,
    )
    rejection_note = models.TextField(_("explanation of the rejection"), blank=True)
    belongs_to = models.CharField(
        _("where it belongs"),
        max_length=255,
        blank=True,
        help_text=_("The body or channel that can handle it."),
    )
    forwarded_at = models.DateTimeField(_("forwarded at"), null=True, blank=True)
    disposition_note = models.TextField(_("disposition"), blank=True)
    followed_up_at = models.DateTimeField(_("followed up at"), null=True, blank=True)
    follow_up = models.TextField(
        _("follow-up"),
        blank=True,
        help_text=_(
            "Shown to the reporter (and in the public listing): no personal data."
        ),
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    converted_request = models.OneToOneField(
        "info_requests.InformationRequest",
        verbose_name=_("converted into request"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="source_complaint",
    )
    satisfaction = models.CharField(
        _("reporter's satisfaction"),
        max_length=20,
        choices=Satisfaction.choices,
        blank=True,
    )
    reopen_count = models.PositiveSmallIntegerField(_("times reopened"), default=0)
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)

    # SP4N LAPOR!: recorded by hand (its agency interface is not public).
    lapor_tracking_id = models.CharField(
        _("LAPOR! tracking ID"), max_length=40, blank=True, db_index=True
    )
    lapor_url = models.URLField(_("LAPOR! link"), blank=True)
    forwarded_to_lapor = models.BooleanField(_("forwarded to LAPOR!"), default=False)
    received_from_lapor = models.BooleanField(_("received from LAPOR!"), default=False)
    lapor_status = models.CharField(_("LAPOR! status"), max_length=100, blank=True)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_at", "-pk"]
        permissions = [
            ("verify_complaint", _("Can verify or reject complaints")),
            ("forward_complaint", _("Can forward complaints to a unit")),
            ("follow_up_complaint", _("Can record a unit's follow-up")),
            ("resolve_complaint", _("Can resolve and reopen complaints")),
            ("record_lapor_complaint", _("Can record SP4N LAPOR! data")),
            ("export_complaint", _("Can export complaints")),
        ]
        indexes = [
            models.Index(
                fields=["status", "due_date"], name="complaint_status_due_idx"
            ),
            models.Index(fields=["unit", "status"], name="complaint_unit_status_idx"),
            models.Index(fields=["classification"], name="complaint_class_idx"),
            models.Index(fields=["channel"], name="complaint_channel_idx"),
            models.Index(fields=["is_confidential"], name="complaint_confid_idx"),
            models.Index(fields=["is_anonymous"], name="complaint_anon_idx"),
            models.Index(
                fields=["forwarded_to_lapor", "received_from_lapor"],
                name="complaint_lapor_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="complaint_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(classification__in=Classification.values),
                name="complaint_classification_valid",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="complaint_channel_valid"
            ),
            models.CheckConstraint(
                condition=Q(language__in=Language.values),
                name="complaint_language_valid",
            ),
            models.CheckConstraint(
                condition=Q(rejection_reason__in=["", *RejectionReason.values]),
                name="complaint_rejection_reason_valid",
            ),
            models.CheckConstraint(
                condition=Q(satisfaction__in=["", *Satisfaction.values]),
                name="complaint_satisfaction_valid",
            ),
            models.CheckConstraint(
                condition=Q(reopen_count__lte=1), name="complaint_reopen_once"
            ),
            *reporter_constraints("complaint"),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="complaint_rejection_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_absolute_url(self):
        return reverse("admin:complaints_complaint_change", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: dt.date) -> bool:
        return self.is_open and self.due_date is not None and self.due_date < today


class ComplaintAttachment(TimeStampedModel):
    """Evidence (images, PDF): content-checked, encrypted at rest, never public."""

    complaint = models.ForeignKey(
        Complaint,
        verbose_name=_("complaint"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(
        _("file"), storage=attachment_storage, upload_to="%Y/%m/", max_length=255
    )
    original_name = models.CharField(_("file name"), max_length=255)
    mimetype = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.original_name


class LaporStatusUpdate(models.Model):
    """A LAPOR! status change an officer read on lapor.go.id and recorded here."""

    complaint = models.ForeignKey(
        Complaint,
        verbose_name=_("complaint"),
        on_delete=models.CASCADE,
        related_name="lapor_updates",
    )
    status = models.CharField(_("LAPOR! status"), max_length=100)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("LAPOR! status update")
        verbose_name_plural = _("LAPOR! status updates")
        ordering = ["recorded_at", "pk"]

    def __str__(self):
        return f"{self.complaint.number}: {self.status}"


class ComplaintSettings(TimeStampedModel):
    """Settings of the complaint service (singleton: the row with pk=1)."""

    public_listing = models.BooleanField(
        _("publish resolved complaints"),
        default=False,
        help_text=_(
            "List resolved, non-confidential complaints with their follow-up on "
            "the public site (never with the reporter's identity)."
        ),
    )
    reopen_window_days = models.PositiveSmallIntegerField(
        _("reopen window (working days)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("A resolved complaint may be reopened once within this period."),
    )

    CACHE_KEY = "complaints:settings"

    class Meta:
        verbose_name = _("complaint settings")
        verbose_name_plural = _("complaint settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(pk=1), name="complaints_settings_singleton"
            )
        ]

    def __str__(self):
        return str(_("Complaint settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)

    @classmethod
    def load(cls) -> ComplaintSettings:
        current = cache.get(cls.CACHE_KEY)
        if current is None:
            current, _created = cls.objects.get_or_create(pk=1)
            cache.set(cls.CACHE_KEY, current, 300)
        return current
