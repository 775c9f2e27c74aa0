"""Daftar Informasi Publik (DIP), its documents, the exempt register (DIK) with
consequence tests, and serta-merta announcements (spec sections 2 and 3)."""

from __future__ import annotations

import datetime as dt

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from apps.core.files import EncryptedPrivateStorage, PrivateStorage
from apps.core.models import TimeStampedModel
from apps.core.periods import PASAL_17_LETTERS

document_storage = PrivateStorage("registers")
# Minutes of a consequence test are never public: encrypted at rest, same folder.
minutes_storage = EncryptedPrivateStorage("registers")


class Category(models.TextChoices):
    """UU KIP Pasal 9, 10, 11; exempt information has its own register."""

    BERKALA = "berkala", _("Periodic (berkala)")
    SERTA_MERTA = "serta_merta", _("Immediate (serta merta)")
    SETIAP_SAAT = "setiap_saat", _("Available at any time (setiap saat)")


class Format(models.TextChoices):
    SOFTCOPY = "softcopy", _("Softcopy / online")
    HARDCOPY = "hardcopy", _("Hardcopy / printed")
    RECORDING = "recording", _("Recording")


class InformationItemQuerySet(models.QuerySet):
    def published(self):
        """Published and not covered by an active exemption: what the public sees."""
        active_exemption = ExemptInformation.objects.filter(
            item=OuterRef("pk"), status=ExemptInformation.Status.ACTIVE
        )
        return self.filter(status=InformationItem.Status.PUBLISHED).exclude(
            Exists(active_exemption)
        )

    def stale(self, today: dt.date):
        """Periodic items whose refresh date has passed (UU KIP Pasal 9(4))."""
        return self.filter(
            category=Category.BERKALA,
            status=InformationItem.Status.PUBLISHED,
            refresh_due__lt=today,
        )


