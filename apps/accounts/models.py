from simple_history.models import HistoricalRecords

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import TimeStampedModel


class UnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Unit(TimeStampedModel):
    """The public body (top of the tree) and its units: OPD, kecamatan, kelurahan."""

    class Kind(models.TextChoices):
        BODY = "body", _("Public body")
        OPD = "opd", _("Regional agency (OPD)")
        KECAMATAN = "kecamatan", _("District (kecamatan)")
        KELURAHAN = "kelurahan", _("Sub-district / village (kelurahan/desa)")
        OTHER = "other", _("Other unit")

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    code = models.CharField(
        _("short code"),
        max_length=30,
        unique=True,
        help_text=_("Abbreviation used in lists and letters, e.g. DISKOMINFO."),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    head_name = models.CharField(_("name of the head"), max_length=120, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    ordering = models.PositiveIntegerField(_("ordering"), default=0)

    history = HistoricalRecords()
    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["ordering", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    kind__in=["body", "opd", "kecamatan", "kelurahan", "other"]
                ),
                name="accounts_unit_kind_valid",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="accounts_unit_not_own_parent"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:unit", kwargs={"slug": self.slug})

    def clean(self):
        from django.core.exceptions import ValidationError

        ancestor, seen = self.parent, set()
        while ancestor is not None and self.pk:
            if ancestor.pk == self.pk or ancestor.pk in seen:
                raise ValidationError(
                    {"parent": _("A unit cannot be placed below itself.")}
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class User(AbstractUser):
    """An officer (or integration account). Citizens need no account."""

    units = models.ManyToManyField(
        Unit,
        verbose_name=_("units"),
        blank=True,
        related_name="officers",
        help_text=_(
            "A PPID Pelaksana sees the cases and register entries of these units."
        ),
    )
    position = models.CharField(_("position (jabatan)"), max_length=150, blank=True)
    nip = models.CharField(_("NIP"), max_length=30, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("officer")
        verbose_name_plural = _("officers")

    def __str__(self):
        return self.get_full_name() or self.username

    def has_role(self, *roles: str) -> bool:
        from apps.accounts.roles import user_roles

        return bool(user_roles(self) & set(roles))


class ApiToken(models.Model):
    """An officer's or integration's API key (`Authorization: Token <key>`).

    Only the key's SHA-256 digest is stored: the key is shown once, when it is
    made (apps.accounts.tokens.api_token_issue), and never again. The first
    characters (`prefix`) tell keys apart in the admin.
    """

    user = models.OneToOneField(
        User,
        verbose_name=_("officer"),
        on_delete=models.CASCADE,
        related_name="api_token",
    )
    digest = models.CharField(_("SHA-256 of the key"), max_length=64, unique=True)
    prefix = models.CharField(_("key begins with"), max_length=8)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.prefix}… ({self.user})"
