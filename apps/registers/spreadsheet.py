"""The DIP spreadsheet: public exports (XLSX, CSV, PDF) and the officers' import.

Columns follow Perki 1/2010 Lampiran II (the form DIPs still use), then the
practical additions. Column titles are the legal Indonesian terms on purpose:
they are the names of the official form, whatever the interface language.
The officers' workbook adds the columns needed for a lossless round trip.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from openpyxl import load_workbook

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import Unit
from apps.accounts.roles import can_act_on_unit
from apps.core.errors import ApplicationError
from apps.core.exports import xlsx_bytes
from apps.registers import services
from apps.registers.models import Category, InformationItem

CATEGORY_LABELS = {
    Category.BERKALA: "Berkala",
    Category.SERTA_MERTA: "Serta Merta",
    Category.SETIAP_SAAT: "Setiap Saat",
}
FORMAT_LABELS = {
    "format_softcopy": "Softcopy",
    "format_hardcopy": "Hardcopy",
    "format_recording": "Rekaman",
}
CYCLE_LABELS = {
    "monthly": "Bulanan",
    "quarterly": "Triwulanan",
    "semiannual": "Semesteran",
}

# Perki 1/2010 Lampiran II order, then the practical additions (spec 3.1).
PUBLIC_HEADERS = [
    "No",
    "Jenis Informasi",
    "Judul Informasi",
    "Ringkasan Isi Informasi",
    "Pejabat/Unit/Satker yang Menguasai Informasi",
    "Penanggung Jawab Pembuatan atau Penerbitan Informasi",
    "Waktu dan Tempat Pembuatan Informasi",
    "Bentuk Informasi yang Tersedia",
    "Jangka Waktu Penyimpanan atau Retensi Arsip",
    "Jenis Media",
    "Tahun",
    "Dasar Hukum",
    "Nomor SK DIP",
    "Tanggal SK DIP",
]
# Relative widths of PUBLIC_HEADERS in the PDF export (landscape A4).
PUBLIC_WIDTHS = (16, 40, 72, 100, 74, 54, 50, 44, 54, 40, 28, 66, 62, 44)
OFFICER_HEADERS = [
    *PUBLIC_HEADERS,
    "Tag",
    "Siklus Pembaruan",
    "Terakhir Diperbarui",
    "Batas Pembaruan",
    "Kode Unit",
    "ID",
]


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def public_row(number: int, item: InformationItem) -> list:
    return [
        number,
        CATEGORY_LABELS[item.category],
        item.title,
        item.summary,
        item.unit.name,
        item.responsible_official,
        item.production_time_place,
        ", ".join(label for f, label in FORMAT_LABELS.items() if getattr(item, f)),
        item.retention_period,
        item.media,
        item.year,
        item.legal_basis,
        item.dip_decree_number,
        _date(item.dip_decree_date),
    ]


def officer_row(number: int, item: InformationItem) -> list:
    return [
        *public_row(number, item),
        item.tags,
        CYCLE_LABELS.get(item.update_cycle, ""),
        _date(item.last_refreshed_on),
        _date(item.refresh_due),
        item.unit.code,
        item.pk,
    ]


def public_rows(items: Iterable[InformationItem]) -> list[list]:
    return [public_row(n, item) for n, item in enumerate(items, start=1)]


def officer_workbook(items: Iterable[InformationItem]) -> bytes:
    return xlsx_bytes(
        title="Daftar Informasi Publik",
        headers=OFFICER_HEADERS,
        rows=[officer_row(n, item) for n, item in enumerate(items, start=1)],
        sheet="DIP",
    )


# --- import ---------------------------------------------------------------


class RowForm(forms.Form):
    """One spreadsheet row, validated like the admin form would."""

    category = forms.CharField()
    title = forms.CharField(max_length=300)
    summary = forms.CharField(required=False)
    unit_code = forms.CharField(required=False)
    unit_name = forms.CharField(required=False)
    responsible_official = forms.CharField(max_length=200, required=False)
    production_time_place = forms.CharField(max_length=200, required=False)
    formats = forms.CharField(required=False)
    retention_period = forms.CharField(max_length=120, required=False)
    media = forms.CharField(max_length=200, required=False)
    year = forms.IntegerField(min_value=1945, max_value=2100)
    legal_basis = forms.CharField(max_length=300, required=False)
    dip_decree_number = forms.CharField(max_length=120, required=False)
    dip_decree_date = forms.DateField(
        required=False, input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
    )
    tags = forms.CharField(max_length=300, required=False)
    update_cycle = forms.CharField(required=False)
    last_refreshed_on = forms.DateField(
        required=False, input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
    )
    refresh_due = forms.DateField(
        required=False, input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
    )
    id = forms.IntegerField(required=False, min_value=1)

    def __init__(self, *args, actor, units_by_key, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.units_by_key = units_by_key

    def clean_category(self):
        raw = self.cleaned_data["category"].strip().lower().replace("-", " ")
        for value, label in CATEGORY_LABELS.items():
            if raw in (value.replace("_", " "), label.lower()):
                return value
        raise ValidationError(
            _("Unknown category “%(value)s”: use Berkala, Serta Merta or Setiap Saat.")
            % {"value": self.cleaned_data["category"]}
        )

    def clean_update_cycle(self):
        raw = self.cleaned_data["update_cycle"].strip().lower()
        if not raw:
            return ""
        for value, label in CYCLE_LABELS.items():
            if raw in (value, label.lower()):
                return value
        raise ValidationError(_("Unknown update cycle “%(value)s”.") % {"value": raw})

    def clean_formats(self):
        raw = {p.strip().lower() for p in self.cleaned_data["formats"].split(",")}
        raw.discard("")
        known = {label.lower(): name for name, label in FORMAT_LABELS.items()}
        known.update(
            {
                "soft copy": "format_softcopy",
                "hard copy": "format_hardcopy",
                "rekam": "format_recording",
                "recording": "format_recording",
                "cetak": "format_hardcopy",
                "online": "format_softcopy",
            }
        )
        unknown = raw - set(known)
        if unknown:
            raise ValidationError(
                _("Unknown format(s): %(values)s.")
                % {"values": ", ".join(sorted(unknown))}
            )
        chosen = {known[r] for r in raw}
        return {name: name in chosen for name in FORMAT_LABELS}

    def clean(self):
        cleaned = super().clean()
        unit = self.units_by_key.get((cleaned.get("unit_code") or "").strip().lower())
        if unit is None:
            unit = self.units_by_key.get(
                (cleaned.get("unit_name") or "").strip().lower()
            )
        if unit is None:
            self.add_error("unit_code", _("Unknown unit: give its code or exact name."))
        elif not can_act_on_unit(self.actor, unit.pk):
            self.add_error(
                "unit_code", _("You may not manage the registers of this unit.")
            )
        cleaned["unit"] = unit
        return cleaned


FORM_FIELDS = [
    None,  # No
    "category",
    "title",
    "summary",
    "unit_name",
    "responsible_official",
    "production_time_place",
    "formats",
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
    "unit_code",
    "id",
]


@dataclass
class RowResult:
    number: int
    values: dict
    errors: dict = field(default_factory=dict)
    action: str = ""
    data: dict = field(default_factory=dict)
    item: InformationItem | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ImportResult:
    rows: list[RowResult]
    file_errors: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.file_errors and all(r.ok for r in self.rows)

    @property
    def error_count(self) -> int:
        return len(self.file_errors) + sum(1 for r in self.rows if not r.ok)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    # Our exports neutralise formulas with a leading apostrophe: undo it.
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]
    return text


def read_rows(data: bytes) -> tuple[list[tuple[int, dict]], list[str]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any unreadable file is the user's error
        return [], [_("This is not an XLSX workbook that can be read.")]
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    workbook.close()
    header_index = next(
        (i for i, row in enumerate(rows) if row and _cell_text(row[0]) == "No"), None
    )
    if header_index is None:
        return [], [_("No header row starting with “No” was found.")]
    header = [_cell_text(v) for v in rows[header_index]]
    if header[: len(PUBLIC_HEADERS)] != PUBLIC_HEADERS:
        return [], [
            _("The columns are not those of the DIP form. Expected: %(cols)s.")
            % {"cols": ", ".join(OFFICER_HEADERS)}
        ]
    parsed = []
    for offset, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        values = [_cell_text(v) for v in row]
        if not any(values[1:]):
            continue
        values += [""] * (len(FORM_FIELDS) - len(values))
        parsed.append(
            (offset, {name: values[i] for i, name in enumerate(FORM_FIELDS) if name})
        )
    return parsed, []


def import_workbook(*, actor, data: bytes, dry_run: bool) -> ImportResult:
    """Check every row; unless dry_run and only when all rows pass, save them all.

    Rows with an ID update that item (within the actor's units); others create
    drafts. Nothing is written when any row has an error.
    """
    parsed, file_errors = read_rows(data)
    if file_errors:
        return ImportResult(rows=[], file_errors=file_errors)
    units_by_key = {}
    for unit in Unit.objects.all():
        units_by_key[unit.code.lower()] = unit
        units_by_key.setdefault(unit.name.lower(), unit)
    ids = [int(v["id"]) for _n, v in parsed if v.get("id", "").isdigit()]
    existing = InformationItem.objects.in_bulk(ids)
    results = []
    for number, values in parsed:
        form = RowForm(values, actor=actor, units_by_key=units_by_key)
        result = RowResult(number=number, values=values)
        if not form.is_valid():
            result.errors = {k: [str(e) for e in v] for k, v in form.errors.items()}
            results.append(result)
            continue
        cleaned = form.cleaned_data
        data_fields = {
            name: cleaned[name]
            for name in services.ITEM_FIELDS
            if name in cleaned and not name.startswith("format_")
        }
        data_fields.update(cleaned["formats"])
        data_fields["unit"] = cleaned["unit"]
        for optional in ("dip_decree_date", "last_refreshed_on", "refresh_due"):
            data_fields[optional] = cleaned.get(optional)
        item = None
        if cleaned.get("id"):
            item = existing.get(cleaned["id"])
            if item is None or not can_act_on_unit(actor, item.unit_id):
                result.errors = {"id": [_("No item with this ID in your units.")]}
                results.append(result)
                continue
        candidate = item or InformationItem()
        for name, value in data_fields.items():
            setattr(candidate, name, value)
        services.apply_refresh_defaults(candidate, timezone.localdate())
        try:
            candidate.full_clean()
        except ValidationError as error:
            result.errors = {
                k: [str(e) for e in v] for k, v in error.message_dict.items()
            }
        result.action = "update" if item else "create"
        result.data = data_fields
        result.item = item
        results.append(result)
    outcome = ImportResult(rows=results)
    if dry_run or not outcome.ok:
        return outcome
    try:
        with transaction.atomic():
            for row in results:
                if row.item is None:
                    row.item = services.information_item_create(
                        actor=actor, data=row.data
                    )
                else:
                    row.item = services.information_item_update(
                        actor=actor, item=row.item, data=row.data
                    )
    except (ApplicationError, ValidationError) as error:
        outcome.file_errors.append(str(error))
        return outcome
    outcome.applied = True
    return outcome