class InformationItem(TimeStampedModel):
    """One row of the Daftar Informasi Publik (Perki 2010 Lampiran II columns)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class UpdateCycle(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        SEMIANNUAL = "semiannual", _("Every six months")

    CYCLE_MONTHS = {"monthly": 1, "quarterly": 3, "semiannual": 6}

    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary of content"), blank=True)
    unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("unit holding the information"),
        on_delete=models.PROTECT,
        related_name="information_items",
    )
    responsible_official = models.CharField(
        _("official responsible for producing it"), max_length=200, blank=True
    )
    production_time_place = models.CharField(
        _("time and place of production"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'Januari 2025, Sangatta'."),
    )
    format_softcopy = models.BooleanField(_("softcopy / online"), default=True)
    format_hardcopy = models.BooleanField(_("hardcopy / printed"), default=False)
    format_recording = models.BooleanField(_("recording"), default=False)
    retention_period = models.CharField(
        _("retention period"),
        max_length=120,
        blank=True,
        help_text=_("E.g. '5 tahun', 'selama berlaku', 'permanen'."),
    )
    media = models.CharField(
        _("media"),
        max_length=200,
        blank=True,
        help_text=_("E.g. website, notice board, social media."),
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    dip_decree_number = models.CharField(
        _("number of the DIP decree"), max_length=120, blank=True
    )
    dip_decree_date = models.DateField(
        _("date of the DIP decree"), null=True, blank=True
    )
    tags = models.CharField(
        _("tags"), max_length=300, blank=True, help_text=_("Separated by commas.")
    )
    update_cycle = models.CharField(
        _("update cycle"), max_length=12, choices=UpdateCycle.choices, blank=True
    )
    last_refreshed_on = models.DateField(_("last refreshed on"), null=True, blank=True)
    refresh_due = models.DateField(
        _("refresh due by"), null=True, blank=True, db_index=True
    )

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        editable=False,
    )
    published_at = models.DateTimeField(_("published at"), null=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, editable=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawal_reason = models.TextField(
        _("reason for withdrawal"), blank=True, editable=False
    )
    # Text of the documents, kept by the services for search.
    document_text = models.TextField(
        _("text of the documents"), blank=True, editable=False
    )
    # PostgreSQL only (filled by services.refresh_search_vector); null on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search_vector", "document_text"])
    objects = InformationItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("information item")
        verbose_name_plural = _("information items")
        ordering = ["-published_at", "-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["status", "-published_at"], name="registers_item_pub_idx"
            ),
            models.Index(fields=["category", "status"], name="registers_item_cat_idx"),
            models.Index(fields=["unit", "status"], name="registers_item_unit_idx"),
            models.Index(fields=["format_softcopy"], name="registers_item_soft_idx"),
            models.Index(fields=["format_hardcopy"], name="registers_item_hard_idx"),
            models.Index(fields=["format_recording"], name="registers_item_rec_idx"),
            GinIndex(fields=["search_vector"], name="registers_item_fts_idx"),
            GinIndex(
                fields=["title"],
                opclasses=["gin_trgm_ops"],
                name="registers_item_trgm_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(category__in=["berkala", "serta_merta", "setiap_saat"]),
                name="registers_item_category_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published", "withdrawn"]),
                name="registers_item_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(
                    update_cycle__in=["", "monthly", "quarterly", "semiannual"]
                ),
                name="registers_item_cycle_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="registers_item_published_has_time",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1945) & Q(year__lte=2100),
                name="registers_item_year_range",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "registers:item",
            kwargs={"pk": self.pk, "slug": slugify(self.title)[:60] or "informasi"},
        )

    @property
    def formats(self) -> list[str]:
        return [
            value
            for value, flag in (
                (Format.SOFTCOPY, self.format_softcopy),
                (Format.HARDCOPY, self.format_hardcopy),
                (Format.RECORDING, self.format_recording),
            )
            if flag
        ]

    @property
    def format_labels(self) -> list[str]:
        return [str(Format(value).label) for value in self.formats]

    @property
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]

    def is_stale(self, today: dt.date) -> bool:
        return (
            self.category == Category.BERKALA
            and self.refresh_due is not None
            and self.refresh_due < today
        )

    def clean(self):
        from django.core.exceptions import ValidationError

        from apps.core.periods import BERKALA_REFRESH_MONTHS

        errors = {}
        if not (self.format_softcopy or self.format_hardcopy or self.format_recording):
            errors["format_softcopy"] = _("Choose at least one format.")
        if self.category == Category.BERKALA:
            if not self.refresh_due:
                errors["refresh_due"] = _(
                    "Periodic information needs the date it must be refreshed by."
                )
            elif self.last_refreshed_on and self.refresh_due > add_months(
                self.last_refreshed_on, BERKALA_REFRESH_MONTHS
            ):
                errors["refresh_due"] = _(
                    "Periodic information is refreshed at least every six months "
                    "(UU 14/2008 Pasal 9(4))."
                )
        if errors:
            raise ValidationError(errors)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    import calendar

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def document_upload_to(instance, filename):
    # A random name: the real one is kept in original_filename; nothing is guessable.
    import secrets

    return f"documents/{timezone.now():%Y/%m}/{secrets.token_hex(16)}"


class Document(TimeStampedModel):
    """An uploaded file (private storage, served by a checking view) or a link."""

    item = models.ForeignKey(
        InformationItem,
        verbose_name=_("information item"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(
        _("file"),
        storage=document_storage,
        upload_to=document_upload_to,
        max_length=200,
        blank=True,
    )
    external_url = models.URLField(_("external link"), max_length=500, blank=True)
    original_filename = models.CharField(
        _("file name"), max_length=255, blank=True, editable=False
    )
    content_type = models.CharField(
        _("content type"), max_length=120, blank=True, editable=False
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, editable=False)
    page_count = models.PositiveIntegerField(
        _("pages"), null=True, blank=True, editable=False
    )
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    download_count = models.PositiveIntegerField(
        _("downloads"), default=0, editable=False
    )

    history = HistoricalRecords(excluded_fields=["extracted_text", "download_count"])

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["item", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(external_url=""))
                | (~Q(file="") & Q(external_url="")),
                name="registers_document_file_xor_link",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_link(self) -> bool:
        return not self.file

    def get_download_url(self):
        return reverse("registers:download", kwargs={"pk": self.pk})


class ExemptInformationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=ExemptInformation.Status.ACTIVE)

    def due_for_review(self, today: dt.date):
        """Active exemptions whose dated period has ended (UU KIP Pasal 20)."""
        return self.active().filter(
            period_kind=ExemptInformation.PeriodKind.UNTIL_DATE,
            period_until__lt=today,
        )


class ExemptInformation(TimeStampedModel):
    """Daftar Informasi yang Dikecualikan: one consequence test (Perki 1/2021 Ps. 49).

    The list is public (what is exempt and why); the minutes never are.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", _("Exempt")
        LIFTED = "lifted", _("Exemption lifted")

    class PeriodKind(models.TextChoices):
        UNTIL_DATE = "until_date", _("Until a date")
        UNTIL_EVENT = "until_event", _("Until an event")
        INDEFINITE = "indefinite", _("Indefinite")

    class TestStage(models.TextChoices):
        BEFORE_REQUEST = "before_request", _("Before a request")
        ON_REQUEST = "on_request", _("On a request")
        IN_DISPUTE = "in_dispute", _("In a dispute (on order of the Komisi Informasi)")

    title = models.CharField(_("exempted information"), max_length=300)
    unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("unit holding the information"),
        on_delete=models.PROTECT,
        related_name="exemptions",
    )
    item = models.ForeignKey(
        InformationItem,
        verbose_name=_("information item it covers"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exemptions",
        help_text=_(
            "While the exemption is active, the item and its files are closed."
        ),
    )
    pasal17_letters = models.CharField(
        _("UU 14/2008 Pasal 17 letters"),
        max_length=10,
        help_text=_("One or more letters a–j, e.g. 'ah'."),
    )
    other_legal_basis = models.TextField(_("other statutory basis"), blank=True)
    reason = models.TextField(_("reason"), blank=True)
    consequence_if_opened = models.TextField(_("consequences if opened"))
    interest_if_closed = models.TextField(_("interest protected if closed"))
    period_kind = models.CharField(
        _("exemption period"), max_length=12, choices=PeriodKind.choices
    )
    period_until = models.DateField(_("exempt until"), null=True, blank=True)
    period_event = models.CharField(
        _("exempt until the event"), max_length=300, blank=True
    )
    test_stage = models.CharField(
        _("consequence test done"), max_length=16, choices=TestStage.choices
    )
    tested_on = models.DateField(_("date of the consequence test"))
    decided_by = models.CharField(_("official deciding"), max_length=200, blank=True)
    decision_number = models.CharField(_("PPID decision number"), max_length=120)
    decision_date = models.DateField(_("PPID decision date"))
    minutes_file = models.FileField(
        _("minutes (berita acara)"),
        storage=minutes_storage,
        upload_to=document_upload_to,
        max_length=200,
        blank=True,
        help_text=_("Never public: only officers of the unit can open it."),
    )
    minutes_filename = models.CharField(max_length=255, blank=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=Status.choices,
        default=Status.ACTIVE,
        editable=False,
    )
    reviewed_on = models.DateField(_("last reviewed on"), null=True, editable=False)
    lifted_at = models.DateTimeField(_("lifted at"), null=True, editable=False)

    history = HistoricalRecords()
    objects = ExemptInformationQuerySet.as_manager()

    class Meta:
        verbose_name = _("exempt information")
        verbose_name_plural = _("exempt information register")
        ordering = ["-decision_date", "-pk"]
        indexes = [
            models.Index(
                fields=["status", "period_kind", "period_until"],
                name="registers_exempt_review_idx",
            ),
            models.Index(fields=["unit", "status"], name="registers_exempt_unit_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["active", "lifted"]),
                name="registers_exempt_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(
                    period_kind__in=["until_date", "until_event", "indefinite"]
                ),
                name="registers_exempt_period_valid",
            ),
            models.CheckConstraint(
                condition=Q(
                    test_stage__in=["before_request", "on_request", "in_dispute"]
                ),
                name="registers_exempt_stage_valid",
            ),
            models.CheckConstraint(
                condition=Q(pasal17_letters__regex=r"^a?b?c?d?e?f?g?h?i?j?$")
                & ~Q(pasal17_letters=""),
                name="registers_exempt_letters_valid",
            ),
            models.CheckConstraint(
                condition=~Q(period_kind="until_date") | Q(period_until__isnull=False),
                name="registers_exempt_date_needs_date",
            ),
            models.CheckConstraint(
                condition=~Q(period_kind="until_event") | ~Q(period_event=""),
                name="registers_exempt_event_needs_event",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def letters(self) -> list[str]:
        return list(self.pasal17_letters)

    @property
    def legal_basis_display(self) -> str:
        letters = ", ".join(self.letters)
        text = _("UU 14/2008 Pasal 17 letter %(letters)s") % {"letters": letters}
        if self.other_legal_basis:
            text = f"{text}; {self.other_legal_basis}"
        return text

    @property
    def period_display(self) -> str:
        if self.period_kind == self.PeriodKind.UNTIL_DATE and self.period_until:
            return _("until %(date)s") % {
                "date": self.period_until.strftime("%d-%m-%Y")
            }
        if self.period_kind == self.PeriodKind.UNTIL_EVENT:
            return _("until %(event)s") % {"event": self.period_event}
        return str(self.PeriodKind.INDEFINITE.label)

    def needs_review(self, today: dt.date) -> bool:
        return (
            self.status == self.Status.ACTIVE
            and self.period_kind == self.PeriodKind.UNTIL_DATE
            and self.period_until is not None
            and self.period_until < today
        )

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        letters = self.pasal17_letters or ""
        if not letters or set(letters) - set(PASAL_17_LETTERS):
            errors["pasal17_letters"] = _("Choose one or more letters a–j.")
        else:
            self.pasal17_letters = "".join(sorted(set(letters)))
        if self.period_kind == self.PeriodKind.UNTIL_DATE and not self.period_until:
            errors["period_until"] = _("Give the date the exemption ends.")
        if self.period_kind == self.PeriodKind.UNTIL_EVENT and not self.period_event:
            errors["period_event"] = _("Name the event that ends the exemption.")
        if self.item_id and self.item.unit_id != self.unit_id:
            errors["item"] = _("The item belongs to another unit.")
        if errors:
            raise ValidationError(errors)


class AnnouncementQuerySet(models.QuerySet):
    def active(self, now: dt.datetime):
        return self.filter(
            starts_at__lte=now,
            ends_at__gt=now,
            item__status=InformationItem.Status.PUBLISHED,
        )


class Announcement(TimeStampedModel):
    """A serta-merta item pinned to the home page for a time (UU KIP Pasal 10)."""

    class Severity(models.TextChoices):
        INFO = "info", _("Information")
        WARNING = "warning", _("Warning")
        DANGER = "danger", _("Emergency")

    item = models.ForeignKey(
        InformationItem,
        verbose_name=_("serta-merta item"),
        on_delete=models.CASCADE,
        related_name="announcements",
        limit_choices_to={"category": Category.SERTA_MERTA},
    )
    message = models.CharField(_("message on the home page"), max_length=300)
    severity = models.CharField(
        _("severity"), max_length=8, choices=Severity.choices, default=Severity.WARNING
    )
    starts_at = models.DateTimeField(_("shown from"))
    ends_at = models.DateTimeField(_("shown until"))

    history = HistoricalRecords()
    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        verbose_name = _("serta-merta announcement")
        verbose_name_plural = _("serta-merta announcements")
        ordering = ["-starts_at"]
        indexes = [
            models.Index(fields=["starts_at", "ends_at"], name="registers_ann_time_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(severity__in=["info", "warning", "danger"]),
                name="registers_ann_severity_valid",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="registers_ann_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.message

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.item_id and self.item.category != Category.SERTA_MERTA:
            errors["item"] = _("Only serta-merta information can be announced.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must be after the start.")
        if errors:
            raise ValidationError(errors)
