"""The disclosure log: answered requests published without the applicant's
identity, their redacted documents, the redaction log, and OCR of register
documents (issue 16)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from apps.core.files import EncryptedPrivateStorage, PrivateStorage
from apps.core.models import TimeStampedModel
from apps.core.periods import PASAL_17
from apps.info_requests.models import NoticeDecision

# Redacted copies are public once their answer is published: plain private storage
# (served by a checking view). Originals never leave info_requests' encrypted one.
published_storage = PrivateStorage("disclosure")
# OCR output of register documents: same privacy as the register's own files.
ocr_storage = PrivateStorage("registers-ocr")
# The redaction log keeps what was removed: personal by nature, encrypted.
redaction_storage = EncryptedPrivateStorage("disclosure")

PERSONAL_DATA = "pdp"
# The reason of one redacted area: a Pasal 17 letter, or personal data protected
# by UU 27/2022 (Pelindungan Data Pribadi) read with UU 14/2008 Pasal 17 huruf h.
REASON_CHOICES = [
    *PASAL_17.items(),
    (PERSONAL_DATA, _("personal data (UU 27/2022)")),
]
REASON_CODES = tuple(code for code, _label in REASON_CHOICES)


def reason_label(code: str) -> str:
    """The label printed on the redacted page: official, always Indonesian."""
    if code == PERSONAL_DATA:
        return "Data pribadi (UU 27/2022)"
    return f"UU 14/2008 Ps. 17 huruf {code}"


def _random_name(instance, filename):
    import secrets

    from django.utils import timezone

    return f"{timezone.now():%Y/%m}/{secrets.token_hex(16)}"


class PublishedAnswerQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublishedAnswer.Status.PUBLISHED)


class PublishedAnswer(TimeStampedModel):
    """One answered request in the public log: the question and the written
    notice as the officer redacted them, and the documents given (redacted)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    request = models.OneToOneField(
        "info_requests.InformationRequest",
        verbose_name=_("request"),
        on_delete=models.PROTECT,
        related_name="published_answer",
    )
    unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="published_answers",
    )
    title = models.CharField(_("title"), max_length=300)
    question = models.TextField(
        _("information requested (as published)"),
        help_text=_("Without the applicant's name or any other personal data."),
    )
    answer = models.TextField(
        _("answer (as published)"),
        blank=True,
        help_text=_("The written notice in short: what was given, or why not."),
    )
    decision = models.CharField(
        _("decision"), max_length=16, choices=NoticeDecision.choices, editable=False
    )
    received_on = models.DateField(_("received on"), editable=False)
    decided_on = models.DateField(_("written notice issued on"), editable=False)
    status = models.CharField(
        _("status"),
        max_length=12,
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
    unpublished_at = models.DateTimeField(
        _("unpublished at"), null=True, editable=False
    )
    unpublish_reason = models.TextField(
        _("reason for unpublishing"), blank=True, editable=False
    )
    # Question, answer and the documents' text, for search (kept by the services).
    search_text = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = PublishedAnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("published answer")
        verbose_name_plural = _("published answers (disclosure log)")
        ordering = ["-published_at", "-decided_on", "-pk"]
        permissions = [
            ("publish_publishedanswer", _("Can publish and unpublish answers")),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="disclosure_pub_idx"),
            models.Index(fields=["unit", "status"], name="disclosure_unit_idx"),
            GinIndex(fields=["search_vector"], name="disclosure_fts_idx"),
            GinIndex(
                fields=["title"],
                opclasses=["gin_trgm_ops"],
                name="disclosure_title_trgm_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published", "unpublished"]),
                name="disclosure_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(decision__in=NoticeDecision.values),
                name="disclosure_decision_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="disclosure_published_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status="unpublished") | ~Q(unpublish_reason=""),
                name="disclosure_unpublished_has_reason",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "disclosure:detail",
            kwargs={"pk": self.pk, "slug": slugify(self.title)[:60] or "jawaban"},
        )

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class PublishedDocument(TimeStampedModel):
    """A redacted copy of the written notice or of a document given."""

    class Source(models.TextChoices):
        NOTICE = "notice", _("Written notice")
        DOCUMENT = "document", _("Document given")

    answer = models.ForeignKey(
        PublishedAnswer,
        verbose_name=_("published answer"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=300)
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, editable=False
    )
    source_document = models.ForeignKey(
        "info_requests.RequestDocument",
        verbose_name=_("document given"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    file = models.FileField(
        _("redacted file"),
        storage=published_storage,
        upload_to=_random_name,
        max_length=200,
        editable=False,
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, editable=False)
    page_count = models.PositiveIntegerField(_("pages"), default=0, editable=False)
    extracted_text = models.TextField(_("text"), blank=True, editable=False)
    download_count = models.PositiveIntegerField(
        _("downloads"), default=0, editable=False
    )

    class Meta:
        verbose_name = _("published document")
        verbose_name_plural = _("published documents")
        ordering = ["answer", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(source__in=["notice", "document"]),
                name="disclosure_document_source_valid",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def filename(self) -> str:
        return f"{slugify(self.title)[:80] or 'dokumen'}.pdf"

    def get_download_url(self):
        return reverse("disclosure:download", kwargs={"pk": self.pk})


class Redaction(models.Model):
    """The log of one redaction: who removed what from which file, and why.

    `areas` is [{"page": n, "rect": [x0, y0, x1, y1], "reason": code}] (points,
    page 0 first); the strings removed are kept encrypted in `removed`."""

    document = models.ForeignKey(
        PublishedDocument,
        verbose_name=_("published document"),
        on_delete=models.CASCADE,
        related_name="redactions",
    )
    areas = models.JSONField(_("areas"), default=list)
    reasons = models.CharField(_("reasons"), max_length=200)
    removed = models.FileField(
        _("what was removed"),
        storage=redaction_storage,
        upload_to=_random_name,
        max_length=200,
        blank=True,
        editable=False,
    )
    source_sha256 = models.CharField(_("SHA-256 of the original"), max_length=64)
    result_sha256 = models.CharField(_("SHA-256 of the redacted file"), max_length=64)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("time"), db_index=True)

    class Meta:
        verbose_name = _("redaction")
        verbose_name_plural = _("redaction log")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.document} ({len(self.areas)})"


class OcrJob(TimeStampedModel):
    """OCR of one scanned register document (OCRmyPDF with tesseract's Indonesian
    data): the text goes to the document's extracted text, so search finds it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        UNAVAILABLE = "unavailable", _("OCR not installed")

    document = models.OneToOneField(
        "registers.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="ocr",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.QUEUED,
        editable=False,
    )
    text = models.TextField(_("recognised text"), blank=True, editable=False)
    searchable_pdf = models.FileField(
        _("PDF with text layer"),
        storage=ocr_storage,
        upload_to=_random_name,
        max_length=200,
        blank=True,
        editable=False,
    )
    error = models.TextField(_("error"), blank=True, editable=False)
    finished_at = models.DateTimeField(_("finished at"), null=True, editable=False)

    class Meta:
        verbose_name = _("OCR job")
        verbose_name_plural = _("OCR of scanned documents")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["queued", "done", "failed", "unavailable"]),
                name="disclosure_ocr_status_valid",
            ),
        ]

    def __str__(self):
        return str(self.document)
