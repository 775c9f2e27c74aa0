"""Text of uploaded documents for search: PDF (pypdf), docx, xlsx; others best effort.

Extraction never fails an upload: a file whose text cannot be read is still
kept and served, it just adds nothing to search.

Office files are zip archives: before python-docx, openpyxl or ElementTree open
one, every member's declared size, compression ratio and actual inflated size
are checked against the bounds below (a 200 KB file may inflate to gigabytes),
and text stops accumulating at MAX_TEXT_CHARS. pypdf bounds each PDF stream
itself (75 MB); the text is capped the same way.
"""

from __future__ import annotations

import io
import logging
import zipfile
from xml.etree import ElementTree

logger = logging.getLogger(__name__)

# Enough for search; a 500-page budget would otherwise fill the row.
MAX_TEXT_CHARS = 200_000
# Zip bounds: all members inflated together, one member's compression ratio (for
# members above RATIO_FROM_BYTES: tiny parts compress oddly), number of members.
MAX_INFLATED_BYTES = 20 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024
MAX_MEMBERS = 5_000


class ArchiveTooLarge(ValueError):
    """A zip-based document would inflate beyond the bounds: not extracted."""


def check_archive(data: bytes) -> None:
    """Raise ArchiveTooLarge unless every member of the zip stays within bounds,
    by its declared size and by what it actually inflates to (read in chunks, so
    a lying header costs at most MAX_INFLATED_BYTES of work and 64 KB of memory).
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ArchiveTooLarge(f"{len(members)} members")
        declared = sum(member.file_size for member in members)
        if declared > MAX_INFLATED_BYTES:
            raise ArchiveTooLarge(f"declares {declared} bytes inflated")
        for member in members:
            if (
                member.file_size > RATIO_FROM_BYTES
                and member.file_size > MAX_RATIO * max(member.compress_size, 1)
            ):
                raise ArchiveTooLarge(f"{member.filename} compressed {MAX_RATIO}:1+")
        inflated = 0
        for member in members:
            with archive.open(member) as handle:
                size = 0
                while chunk := handle.read(65536):
                    size += len(chunk)
                    inflated += len(chunk)
                    if size > member.file_size or inflated > MAX_INFLATED_BYTES:
                        raise ArchiveTooLarge(f"{member.filename} inflates beyond")


def _capped(parts) -> str:
    """Join text parts until MAX_TEXT_CHARS: the rest is never built."""
    kept, length = [], 0
    for part in parts:
        kept.append(part)
        length += len(part) + 1
        if length > MAX_TEXT_CHARS:
            break
    return "\n".join(kept)


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODF = {
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}


def pdf_page_count(data: bytes) -> int | None:
    from pypdf import PdfReader

    try:
        return len(PdfReader(io.BytesIO(data)).pages)
    except Exception:  # noqa: BLE001 - a damaged PDF still gets stored
        logger.warning("Could not count the pages of a PDF upload")
        return None


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return _capped((page.extract_text() or "") for page in reader.pages)


def _docx_text(data: bytes) -> str:
    import docx

    check_archive(data)
    document = docx.Document(io.BytesIO(data))

    def parts():
        for paragraph in document.paragraphs:
            yield paragraph.text
        for table in document.tables:
            for row in table.rows:
                yield " ".join(cell.text for cell in row.cells)

    return _capped(parts())


def _xlsx_text(data: bytes) -> str:
    from openpyxl import load_workbook

    check_archive(data)
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)

    def parts():
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                values = [str(v) for v in row if v is not None]
                if values:
                    yield " ".join(values)

    try:
        return _capped(parts())
    finally:
        workbook.close()


def _zipped_xml_text(data: bytes) -> str:
    """pptx and OpenDocument: the text nodes of their XML parts."""
    check_archive(data)
    parts = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name == "content.xml" or (
                name.startswith("ppt/slides/") and name.endswith(".xml")
            ):
                root = ElementTree.fromstring(archive.read(name))
                parts.append(" ".join(t.strip() for t in root.itertext() if t.strip()))
    return _capped(parts)


def extract_text(data: bytes, content_type: str) -> str:
    try:
        if content_type == "application/pdf":
            text = _pdf_text(data)
        elif content_type == DOCX:
            text = _docx_text(data)
        elif content_type == XLSX:
            text = _xlsx_text(data)
        elif content_type == PPTX or content_type in ODF:
            text = _zipped_xml_text(data)
        else:
            return ""
    except ArchiveTooLarge as error:
        logger.warning("Not extracting text from a %s upload: %s", content_type, error)
        return ""
    except Exception:  # noqa: BLE001 - best effort, see module docstring
        logger.warning("Could not extract text from a %s upload", content_type)
        return ""
    return " ".join(text.split())[:MAX_TEXT_CHARS]
