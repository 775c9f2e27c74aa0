"""Official letters (tata naskah dinas): numbering rules, signing officials, and the
register of every document issued, fixed once issued and verifiable by anyone.

A letter number is separate from a case's registration number: it comes from the
numbering rule of its kind (and unit), from a sequence per rule and year
(apps.letters.numbering). An issued document keeps a snapshot of its signer and
the SHA-256 of its PDF; nothing of it changes afterwards (`IssuedDocument.save`).
"""

import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.files import EncryptedPrivateStorage
from apps.core.models import TimeStampedModel

# Letters name their addressee and case: encrypted at rest like the others.
issued_storage = EncryptedPrivateStorage("issued")

PLACEHOLDERS = ("code", "seq", "unit", "month", "year")
PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")
# What a letter number may contain besides its placeholders.
PATTERN_TEXT_RE = re.compile(r"^[A-Za-z0-9./\- ]*$")
DEFAULT_PATTERN = "{code}/{seq}/{unit}/{month}/{year}"

nip_validator = RegexValidator(
    r"^\d{18}$",
    _("A NIP has 18 digits (without spaces)."),
    code="nip",
)


class DocumentKind(models.TextChoices):
    REQUEST_RECEIPT = "request_receipt", _("Receipt of an information request")
    WRITTEN_NOTICE = "written_notice", _("Written notice")
    EXTENSION_NOTICE = "extension_notice", _("Notice of extension")
    HANDOVER = "handover", _("Minutes of handover of information")
    FEE_RECEIPT = "fee_receipt", _("Receipt of copying costs")
    DISPOSITION = "disposition", _("Disposition sheet")
    OBJECTION_RECEIPT = "objection_receipt", _("Receipt of an objection")
    OBJECTION_ANSWER = "objection_answer", _("Answer of the Atasan PPID")
    CONSEQUENCE_TEST = "consequence_test", _("Minutes of the consequence test")
    ANNUAL_REPORT = "annual_report", _("Public information service report")
    OTHER = "other", _("Other letter")


class SignerRole(models.TextChoices):
    PPID_UTAMA = "ppid_utama", _("PPID Utama")
    PPID_PELAKSANA = "ppid_pelaksana", _("PPID Pelaksana of a unit")
    ATASAN_PPID = "atasan_ppid", _("Atasan PPID")


def validate_pattern(pattern: str) -> None:
    names = PLACEHOLDER_RE.findall(pattern)
    unknown = sorted(set(names) - set(PLACEHOLDERS))
    if unknown:
        raise ValidationError(
            _("Unknown part %(parts)s. Use: %(known)s.")
            % {
                "parts": ", ".join("{" + n + "}" for n in unknown),
                "known": ", ".join("{" + n + "}" for n in PLACEHOLDERS),
            },
            code="unknown_placeholder",
        )
    if names.count("seq") != 1:
        raise ValidationError(
            _("The pattern must contain {seq} (the sequence number) exactly once."),
            code="no_sequence",
        )
    if not PATTERN_TEXT_RE.match(PLACEHOLDER_RE.sub("", pattern)):
        raise ValidationError(
            _(
                "Besides its parts, a pattern may hold letters, digits, / . - "
                "and spaces."
            ),
            code="pattern_text",
        )


