"""How a case reached the body: one list of channels for requests, complaints and
the omnichannel inbox, so that statistics per channel add up across them."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    WEB = "web", _("Website")
    WALK_IN = "walk_in", _("Walk-in (service desk)")
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    WHATSAPP = "whatsapp", _("WhatsApp")
    INSTAGRAM = "instagram", _("Instagram")
    FACEBOOK = "facebook", _("Facebook")
    X = "x", _("X (Twitter)")
    TELEGRAM = "telegram", _("Telegram")
    LAPOR = "lapor", _("SP4N LAPOR!")
    OTHER = "other", _("Other")


class Language(models.TextChoices):
    """The languages of the site (settings.LANGUAGES), in which applicants hear."""

    INDONESIAN = "id", _("Indonesian")
    ENGLISH = "en", _("English")


def applicant_language(channel: str) -> str:
    """The language an applicant's mail and messages speak: the page's language for
    a case sent from the website, Indonesian for one an officer recorded."""
    if channel == Channel.WEB:
        current = (translation.get_language() or "").split("-")[0]
        if current in Language.values:
            return current
    return Language.INDONESIAN
