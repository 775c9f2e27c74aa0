from simple_history.models import HistoricalRecords

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.events import render_text
from apps.core.scope import cases_visible_to


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class StatusChangeQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )

    def visible_to(self, user):
        """The rows of the cases `user` sees (apps.core.scope)."""
        return cases_visible_to(self, user)


class EventKind(models.TextChoices):
    TRANSITION = "transition", _("Status change")
    ASSIGNMENT = "assignment", _("Assignment")
    DUE_DATE = "due_date", _("Due date changed")
    DOCUMENT = "document", _("Document given")
    HEARING = "hearing", _("Hearing")
    OUTCOME = "outcome", _("Outcome recorded")
    LAPOR = "lapor", _("SP4N LAPOR! data")
    NOTE = "note", _("Note")


class StatusChange(models.Model):
    """One event of any case: its transitions and what else happened to it (the
    audit trail the law expects). The text is rendered when displayed, in the
    reader's language, from `message` (an English msgid) and `data`; `note` is
    what a person wrote and is shown as written.

    Written only by services (apps.core.workflow.record_transition).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=EventKind.choices,
        default=EventKind.TRANSITION,
    )
    from_status = models.CharField(_("from"), max_length=40, blank=True)
    to_status = models.CharField(_("to"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.CharField(_("message"), max_length=200, blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)
    # Shown on public status pages; a note with personal data is kept internal.
    is_public = models.BooleanField(_("shown to the applicant"), default=True)
    created_at = models.DateTimeField(_("time"), db_index=True)

    objects = StatusChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "created_at"],
                name="core_statuschange_case_idx",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=EventKind.values),
                name="core_statuschange_kind_valid",
            )
        ]

    def __str__(self):
        return f"{self.from_status or '∅'} → {self.to_status}"

    @property
    def text(self) -> str:
        """The event in the active language, then the note as written."""
        return render_text(self)


class NonWorkingDay(TimeStampedModel):
    """An officer's correction of the holiday calendar; it wins over `holidays`."""

    class Kind(models.TextChoices):
        CLOSED = "closed", _("Closed (regional holiday or closure)")
        WORKING = "working", _("Working day after all")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.CLOSED
    )
    name = models.CharField(_("name or reason"), max_length=200)
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=200,
        blank=True,
        help_text=_("E.g. the decree of the Bupati or the SKB of ministers."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("calendar correction")
        verbose_name_plural = _("calendar corrections")
        ordering = ["-date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["closed", "working"]),
                name="core_nonworkingday_kind_valid",
            )
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"


class DeadlineRecount(models.Model):
    """One recount of every open deadline after calendar corrections, run by the
    task layer in batches (apps.core.deadlines). `progress` holds, per case kind,
    the last primary key done, so a run stopped midway is completed by the next
    run of the task; a correction made while a run is unfinished restarts it."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Recomputing")
        DONE = "done", _("Done")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    reason = models.TextField(_("calendar corrections"))
    # Bumped when a further correction restarts the run: a worker holding a
    # calendar of an earlier generation reloads it.
    generation = models.PositiveIntegerField(default=1)
    # {case kind: {"after": last pk done, "done": n, "changed": n, "finished": bool}}
    progress = models.JSONField(default=dict, blank=True)
    total = models.PositiveIntegerField(_("open cases"), default=0)
    done = models.PositiveIntegerField(_("cases recounted"), default=0)
    changed = models.PositiveIntegerField(_("deadlines changed"), default=0)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    # When a worker took its first batch; None: still waiting for the worker.
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last progress"), auto_now=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("deadline recount")
        verbose_name_plural = _("deadline recounts")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["running", "done"]),
                name="core_deadlinerecount_status_valid",
            ),
            # At most one unfinished run: a new correction restarts it instead.
            models.UniqueConstraint(
                fields=["status"],
                condition=Q(status="running"),
                name="core_deadlinerecount_one_unfinished",
            ),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_status_display()}"

    @property
    def is_finished(self) -> bool:
        return self.status == self.Status.DONE


class BodyProfile(TimeStampedModel):
    """The public body running the portal (singleton: the row with pk=1)."""

    name = models.CharField(
        _("name of the body"), max_length=200, default="Pemerintah Kabupaten"
    )
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    ppid_name = models.CharField(
        _("name of the PPID"),
        max_length=200,
        default="PPID",
        help_text=_("E.g. PPID Kabupaten Kutai Timur."),
    )
    region = models.CharField(_("region"), max_length=120, blank=True)
    city = models.CharField(
        _("city of the seat"),
        max_length=100,
        blank=True,
        help_text=_("The place line of letters, e.g. Sangatta."),
    )
    logo = models.ImageField(_("logo"), upload_to="profile/", blank=True)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    whatsapp = models.CharField(_("WhatsApp"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    office_hours = models.TextField(
        _("office hours"),
        blank=True,
        help_text=_("One line per day group, e.g. 'Senin–Kamis 07.30–16.00 WITA'."),
    )
    instagram = models.CharField(_("Instagram"), max_length=100, blank=True)
    facebook = models.CharField(_("Facebook"), max_length=100, blank=True)
    x_account = models.CharField(_("X (Twitter)"), max_length=100, blank=True)
    youtube = models.CharField(_("YouTube"), max_length=100, blank=True)
    ppid_decree_number = models.CharField(
        _("PPID decree number"), max_length=120, blank=True
    )
    ppid_decree_date = models.DateField(_("PPID decree date"), null=True, blank=True)
    maklumat = models.TextField(_("maklumat pelayanan"), blank=True)
    head_of_ppid = models.CharField(
        _("name of the PPID Utama"), max_length=120, blank=True
    )
    head_of_ppid_nip = models.CharField(
        _("NIP of the PPID Utama"), max_length=30, blank=True
    )
    superior_name = models.CharField(
        _("name of the Atasan PPID"), max_length=120, blank=True
    )
    superior_position = models.CharField(
        _("position of the Atasan PPID"), max_length=120, blank=True
    )
    request_number_prefix = models.SlugField(
        _("prefix of request numbers"), max_length=20, default="REQ"
    )
    objection_number_prefix = models.SlugField(
        _("prefix of objection numbers"), max_length=20, default="OBJ"
    )
    complaint_number_prefix = models.SlugField(
        _("prefix of complaint numbers"), max_length=20, default="CMP"
    )

    history = HistoricalRecords()

    CACHE_KEY = "core:body-profile"

    class Meta:
        verbose_name = _("body profile")
        verbose_name_plural = _("body profile")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="core_bodyprofile_singleton")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        if self._state.adding:
            # A second instance overwrites the singleton row, keeping its creation time.
            created = (
                type(self)
                .objects.filter(pk=1)
                .values_list("created_at", flat=True)
                .first()
            )
            if created:
                self.created_at = created
                self._state.adding = False
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)

    @classmethod
    def load(cls) -> "BodyProfile":
        profile = cache.get(cls.CACHE_KEY)
        if profile is None:
            profile, _created = cls.objects.get_or_create(pk=1)
            cache.set(cls.CACHE_KEY, profile, 300)
        return profile


class NumberSequence(models.Model):
    """The last number given per kind of case and year (DECISIONS.md, "Numbers").

    Only apps.core.numbering.next_number touches it, under a row lock.
    """

    kind = models.CharField(_("kind"), max_length=20)
    year = models.PositiveIntegerField(_("year"))
    last_value = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number sequence")
        verbose_name_plural = _("number sequences")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "year"], name="core_numbersequence_uniq"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.year}: {self.last_value}"


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed (will be retried)")
    GAVE_UP = "gave_up", _("Failed (no more retries)")
    NOT_SENT = "not_sent", _("Not sent (channel off)")


class RecipientKind(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    OFFICER = "officer", _("Officer")


class DeliveryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The deliveries of the cases `user` sees; reminders (no case) only to an
        officer of all units."""
        return cases_visible_to(self, user)

    def due_for_retry(self, now):
        return self.filter(status=DeliveryStatus.FAILED, next_attempt_at__lte=now)


class Delivery(models.Model):
    """One message of the notification pipeline to one recipient on one channel
    (apps.core.notify): what was sent, to whom (masked; the address itself is
    never stored), and how it went. Re-sent from here when it failed."""

    notice = models.CharField(_("notice"), max_length=60)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    case = GenericForeignKey("content_type", "object_id")
    event = models.ForeignKey(
        StatusChange,
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    recipient_kind = models.CharField(
        _("recipient"), max_length=10, choices=RecipientKind
    )
    channel = models.CharField(_("channel"), max_length=16)
    # sha256 of the normalised address: finds the recipient again for a retry.
    address_hash = models.CharField(_("address hash"), max_length=64)
    address_masked = models.CharField(_("address"), max_length=120)
    language = models.CharField(_("language"), max_length=8)
    # The reminder's day, when the notice is a reminder (one per recipient a day).
    reminder_date = models.DateField(_("reminder of"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DeliveryStatus,
        default=DeliveryStatus.QUEUED,
    )
    provider_id = models.CharField(_("provider's id"), max_length=255, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "created_at"],
                name="core_delivery_case_idx",
            ),
            models.Index(
                fields=["status", "next_attempt_at"], name="core_delivery_retry_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=DeliveryStatus.values),
                name="core_delivery_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(recipient_kind__in=RecipientKind.values),
                name="core_delivery_recipient_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(content_type__isnull=True, object_id__isnull=True)
                | Q(content_type__isnull=False, object_id__isnull=False),
                name="core_delivery_case_whole",
            ),
        ]

    def __str__(self):
        return f"{self.notice} → {self.address_masked} ({self.status})"