class NumberingRule(TimeStampedModel):
    """How the letters of one kind are numbered, body-wide or for one unit."""

    kind = models.CharField(_("document kind"), max_length=30, choices=DocumentKind)
    unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="numbering_rules",
        help_text=_("Empty: the rule of the whole body."),
    )
    pattern = models.CharField(
        _("pattern"),
        max_length=120,
        default=DEFAULT_PATTERN,
        validators=[validate_pattern],
        help_text=_(
            "Parts: {code} classification code, {seq} sequence number, {unit} unit "
            "code, {month} month in Roman numerals, {year} year. "
            "E.g. {code}/{seq}/{unit}/{month}/{year}."
        ),
    )
    classification_code = models.CharField(
        _("classification code"),
        max_length=30,
        blank=True,
        validators=[RegexValidator(r"^[A-Za-z0-9.\-]*$")],
        help_text=_("The archive classification code of the kind, e.g. 045.2."),
    )
    unit_code = models.CharField(
        _("unit code in the number"),
        max_length=30,
        blank=True,
        validators=[RegexValidator(r"^[A-Za-z0-9.\-]*$")],
        help_text=_("Empty: the unit's short code (or the body's for a body rule)."),
    )
    sequence_digits = models.PositiveSmallIntegerField(
        _("digits of the sequence"),
        default=3,
        help_text=_("The sequence is padded with zeros to this many digits."),
    )

    class Meta:
        verbose_name = _("numbering rule")
        verbose_name_plural = _("numbering rules")
        ordering = ["kind", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "unit"], name="letters_numberingrule_kind_unit_uniq"
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(unit__isnull=True),
                name="letters_numberingrule_kind_body_uniq",
            ),
            models.CheckConstraint(
                condition=Q(sequence_digits__gte=1) & Q(sequence_digits__lte=8),
                name="letters_numberingrule_digits_range",
            ),
        ]

    def __str__(self):
        where = self.unit.code if self.unit_id else _("whole body")
        return f"{self.get_kind_display()} ({where}): {self.pattern}"


class Signatory(TimeStampedModel):
    """An official who signs letters for a role (and unit): jabatan, name, pangkat,
    NIP. The document keeps a copy of these when it is issued."""

    role = models.CharField(_("role"), max_length=20, choices=SignerRole)
    unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signatories",
        help_text=_("The unit of a PPID Pelaksana; empty for the whole body."),
    )
    position = models.CharField(
        _("position (jabatan)"),
        max_length=200,
        help_text=_("E.g. Kepala Dinas Komunikasi dan Informatika selaku PPID Utama."),
    )
    name = models.CharField(_("name"), max_length=200)
    rank = models.CharField(
        _("rank and grade (pangkat/golongan)"),
        max_length=100,
        blank=True,
        help_text=_("E.g. Pembina Utama Muda (IV/c)."),
    )
    nip = models.CharField(
        _("NIP"),
        max_length=18,
        blank=True,
        validators=[nip_validator],
        help_text=_("18 digits; empty for an official who is not a civil servant."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("signing official")
        verbose_name_plural = _("signing officials")
        ordering = ["role", "unit__name", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="ppid_pelaksana") | Q(unit__isnull=False),
                name="letters_signatory_pelaksana_has_unit",
            ),
        ]

    def __str__(self):
        return f"{self.name} — {self.position}"


class IssuedDocumentQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )


class IssuedDocument(models.Model):
    """One official document as issued: number, date, place, signer, the PDF and
    its SHA-256, and the code that verifies it. Never changed once saved."""

    kind = models.CharField(_("document kind"), max_length=30, choices=DocumentKind)
    number = models.CharField(_("letter number"), max_length=120, unique=True)
    issued_at = models.DateTimeField(_("issued at"))
    place = models.CharField(_("place"), max_length=100)
    subject = models.CharField(_("subject"), max_length=300)
    unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signatory = models.ForeignKey(
        Signatory,
        verbose_name=_("signing official"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    signer_position = models.CharField(_("position of the signer"), max_length=200)
    signer_name = models.CharField(_("name of the signer"), max_length=200)
    signer_rank = models.CharField(_("rank of the signer"), max_length=100, blank=True)
    signer_nip = models.CharField(_("NIP of the signer"), max_length=18, blank=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    case = GenericForeignKey("content_type", "object_id")
    verification_code = models.CharField(
        _("verification code"), max_length=20, unique=True
    )
    sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64)
    file = models.FileField(
        _("PDF"), storage=issued_storage, upload_to="%Y/%m/", max_length=200
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = IssuedDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")
        ordering = ["-issued_at"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["kind", "-issued_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(sha256__regex=r"^[0-9a-f]{64}$"),
                name="letters_issueddocument_sha256_hex",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(
                _("An issued document cannot be changed."), code="issued_is_fixed"
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(
            _("An issued document cannot be deleted."), code="issued_is_fixed"
        )
