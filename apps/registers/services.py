"""Register writes. Item workflow: draft → published → withdrawn → published/draft.

Every write checks the actor's unit (PPID Pelaksana: own units only), runs
full_clean, records the history user, and keeps the search text current.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.accounts.roles import Role, can_act_on_unit, user_roles
from apps.core.errors import ApplicationError
from apps.core.files import DOCUMENT_KINDS, validate_upload
from apps.core.periods import BERKALA_REFRESH_MONTHS
from apps.core.workflow import Workflow
from apps.registers.extract import extract_text, pdf_page_count
from apps.registers.models import (
    Announcement,
    Category,
    Document,
    ExemptInformation,
    InformationItem,
    add_months,
)

Status = InformationItem.Status


def _actors_unit(case, attempt) -> None:
    _require_unit(attempt.actor, case.unit_id)


def _may_publish(item, attempt) -> None:
    if not may_publish(attempt.actor):
        raise ApplicationError(
            _("Only the PPID Utama may publish information items."),
            code="publish_not_allowed",
        )


ITEM_WORKFLOW = Workflow(
    gettext_lazy("information item"),
    Status,
    {
        Status.DRAFT: {Status.PUBLISHED},
        Status.PUBLISHED: {Status.WITHDRAWN},
        Status.WITHDRAWN: {Status.PUBLISHED, Status.DRAFT},
    },
    guards={
        Status.PUBLISHED: [_may_publish, _actors_unit],
        Status.WITHDRAWN: [_actors_unit],
        Status.DRAFT: [_actors_unit],
    },
    stamps={Status.PUBLISHED: "published_at", Status.WITHDRAWN: "withdrawn_at"},
)


def _still_exempt(exemption, attempt) -> None:
    if exemption.status != ExemptInformation.Status.ACTIVE:
        raise ApplicationError(_("This exemption has already been lifted."))


EXEMPTION_WORKFLOW = Workflow(
    gettext_lazy("exempt information"),
    ExemptInformation.Status,
    {
        ExemptInformation.Status.ACTIVE: {ExemptInformation.Status.LIFTED},
        ExemptInformation.Status.LIFTED: set(),
    },
    guards={ExemptInformation.Status.LIFTED: [_actors_unit, _still_exempt]},
    stamps={ExemptInformation.Status.LIFTED: "lifted_at"},
    clean_exclude=["minutes_file"],
)

ITEM_FIELDS = frozenset(
    {
        "category",
        "title",
        "summary",
        "unit",
        "responsible_official",
        "production_time_place",
        "format_softcopy",
        "format_hardcopy",
        "format_recording",
        "retention_period",
        "media",
        "year",
        "legal_basis",
        "dip_decree_number",
        "dip_decree_date",
        "tags",
        "update_cycle",
        "last_refreshed_on",
        "refresh_due",
    }
)


def _require_unit(actor, unit_id: int | None) -> None:
    if actor is not None and not can_act_on_unit(actor, unit_id):
        raise ApplicationError(
            _("You may only manage the registers of your own units."),
            code="other_unit",
        )


def may_publish(actor) -> bool:
    if actor is None or actor.is_superuser:
        return True
    roles = user_roles(actor)
    if Role.PPID_UTAMA in roles:
        return True
    return settings.REGISTERS_PELAKSANA_MAY_PUBLISH and Role.PPID_PELAKSANA in roles


def refresh_search_vector(item_id: int) -> None:
    """PostgreSQL: rebuild the stored tsvector ('simple': no Indonesian stemmer)."""
    if connection.vendor != "postgresql":
        return
    from django.contrib.postgres.search import SearchVector

    vector = (
        SearchVector("title", weight="A", config="simple")
        + SearchVector("summary", "tags", weight="B", config="simple")
        + SearchVector("document_text", weight="C", config="simple")
    )
    InformationItem.objects.filter(pk=item_id).update(search_vector=vector)


def apply_refresh_defaults(item: InformationItem, today: dt.date) -> None:
    if item.category != Category.BERKALA:
        return
    if not item.last_refreshed_on:
        item.last_refreshed_on = today
    if not item.refresh_due:
        months = InformationItem.CYCLE_MONTHS.get(
            item.update_cycle, BERKALA_REFRESH_MONTHS
        )
        item.refresh_due = add_months(item.last_refreshed_on, months)


def information_item_create(
    *, actor, data: Mapping[str, Any], today: dt.date | None = None
) -> InformationItem:
    """New item in draft; the actor must act for its unit."""
    unknown = set(data) - ITEM_FIELDS
    if unknown:
        raise ValueError(f"unknown fields: {unknown}")
    item = InformationItem(**data)
    _require_unit(actor, item.unit_id)
    apply_refresh_defaults(item, today or timezone.localdate())
    with transaction.atomic():
        item.full_clean()
        item._history_user = actor
        item.save()
        refresh_search_vector(item.pk)
    return item


def information_item_update(
    *,
    actor,
    item: InformationItem,
    data: Mapping[str, Any],
    today: dt.date | None = None,
) -> InformationItem:
    """Change the fields of an item (any status); unit checked before and after."""
    unknown = set(data) - ITEM_FIELDS
    if unknown:
        raise ValueError(f"unknown fields: {unknown}")
    with transaction.atomic():
        locked = InformationItem.objects.select_for_update().get(pk=item.pk)
        _require_unit(actor, locked.unit_id)
        for field, value in data.items():
            setattr(locked, field, value)
        _require_unit(actor, locked.unit_id)
        apply_refresh_defaults(locked, today or timezone.localdate())
        locked.full_clean()
        locked._history_user = actor
        locked.save(
            update_fields=[
                *data.keys(),
                "last_refreshed_on",
                "refresh_due",
                "updated_at",
            ]
        )
        refresh_search_vector(locked.pk)
    return locked


def _by(actor):
    return actor if actor and actor.is_authenticated else None


def information_item_publish(
    *, actor, item: InformationItem, now: dt.datetime | None = None
) -> InformationItem:
    """draft/withdrawn → published. Needs PPID Utama (or the Pelaksana setting)
    and the item's unit (guards in ITEM_WORKFLOW)."""
    return ITEM_WORKFLOW.apply(
        item,
        Status.PUBLISHED,
        actor=actor,
        changes={
            "published_by": _by(actor),
            "withdrawn_at": None,
            "withdrawn_by": None,
            "withdrawal_reason": "",
        },
        now=now,
    ).case


