"""The annual service report (Perki 1/2021 Pasal 56) and the satisfaction survey
(Survei Kepuasan Masyarakat, PermenPANRB 14/2017)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.files import PrivateStorage
from apps.core.models import TimeStampedModel

report_storage = PrivateStorage("reports")


class AnnualReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class AnnualReport(TimeStampedModel):
    """Laporan Layanan Informasi Publik: the narrative officers type; the figures
    come from apps.reports.statistics when the report is rendered."""

    year = models.PositiveSmallIntegerField(
        _("year"),
        unique=True,
        validators=[MinValueValidator(2008), MaxValueValidator(2100)],
    )
    policy = models.TextField(
        _("1. Service policy"),
        blank=True,
        help_text=_("Decrees, standards and policies on public information service."),
    )
    facilities = models.TextField(_("2a. Facilities and infrastructure"), blank=True)
    staff = models.TextField(_("2b. Staff and their qualifications"), blank=True)
    budget = models.TextField(_("2c. Budget and its use"), blank=True)
    dispute_notes = models.TextField(
        _("4. Notes on objections and disputes"),
        blank=True,
        help_text=_(
            "How answers to objections and decisions of the Komisi Informasi were "
            "carried out; lawsuits and their results."
        ),
    )
    obstacles = models.TextField(_("5. Internal and external obstacles"), blank=True)
    recommendations = models.TextField(
        _("6. Recommendations and follow-up"), blank=True
    )
    change_note = models.TextField(
        _("what this version corrects"),
        blank=True,
        help_text=_(
            "Needed to publish a corrected version of a report published before; "
            "printed in the list of versions."
        ),
    )
    published = models.BooleanField(_("published"), default=False, editable=False)
    published_at = models.DateTimeField(
        _("published at"), null=True, blank=True, editable=False
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("annual service report")
        verbose_name_plural = _("annual service reports")
        ordering = ["-year"]
        permissions = [("publish_annualreport", _("Can publish annual reports"))]
        indexes = [
            models.Index(fields=["published", "-year"], name="report_published_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(published=False) | Q(published_at__isnull=False),
                name="report_published_has_date",
            ),
        ]

    def __str__(self):
        return str(_("Public information service report %(year)s")) % {
            "year": self.year
        }

    def get_absolute_url(self):
        return reverse("reports:annual", args=[self.year])

    NARRATIVE_FIELDS = (
        "policy",
        "facilities",
        "staff",
        "budget",
        "dispute_notes",
        "obstacles",
        "recommendations",
    )

    def narrative(self) -> dict:
        return {name: getattr(self, name) for name in self.NARRATIVE_FIELDS}


class AnnualReportVersion(models.Model):
    """A report as published: its narrative, its figures, the issued PDF (number,
    signer, verification code) and the XLSX, fixed once saved. Data recorded
    later (a backdated request) never changes a version; a correction is a new
    version with a change note, and every version stays listed."""

    report = models.ForeignKey(
        AnnualReport,
        verbose_name=_("report"),
        on_delete=models.PROTECT,
        related_name="versions",
    )
    version = models.PositiveSmallIntegerField(_("version"))
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    change_note = models.TextField(_("what this version corrects"), blank=True)
    narrative = models.JSONField(_("narrative as published"))
    figures = models.JSONField(_("figures as published"), encoder=DjangoJSONEncoder)
    document = models.OneToOneField(
        "letters.IssuedDocument",
        verbose_name=_("issued PDF"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    xlsx = models.FileField(
        _("XLSX"), storage=report_storage, upload_to="annual/", max_length=200
    )
    xlsx_sha256 = models.CharField(_("SHA-256 of the XLSX"), max_length=64)

    class Meta:
        verbose_name = _("published version of a report")
        verbose_name_plural = _("published versions of reports")
        ordering = ["report", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "version"], name="report_version_uniq"
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1), name="report_version_positive"
            ),
        ]

    def __str__(self):
        return f"{self.report} (v{self.version})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(
                _("A published version cannot be changed."), code="version_is_fixed"
            )
        super().save(*args, **kwargs)


class SkmElement(models.TextChoices):
    """The nine elements of PermenPANRB 14/2017 (Lampiran, unsur SKM)."""

    REQUIREMENTS = "u1", _("Requirements")
    PROCEDURE = "u2", _("System, mechanism and procedure")
    TIME = "u3", _("Time to complete")
    COST = "u4", _("Cost or fee")
    PRODUCT = "u5", _("What the service delivers")
    COMPETENCE = "u6", _("Competence of the staff")
    CONDUCT = "u7", _("Conduct of the staff")
    COMPLAINTS = "u8", _("Handling of complaints, suggestions and feedback")
    FACILITIES = "u9", _("Facilities and infrastructure")


class Score(models.IntegerChoices):
    POOR = 1, _("Not good")
    FAIR = 2, _("Fairly good")
    GOOD = 3, _("Good")
    VERY_GOOD = 4, _("Very good")


def _score_field(element: SkmElement):
    return models.PositiveSmallIntegerField(element.label, choices=Score.choices)


class SurveyResponse(TimeStampedModel):
    """One answer per information request; no personal data is kept with it."""

    request = models.OneToOneField(
        "info_requests.InformationRequest",
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="survey_response",
    )
    submitted_at = models.DateTimeField(_("submitted at"), db_index=True)
    u1 = _score_field(SkmElement.REQUIREMENTS)
    u2 = _score_field(SkmElement.PROCEDURE)
    u3 = _score_field(SkmElement.TIME)
    u4 = _score_field(SkmElement.COST)
    u5 = _score_field(SkmElement.PRODUCT)
    u6 = _score_field(SkmElement.COMPETENCE)
    u7 = _score_field(SkmElement.CONDUCT)
    u8 = _score_field(SkmElement.COMPLAINTS)
    u9 = _score_field(SkmElement.FACILITIES)
    comment = models.TextField(_("comments and suggestions"), blank=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{code}__gte": 1, f"{code}__lte": 4}),
                name=f"survey_{code}_range",
            )
            for code in SkmElement.values
        ]

    def __str__(self):
        return str(_("Survey for %(number)s")) % {
            "number": self.request.registration_number
        }


class StatisticsYear(models.Model):
    """The state of a year's maintained request figures (apps.reports.summary)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    # The working-day calendar the notice times were counted in.
    calendar_version = models.PositiveIntegerField(default=0)
    refresh_queued_at = models.DateTimeField(null=True, blank=True)
    compact_queued_at = models.DateTimeField(null=True, blank=True)
    refreshed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("statistics year")
        verbose_name_plural = _("statistics years")

    def __str__(self):
        return str(self.year)


class StatisticsFigure(models.Model):
    """A count of a year's requests (per status, month, channel, unit, decision,
    refusal reason, Pasal 17 letter, or working days to the written notice: a
    histogram, so the median and percentile stay exact), or a change to one.

    A request's change appends +1/-1 rows in its own transaction (no row is
    updated in place, so concurrent submissions never wait on each other); the
    figure is the sum of its rows, and the task layer folds them into one row
    per key (apps.reports.summary.compact_year)."""

    year = models.PositiveSmallIntegerField(_("year"))
    metric = models.CharField(_("figure"), max_length=20)
    key = models.CharField(_("key"), max_length=200, blank=True)
    value = models.IntegerField(_("value"))

    class Meta:
        verbose_name = _("statistics figure")
        verbose_name_plural = _("statistics figures")
        indexes = [
            models.Index(
                fields=["year", "metric", "key"], name="reports_figure_key_idx"
            )
        ]

    def __str__(self):
        return f"{self.year} {self.metric} {self.key}: {self.value}"
