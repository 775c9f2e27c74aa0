"""Text of uploaded documents for search: PDF (pypdf), docx, xlsx; others best effort.

Extraction never fails an upload: a file whose text cannot be read is still
kept and served, it just adds nothing to search.
"""

from __future__ import annotations

import io
import logging
import zipfile
from xml.etree import ElementTree

logger = logging.getLogger(__name__)

# Enough for search; a 500-page budget would otherwise fill the row.
MAX_TEXT_CHARS = 200_000

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
    return "\n".join((page.extract_text() or "") for page in reader.pages)


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xlsx_text(data: bytes) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    parts = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            values = [str(v) for v in row if v is not None]
            if values:
                parts.append(" ".join(values))
    workbook.close()
    return "\n".join(parts)


def _zipped_xml_text(data: bytes) -> str:
    """pptx and OpenDocument: the text nodes of their XML parts."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name == "content.xml" or (
                name.startswith("ppt/slides/") and name.endswith(".xml")
            ):
                root = ElementTree.fromstring(archive.read(name))
                parts.append(" ".join(t.strip() for t in root.itertext() if t.strip()))
    return "\n".join(parts)


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
    except Exception:  # noqa: BLE001 - best effort, see module docstring
        logger.warning("Could not extract text from a %s upload", content_type)
        return ""
    return " ".join(text.split())[:MAX_TEXT_CHARS]