def information_item_withdraw(
    *,
    actor,
    item: InformationItem,
    reason: str,
    now: dt.datetime | None = None,
) -> InformationItem:
    """published → withdrawn, with a reason; files stop being served at once."""
    if not reason.strip():
        raise ApplicationError(_("Give the reason for withdrawing the item."))
    return ITEM_WORKFLOW.apply(
        item,
        Status.WITHDRAWN,
        actor=actor,
        note=reason.strip(),
        changes={"withdrawn_by": _by(actor), "withdrawal_reason": reason.strip()},
        now=now,
    ).case


def information_item_return_to_draft(
    *, actor, item: InformationItem, now: dt.datetime | None = None
) -> InformationItem:
    """withdrawn → draft, to rework an item before publishing it again."""
    return ITEM_WORKFLOW.apply(
        item,
        Status.DRAFT,
        actor=actor,
        changes={"published_at": None, "published_by": None},
        now=now,
    ).case


def information_item_mark_refreshed(
    *, actor, item: InformationItem, today: dt.date | None = None
) -> InformationItem:
    """A periodic item was brought up to date: the next refresh date moves on."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = InformationItem.objects.select_for_update().get(pk=item.pk)
        _require_unit(actor, locked.unit_id)
        if locked.category != Category.BERKALA:
            raise ApplicationError(_("Only periodic information has a refresh date."))
        months = InformationItem.CYCLE_MONTHS.get(
            locked.update_cycle, BERKALA_REFRESH_MONTHS
        )
        locked.last_refreshed_on = today
        locked.refresh_due = add_months(today, months)
        locked.full_clean()
        locked._history_user = actor
        locked.save(update_fields=["last_refreshed_on", "refresh_due", "updated_at"])
    return locked


def _refresh_item_text(item_id: int) -> None:
    texts = Document.objects.filter(item_id=item_id).values_list(
        "extracted_text", flat=True
    )
    InformationItem.objects.filter(pk=item_id).update(
        document_text="\n".join(t for t in texts if t)
    )
    refresh_search_vector(item_id)


def refresh_document_text(*, document_id: int, text: str) -> None:
    """Add recognised text (apps.disclosure OCR) to a document and to its item's
    search text; what the file itself held is kept first."""
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document_id)
        own = extract_text_of(document) if document.file else ""
        joined = " ".join(part for part in (own, text) if part)
        Document.objects.filter(pk=document_id).update(extracted_text=joined)
        _refresh_item_text(document.item_id)


def extract_text_of(document: Document) -> str:
    with document.file.open("rb") as handle:
        return extract_text(handle.read(), document.content_type)


def document_add(
    *,
    actor,
    item: InformationItem,
    title: str,
    upload=None,
    external_url: str = "",
) -> Document:
    """Attach a checked upload (private storage) or an external link to an item."""
    _require_unit(actor, item.unit_id)
    if bool(upload) == bool(external_url):
        raise ValidationError(
            {"file": _("Upload a file or give an external link (one of the two).")}
        )
    document = Document(item=item, title=title, external_url=external_url)
    if upload is not None:
        checked = validate_upload(
            upload, kinds=DOCUMENT_KINDS, max_mb=settings.REGISTERS_MAX_DOCUMENT_MB
        )
        upload.seek(0)
        data = upload.read()
        upload.seek(0)
        document.content_type = checked.mimetype
        document.size = checked.size
        document.sha256 = checked.sha256
        document.original_filename = (getattr(upload, "name", "") or "dokumen")[
            -255:
        ].rsplit("/", 1)[-1]
        if checked.mimetype == "application/pdf":
            document.page_count = pdf_page_count(data)
        document.extracted_text = extract_text(data, checked.mimetype)
        document.file = upload
    with transaction.atomic():
        document.full_clean(exclude=["file"])
        document._history_user = actor
        document.save()
        _refresh_item_text(item.pk)
    return document


def document_update(*, actor, document: Document, title: str) -> Document:
    _require_unit(actor, document.item.unit_id)
    document.title = title
    document.full_clean(exclude=["file"])
    document._history_user = actor
    document.save(update_fields=["title", "updated_at"])
    return document


def document_remove(*, actor, document: Document) -> None:
    _require_unit(actor, document.item.unit_id)
    item_id = document.item_id
    with transaction.atomic():
        document._history_user = actor
        stored = document.file.name if document.file else ""
        document.delete()
        _refresh_item_text(item_id)
        if stored:
            transaction.on_commit(lambda: Document.file.field.storage.delete(stored))


def document_register_download(*, document: Document) -> None:
    # An F() update: no lost counts under concurrent downloads, no history row.
    Document.objects.filter(pk=document.pk).update(
        download_count=F("download_count") + 1
    )


EXEMPTION_FIELDS = frozenset(
    {
        "title",
        "unit",
        "item",
        "pasal17_letters",
        "other_legal_basis",
        "reason",
        "consequence_if_opened",
        "interest_if_closed",
        "period_kind",
        "period_until",
        "period_event",
        "test_stage",
        "tested_on",
        "decided_by",
        "decision_number",
        "decision_date",
    }
)


def _attach_minutes(exemption: ExemptInformation, minutes) -> None:
    from apps.core.files import IDENTITY_KINDS

    validate_upload(
        minutes, kinds=IDENTITY_KINDS, max_mb=settings.REGISTERS_MAX_DOCUMENT_MB
    )
    exemption.minutes_filename = (getattr(minutes, "name", "") or "berita-acara")[
        -255:
    ].rsplit("/", 1)[-1]
    exemption.minutes_file = minutes


def exemption_save(
    *,
    actor,
    data: Mapping[str, Any],
    exemption: ExemptInformation | None = None,
    minutes=None,
) -> ExemptInformation:
    """Create or change an entry of the exempt register (a consequence test)."""
    unknown = set(data) - EXEMPTION_FIELDS
    if unknown:
        raise ValueError(f"unknown fields: {unknown}")
    with transaction.atomic():
        if exemption is None or exemption.pk is None:
            target = ExemptInformation()
        else:
            target = ExemptInformation.objects.select_for_update().get(pk=exemption.pk)
            _require_unit(actor, target.unit_id)
        for field, value in data.items():
            setattr(target, field, value)
        _require_unit(actor, target.unit_id)
        if minutes is not None:
            _attach_minutes(target, minutes)
        target.full_clean(exclude=["minutes_file"])
        target._history_user = actor
        target.save()
    return target


def exemption_mark_reviewed(
    *, actor, exemption: ExemptInformation, until: dt.date, today: dt.date | None = None
) -> ExemptInformation:
    """The exemption was re-tested and stays: it runs until a new date."""
    today = today or timezone.localdate()
    if until <= today:
        raise ApplicationError(_("The new end of the exemption must be in the future."))
    with transaction.atomic():
        locked = ExemptInformation.objects.select_for_update().get(pk=exemption.pk)
        _require_unit(actor, locked.unit_id)
        if locked.status != ExemptInformation.Status.ACTIVE:
            raise ApplicationError(_("This exemption has already been lifted."))
        locked.period_kind = ExemptInformation.PeriodKind.UNTIL_DATE
        locked.period_until = until
        locked.reviewed_on = today
        locked.full_clean(exclude=["minutes_file"])
        locked._history_user = actor
        locked.save(
            update_fields=["period_kind", "period_until", "reviewed_on", "updated_at"]
        )
    return locked


def exemption_lift(
    *, actor, exemption: ExemptInformation, now: dt.datetime | None = None
) -> ExemptInformation:
    """active → lifted: the information is open again (UU KIP Pasal 20). Guards:
    the actor's unit, still active; the entry is validated like any other save."""
    return EXEMPTION_WORKFLOW.apply(
        exemption, ExemptInformation.Status.LIFTED, actor=actor, now=now
    ).case


def announcement_save(
    *,
    actor,
    data: Mapping[str, Any],
    announcement: Announcement | None = None,
) -> Announcement:
    """Pin (or re-time) a serta-merta item on the home page."""
    allowed = {"item", "message", "severity", "starts_at", "ends_at"}
    if set(data) - allowed:
        raise ValueError(f"unknown fields: {set(data) - allowed}")
    target = announcement or Announcement()
    for field, value in data.items():
        setattr(target, field, value)
    _require_unit(actor, target.item.unit_id if target.item_id else None)
    with transaction.atomic():
        target.full_clean()
        target._history_user = actor
        target.save()
    return target
