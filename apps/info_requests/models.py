"""Information requests (permohonan informasi): UU 14/2008 Pasal 21-22, spec §4."""

import datetime as dt

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
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

# Letters and documents given to applicants (may name them, may be personal data):
# encrypted at rest, in the same folders of PRIVATE_MEDIA_ROOT as before.
letter_storage = EncryptedPrivateStorage()


class AccessMethod(models.TextChoices):
    VIEW = "view", _("View, read, listen or take notes")
    COPY = "copy", _("Get a copy")


class CopyFormat(models.TextChoices):
    SOFTCOPY = "softcopy", _("Softcopy (electronic)")
    HARDCOPY = "hardcopy", _("Hardcopy (printed)")


class DeliveryMethod(models.TextChoices):
    PICKUP = "pickup", _("Pick up in person")
    COURIER = "courier", _("Courier")
    POST = "post", _("Post")
    FAX = "fax", _("Fax")
    EMAIL = "email", _("E-mail")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    AWAITING_COMPLETION = (
        "awaiting_completion",
        _("Awaiting the applicant's completion"),
    )
    IN_PROCESS = "in_process", _("In process")
    EXTENDED = "extended", _("Extended")
    DECIDED = "decided", _("Written notice issued")
    WITHDRAWN = "withdrawn", _("Withdrawn by the applicant")
    # The Atasan PPID upheld an objection: the PPID must release what was ordered.
    REOPENED = "reopened", _("Reopened: release ordered on objection")


OPEN_STATUSES = (
    Status.RECEIVED,
    Status.AWAITING_COMPLETION,
    Status.IN_PROCESS,
    Status.EXTENDED,
)


class InformationRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def with_effective_due(self):
        return self.annotate(effective_due=Coalesce("extended_due_date", "due_date"))

    def overdue(self, today: dt.date):
        return self.open().with_effective_due().filter(effective_due__lt=today)

    def due_soon(self, today: dt.date, horizon: dt.date):
        """Open requests due between today and `horizon` (today + 2 working days)."""
        return (
            self.open()
            .with_effective_due()
            .filter(effective_due__gte=today, effective_due__lte=horizon)
        )


# Migration 0001 names these upload paths; the fields now use apps.core.applicants'.
_identity_path = identity_document_path
_attorney_path = power_of_attorney_path


