"""Redaction that removes, not covers (PyMuPDF).

An officer marks areas of a PDF, each with a reason (a Pasal 17 letter or
personal data under UU 27/2022). `redact()` deletes the text, vector drawings
and image pixels under each area (`apply_redactions`), prints the reason in the
blacked-out box and a legend at the foot of each page touched (UU 14/2008 Pasal
22(7)(e): the notice says which parts are blacked out and why), and drops the
file's metadata. `suggest()` finds what usually must go: NIK, phone numbers,
e-mail addresses and the applicant's own details.

Marks are written one a line, `<reason> | <text to find>` or
`<reason> | p<page>: x0, y0, x1, y1` (points, the first page is p1), so the
admin needs no drawing tool and every mark can be reviewed as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from apps.disclosure.models import PERSONAL_DATA, REASON_CODES, reason_label

NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
PHONE = re.compile(r"(?<![\w+])(?:\+62|62|0)[ -]?8\d{1,3}(?:[ -]?\d{3,4}){2,3}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
AREA = re.compile(
    r"^p(?P<page>\d+)\s*:\s*(?P<coords>[\d.]+\s*,\s*[\d.]+\s*,\s*[\d.]+\s*,\s*[\d.]+)$"
)
LEGEND = "Bagian yang dihitamkan dan alasannya (UU 14/2008 Pasal 22 ayat (7) huruf e): "


@dataclass(frozen=True)
class Mark:
    reason: str
    text: str = ""
    page: int | None = None  # 0-based
    rect: tuple[float, float, float, float] | None = None

    def as_line(self) -> str:
        if self.rect is not None:
            coords = ", ".join(f"{v:g}" for v in self.rect)
            return f"{self.reason} | p{self.page + 1}: {coords}"
        return f"{self.reason} | {self.text}"


@dataclass(frozen=True)
class Result:
    pdf: bytes
    areas: list[dict]
    removed: list[str]
    text: str
    page_count: int


def _open(data: bytes):
    import pymupdf

    try:
        return pymupdf.open(stream=data, filetype="pdf")
    except Exception as error:  # noqa: BLE001 - any unreadable file is the same answer
        raise ValidationError(_("This file is not a readable PDF.")) from error


def parse_marks(text: str) -> list[Mark]:
    """The officer's marks, one a line; a bad line is an error naming it."""
    marks, errors = [], []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        reason, sep, target = (part.strip() for part in line.partition("|"))
        reason = reason.lower()
        if not sep or not target:
            errors.append(
                _("Line %(n)s: write '<reason> | <text or area>'.") % {"n": number}
            )
            continue
        if reason not in REASON_CODES:
            errors.append(
                _("Line %(n)s: the reason is a letter a–j or 'pdp'.") % {"n": number}
            )
            continue
        area = AREA.match(target)
        if area:
            x0, y0, x1, y1 = (float(v) for v in area["coords"].split(","))
            if x1 <= x0 or y1 <= y0 or int(area["page"]) < 1:
                errors.append(_("Line %(n)s: the area is empty.") % {"n": number})
                continue
            marks.append(
                Mark(reason=reason, page=int(area["page"]) - 1, rect=(x0, y0, x1, y1))
            )
        else:
            marks.append(Mark(reason=reason, text=target))
    if errors:
        raise ValidationError(errors)
    return marks


def _needles(values: list[str]) -> list[str]:
    """Each personal value, and each line of a multi-line one (an address)."""
    needles = []
    for value in values:
        for line in [value, *value.splitlines()]:
            line = " ".join(line.split())
            if len(line) >= 3 and line not in needles:
                needles.append(line)
    return needles


def suggest(data: bytes, personal_values: list[str] = ()) -> list[Mark]:
    """Marks for what looks like personal data in the PDF: NIK, phone numbers,
    e-mail addresses, and the given values (the applicant's name, address...)."""
    document = _open(data)
    found: list[Mark] = []
    seen: set[str] = set()

    def add(text: str) -> None:
        text = text.strip()
        if text and text.lower() not in seen:
            seen.add(text.lower())
            found.append(Mark(reason=PERSONAL_DATA, text=text))

    with document:
        full = "\n".join(page.get_text() for page in document)
        for pattern in (NIK, PHONE, EMAIL):
            for match in pattern.finditer(full):
                add(match.group(0))
        flat = " ".join(full.split()).lower()
        for needle in _needles(list(personal_values)):
            if needle.lower() in flat:
                add(needle)
    return found


def _areas(document, marks: list[Mark]) -> list[dict]:
    import pymupdf

    areas, missing = [], []
    for mark in marks:
        if mark.rect is not None:
            if mark.page >= document.page_count:
                missing.append(
                    _("Page %(page)s does not exist.") % {"page": mark.page + 1}
                )
                continue
            areas.append(
                {"page": mark.page, "rect": list(mark.rect), "reason": mark.reason}
            )
            continue
        hits = 0
        for page in document:
            for quad in page.search_for(mark.text, quads=True):
                rect = pymupdf.Quad(quad).rect
                areas.append(
                    {
                        "page": page.number,
                        "rect": [round(v, 2) for v in rect],
                        "reason": mark.reason,
                    }
                )
                hits += 1
        if not hits:
            missing.append(
                _("Not found in the file: “%(text)s”.") % {"text": mark.text}
            )
    if missing:
        raise ValidationError(missing)
    return areas


def _mostly_in(box, rect) -> bool:
    """Whether more than half of a word's box lies inside `rect`."""
    import pymupdf

    word = pymupdf.Rect(box)
    overlap = word & rect
    return not overlap.is_empty and overlap.get_area() > 0.5 * word.get_area()


def redact(data: bytes, marks: list[Mark]) -> Result:
    """The PDF with every marked area removed and its reason printed on it."""
    import pymupdf

    if not marks:
        raise ValidationError(_("Mark at least one area or text to redact."))
    document = _open(data)
    with document:
        areas = _areas(document, marks)
        removed: list[str] = []
        by_page: dict[int, list[dict]] = {}
        for area in areas:
            by_page.setdefault(area["page"], []).append(area)
        for number, page_areas in by_page.items():
            page = document[number]
            # Words once per page (get_textbox per area is slow on long files).
            words = page.get_text("words")
            reasons = []
            for area in page_areas:
                rect = pymupdf.Rect(area["rect"])
                inside = " ".join(w[4] for w in words if _mostly_in(w[:4], rect))
                if inside:
                    removed.append(inside)
                label = reason_label(area["reason"])
                reasons.append(label)
                page.add_redact_annot(
                    rect,
                    text=label if rect.height >= 6 else None,
                    fontname="helv",
                    fontsize=max(3, min(7, rect.height * 0.6)),
                    fill=(0, 0, 0),
                    text_color=(1, 1, 1),
                    cross_out=False,
                )
            page.apply_redactions(
                images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
                graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
            )
            legend = LEGEND + "; ".join(dict.fromkeys(reasons)) + "."
            box = pymupdf.Rect(
                36, page.rect.height - 30, page.rect.width - 36, page.rect.height - 8
            )
            page.insert_textbox(box, legend, fontname="helv", fontsize=6.5)
        document.set_metadata({})
        document.del_xml_metadata()
        pdf = document.tobytes(garbage=4, deflate=True, clean=True)
    with _open(pdf) as result:
        text = "\n".join(page.get_text() for page in result)
        page_count = result.page_count
    return Result(
        pdf=pdf, areas=areas, removed=removed, text=text, page_count=page_count
    )


def pdf_text(data: bytes) -> str:
    with _open(data) as document:
        return "\n".join(page.get_text() for page in document)
