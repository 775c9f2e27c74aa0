"""Reading the PDFs the portal makes, as a reader of the printed page would."""

import io

from pypdf import PdfReader

# Words that only an English rendering of an official document contains.
ENGLISH_MARKERS = (
    "Page ",
    "Registration number",
    "Written notice",
    "WRITTEN NOTICE",
    "Receipt",
    "RECEIPT",
    "Information requested",
    "Register of",
    "REGISTER OF",
    "Objection number",
    "Applicant",
    "Decision",
    "Date received",
    "Service policy",
    "Requests received",
    "Public information",
    "PUBLIC INFORMATION",
    "As of",
    "Tracking number",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "March",
    "December",
)


def pdf_reader(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def pdf_text(content: bytes) -> str:
    """All the text of the PDF, whitespace collapsed to single spaces."""
    return " ".join(
        " ".join(page.extract_text().split()) for page in pdf_reader(content).pages
    )


def english_in(text: str) -> list[str]:
    return [marker for marker in ENGLISH_MARKERS if marker in text]


def outside_page(content: bytes) -> list[tuple[int, str, float]]:
    """Every text run and every drawn line that starts outside its page.

    Text drawn off the page edge is still in the PDF's text (so a search for it
    finds it) but on no printed sheet: what counts is where it is drawn."""
    found = []
    for number, page in enumerate(pdf_reader(content).pages, start=1):
        left, right = float(page.mediabox.left), float(page.mediabox.right)

        def visit(operator, args, cm, tm, number=number, left=left, right=right):
            if operator in (b"m", b"l"):
                x, y = float(args[0]), float(args[1])
                position = cm[0] * x + cm[2] * y + cm[4]
            elif operator in (b"TJ", b"Tj"):
                position = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            else:
                return
            if not left - 0.5 <= position <= right + 0.5:
                found.append((number, operator.decode(), round(position, 1)))

        page.extract_text(visitor_operand_before=visit)
    return found


def assert_table_fits(content: bytes, *, headers, last_column_value: str) -> str:
    """Every column title and a value of the last column are on the page
    (landscape), nothing is drawn past its edge; returns the text."""
    for page in pdf_reader(content).pages:
        assert page.mediabox.width > page.mediabox.height, "not landscape"
    text = pdf_text(content)
    missing = [header for header in headers if str(header) not in text]
    assert not missing, f"column titles missing: {missing}"
    assert last_column_value in text, f"{last_column_value!r} not in the PDF"
    off_page = outside_page(content)
    assert not off_page, f"drawn past the page edge (page, op, x): {off_page[:8]}"
    return text
