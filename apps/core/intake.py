"""Intake of a case, shared by the three submit services: how it reached the body
(one list of channels for requests, complaints and the omnichannel inbox, so that
statistics per channel add up across them), the applicant's language, the check
of an uploaded file, and `open_case` (number, save, first event, receipt queued).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from apps.core.cases import case_kind_of
from apps.core.files import CheckedUpload, validate_upload
from apps.core.models import BodyProfile, StatusChange
from apps.core.notify import announce
from apps.core.numbering import next_number
from apps.core.workflow import record_transition


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


def check_file(upload, field: str, kinds, **options) -> CheckedUpload | None:
    """The upload checked by content (None when there is none); its refusal is
    an error of the form's `field`."""
    if not upload:
        return None
    try:
        return validate_upload(upload, kinds, **options)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None


def open_case(
    case: models.Model,
    *,
    received_at: dt.datetime,
    actor=None,
    message: str = "",
    data: Mapping[str, Any] | None = None,
    notices: Sequence[str] = (),
    before_save: Callable[[models.Model], None] | None = None,
    after_save: Callable[[models.Model], None] | None = None,
    at: dt.datetime | None = None,
    year: int | None = None,
) -> StatusChange:
    """Number and save a new, cleaned case, write its first event and queue its
    receipt (`notices`, sent after commit); returns the event.

    The number is the next of the case kind in `year` (default: the local year
    of receipt), reserved inside this transaction: a rolled-back intake burns
    none. `before_save` stores files, `after_save` the rows that point at the
    case (attachments).
    """
    kind = case_kind_of(case)
    with transaction.atomic():
        setattr(
            case,
            kind.number_field,
            next_number(
                kind=kind.name,
                year=year or timezone.localtime(received_at).year,
                prefix=getattr(BodyProfile.load(), kind.number_prefix_field),
            ),
        )
        if before_save is not None:
            before_save(case)
        case.save()
        if after_save is not None:
            after_save(case)
        event = record_transition(
            case,
            from_status="",
            to_status=case.status,
            actor=actor,
            message=message,
            data=data,
            at=at or received_at,
        )
        if notices:
            announce(case, event, *notices)
    return event
