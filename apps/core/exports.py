"""Spreadsheet and CSV exports (registers, case books, LAPOR! sheets)."""

import csv
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from django.http import HttpResponse

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Formulas in exported cells are a spreadsheet-injection risk: neutralise them.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def xlsx_bytes(
    *, title: str, headers: Sequence[str], rows: Iterable[Sequence], sheet: str = "Data"
) -> bytes:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet[:31]
    worksheet.append([title])
    worksheet["A1"].font = Font(bold=True, size=13)
    worksheet.append([str(h) for h in headers])
    for cell in worksheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [len(str(h)) for h in headers]
    for row in rows:
        values = [_safe(v) for v in row]
        worksheet.append(values)
        for index, value in enumerate(values):
            widths[index] = max(widths[index], min(len(str(value or "")), 60))
    for index, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width + 2
    worksheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_text(*, headers: Sequence[str], rows: Iterable[Sequence]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(h) for h in headers])
    for row in rows:
        writer.writerow([_safe(v) if v is not None else "" for v in row])
    return buffer.getvalue()


def download_response(content: bytes | str, *, filename: str, content_type: str):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