class InformationRequest(ApplicantIdentity, TimeStampedModel):
    applicant_files = "requests"

    registration_number = models.CharField(
        _("registration number"), max_length=40, unique=True
    )
    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.RECEIVED
    )

    # What is asked.
    information_requested = models.TextField(_("information requested"))
    purpose = models.TextField(_("purpose of use"))
    access_method = models.CharField(
        _("how to obtain it"), max_length=10, choices=AccessMethod.choices
    )
    copy_format = models.CharField(
        _("form of the copy"), max_length=10, choices=CopyFormat.choices, blank=True
    )
    delivery_method = models.CharField(
        _("how to receive the copy"),
        max_length=10,
        choices=DeliveryMethod.choices,
        blank=True,
    )
    # Chosen at filing: the question and the answer may go into the public
    # disclosure log (apps.disclosure), never with the applicant's identity.
    publication_consent = models.BooleanField(
        _("may be published without the applicant's identity"), default=False
    )

    # Intake.
    unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="information_requests",
    )
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

    # Deadlines (DECISIONS.md): 10 working days, once 7 more.
    due_date = models.DateField(_("due date"))
    extended_due_date = models.DateField(_("extended due date"), null=True, blank=True)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    completion_note = models.TextField(_("missing requirements"), blank=True)
    decided_at = models.DateTimeField(
        _("written notice issued at"), null=True, blank=True
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    history = HistoricalRecords(
        excluded_fields=["identity_document", "power_of_attorney"]
    )
    objects = InformationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")
        ordering = ["-received_at", "-pk"]
        permissions = [
            ("route_informationrequest", _("Can route requests to units")),
            ("decide_informationrequest", _("Can extend and decide requests")),
            ("view_identity_informationrequest", _("Can open identity documents")),
        ]
        indexes = [
            models.Index(fields=["status", "due_date"], name="inforeq_status_due_idx"),
            models.Index(fields=["unit", "status"], name="inforeq_unit_status_idx"),
            models.Index(fields=["channel"], name="inforeq_channel_idx"),
            models.Index(fields=["-received_at"], name="inforeq_received_idx"),
        ]
        constraints = [
            *applicant_constraints("inforeq"),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="inforeq_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="inforeq_channel_valid"
            ),
            models.CheckConstraint(
                condition=Q(language__in=Language.values), name="inforeq_language_valid"
            ),
            models.CheckConstraint(
                condition=Q(access_method__in=AccessMethod.values),
                name="inforeq_access_method_valid",
            ),
            models.CheckConstraint(
                condition=Q(copy_format__in=[*CopyFormat.values, ""]),
                name="inforeq_copy_format_valid",
            ),
            models.CheckConstraint(
                condition=Q(delivery_method__in=[*DeliveryMethod.values, ""]),
                name="inforeq_delivery_method_valid",
            ),
            models.CheckConstraint(
                condition=Q(extended_due_date__isnull=True)
                | Q(extended_due_date__gt=F("due_date")),
                name="inforeq_extension_after_due",
            ),
        ]

    def __str__(self):
        return self.registration_number

    def get_absolute_url(self):
        return reverse("admin:info_requests_informationrequest_change", args=[self.pk])

    def clean(self):
        errors = self.applicant_errors()

        def need(field, message):
            if not getattr(self, field):
                errors.setdefault(field, []).append(message)

        if self.access_method == AccessMethod.COPY:
            need("copy_format", _("Choose softcopy or hardcopy for the copy."))
            need("delivery_method", _("Choose how you want to receive the copy."))
        if self.received_at and self.received_at > timezone.now() + dt.timedelta(
            minutes=5
        ):
            errors.setdefault("received_at", []).append(
                _("The time of receipt cannot be in the future.")
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def effective_due_date(self) -> dt.date:
        return self.extended_due_date or self.due_date

    def is_overdue(self, today: dt.date) -> bool:
        return self.is_open and today > self.effective_due_date


class NoticeControl(models.TextChoices):
    HELD = "held", _("Held by this body")
    NOT_HELD = "not_held", _("Not held by this body")
    NOT_DOCUMENTED = "not_documented", _("Not yet documented")


class NoticeDecision(models.TextChoices):
    GRANTED = "granted", _("Granted in full")
    GRANTED_IN_PART = "granted_in_part", _("Granted in part")
    REFUSED = "refused", _("Refused")
    FORWARDED = "forwarded", _("Forwarded to the body that holds it")


class RefusalReason(models.TextChoices):
    EXEMPT = "exempt", _("Exempt information (UU 14/2008 Pasal 17)")
    NOT_HELD = "not_held", _("Not held")
    NOT_DOCUMENTED = "not_documented", _("Not yet documented")
    INCOMPLETE = "incomplete", _("Requirements not complete")


class WrittenNotice(TimeStampedModel):
    """The written notice (pemberitahuan tertulis) of UU 14/2008 Pasal 22(7)."""

    Control = NoticeControl
    Decision = NoticeDecision
    RefusalReason = RefusalReason

    request = models.OneToOneField(
        InformationRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="notice",
    )
    letter_number = models.CharField(_("letter number"), max_length=80)
    control = models.CharField(
        _("control of the information"), max_length=16, choices=Control.choices
    )
    holding_body = models.CharField(
        _("body that holds the information"), max_length=200, blank=True
    )
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices)
    refusal_reason = models.CharField(
        _("reason for refusal"),
        max_length=16,
        choices=RefusalReason.choices,
        blank=True,
    )
    exemption_letters = models.JSONField(
        _("Pasal 17 letters"), default=list, blank=True
    )
    exemption_reference = models.CharField(
        _("exempt register entry"),
        max_length=300,
        blank=True,
        help_text=_("The entry of the exempt information register the refusal cites."),
    )
    information_given = models.TextField(_("information given"), blank=True)
    form_given = models.CharField(
        _("form"), max_length=10, choices=CopyFormat.choices, blank=True
    )
    delivery_method = models.CharField(
        _("delivered by"), max_length=10, choices=DeliveryMethod.choices, blank=True
    )
    cost = models.DecimalField(
        _("copying and delivery cost (Rp)"), max_digits=12, decimal_places=0, default=0
    )
    payment_method = models.CharField(_("payment method"), max_length=200, blank=True)
    time_needed = models.CharField(
        _("time needed to provide it"), max_length=200, blank=True
    )
    redactions = models.TextField(
        _("blacked-out parts and reasons"),
        blank=True,
        help_text=_("UU 14/2008 Pasal 22(7)(e): which parts are blacked out and why."),
    )
    explanation = models.TextField(_("explanation"), blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("issued at"))
    letter = models.FileField(
        _("letter (PDF)"),
        storage=letter_storage,
        upload_to="requests/notices/",
        blank=True,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("written notice")
        verbose_name_plural = _("written notices")
        indexes = [models.Index(fields=["decision"], name="notice_decision_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(control__in=NoticeControl.values),
                name="notice_control_valid",
            ),
            models.CheckConstraint(
                condition=Q(decision__in=NoticeDecision.values),
                name="notice_decision_valid",
            ),
            models.CheckConstraint(
                condition=Q(refusal_reason__in=[*RefusalReason.values, ""]),
                name="notice_refusal_reason_valid",
            ),
            models.CheckConstraint(
                condition=~Q(decision="refused") | ~Q(refusal_reason=""),
                name="notice_refusal_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(cost__gte=0), name="notice_cost_positive"
            ),
        ]

    def __str__(self):
        return f"{self.letter_number} ({self.get_decision_display()})"

    @property
    def releases_information(self) -> bool:
        return self.decision in (self.Decision.GRANTED, self.Decision.GRANTED_IN_PART)


class RequestDocument(TimeStampedModel):
    """A file given to the applicant, downloadable through an expiring private link."""

    request = models.ForeignKey(
        InformationRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    file = models.FileField(
        _("file"),
        storage=letter_storage,
        upload_to="requests/delivered/",
        max_length=200,
    )
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    expires_at = models.DateTimeField(_("link expires at"))
    download_count = models.PositiveIntegerField(_("downloads"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("document given")
        verbose_name_plural = _("documents given")
        ordering = ["created_at"]

    def __str__(self):
        return self.filename
