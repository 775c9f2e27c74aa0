from simple_history.models import HistoricalRecords

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from apps.core.models import TimeStampedModel
from apps.pages.sanitize import clean_html


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_menus(self):
        """Published pages placed in the main menu or the footer, in menu order."""
        return (
            self.published()
            .exclude(menu=Menu.NONE)
            .order_by("ordering", "title")
            .only("title", "menu_title", "slug", "menu")
        )


class Menu(models.TextChoices):
    MAIN = "main", _("Main menu")
    FOOTER = "footer", _("Footer")
    NONE = "none", _("Not in a menu")


class Page(TimeStampedModel):
    """A public page of the portal (profile, standards, SOPs), edited in the admin."""

    Menu = Menu

    title = models.CharField(_("title"), max_length=200)
    menu_title = models.CharField(
        _("title in menus"),
        max_length=60,
        blank=True,
        help_text=_("A shorter title for the menu; the title is used when empty."),
    )
    slug = models.SlugField(
        _("address"),
        max_length=100,
        unique=True,
        help_text=_("The page is shown at /halaman/<address>/."),
    )
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_(
            "HTML. Scripts, styles and event handlers are removed when saving."
        ),
    )
    meta_description = models.CharField(
        _("meta description"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown by search engines and when shared."),
    )
    menu = models.CharField(
        _("menu placement"), max_length=10, choices=Menu, default=Menu.NONE
    )
    ordering = models.PositiveIntegerField(_("ordering"), default=100)
    is_published = models.BooleanField(_("published"), default=False)

    history = HistoricalRecords()

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["ordering", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(menu__in=Menu.values),
                name="pages_page_menu_valid",
            )
        ]
        indexes = [
            models.Index(
                fields=["is_published", "menu", "ordering"],
                name="pages_page_menu_idx",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    @property
    def link_text(self) -> str:
        return self.menu_title or self.title

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"slug": self.slug})

    @property
    def safe_body(self):
        # Cleaned again on output: rows written around save() (fixtures,
        # update()) are never trusted.
        return mark_safe(clean_html(self.body))  # noqa: S308
