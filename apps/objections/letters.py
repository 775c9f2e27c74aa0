"""PDFs of objections: the receipt, the Atasan PPID's answer letter, and the bundle
a Komisi Informasi asks for in a dispute (one PDF, merged with pypdf)."""

from __future__ import annotations

import io

from pypdf import PdfWriter

from django.conf import settings
from django.urls import reverse

from apps.core import periods
from apps.core.pdf import official_document, render_pdf
from apps.core.tracking import make_status_token
from apps.core.workdays import explain_period, receipt_date
from apps.objections.models import Dispute, Objection

TRACKING_KIND = "objection"


def status_url(objection: Objection) -> str:
    token = make_status_token(TRACKING_KIND, objection.number)
    return settings.SITE_URL + reverse("objections:status_link", args=[token])


@official_document
def render_receipt_pdf(objection: Objection) -> bytes:
    return render_pdf(
        "pdf/objections/receipt.html",
        {
            "objection": objection,
            "req": objection.request,
            "status_url": status_url(objection),
            "lookup_url": settings.SITE_URL + reverse("objections:status"),
            "explanation": explain_period(
                receipt_date(objection.received_at), periods.OBJECTION_ANSWER_DAYS
            ),
        },
    )


@official_document
def render_answer_pdf(objection: Objection, *, dispute_deadline=None) -> bytes:
    return render_pdf(
        "pdf/objections/answer.html",
        {
            "objection": objection,
            "req": objection.request,
            "notice": getattr(objection.request, "notice", None)
            if objection.request
            else None,
            "dispute_deadline": dispute_deadline,
            "dispute_days": periods.DISPUTE_FILING_DAYS,
        },
    )


def _read(fieldfile) -> bytes | None:
    if not fieldfile:
        return None
    with fieldfile.open("rb") as handle:
        return handle.read()


def bundle_parts(dispute: Dispute) -> list[tuple[str, bytes]]:
    """(title, PDF bytes) of each document the Komisi asks for, in order."""
    from apps.info_requests.letters import render_receipt_pdf as request_receipt

    objection = dispute.objection
    request = dispute.request or (objection.request if objection else None)
    parts: list[tuple[str, bytes]] = []
    if request is not None:
        parts.append(("request", request_receipt(request)))
        notice = getattr(request, "notice", None)
        letter = _read(notice.letter) if notice else None
        if letter:
            parts.append(("notice", letter))
    if objection is not None:
        parts.append(("objection", render_receipt_pdf(objection)))
        answer = _read(objection.answer_letter)
        if answer:
            parts.append(("answer", answer))
    return parts


@official_document
def render_dispute_bundle(dispute: Dispute) -> bytes:
    """A cover page listing the documents, then each document, as one PDF."""
    parts = bundle_parts(dispute)
    cover = render_pdf(
        "pdf/objections/bundle_cover.html",
        {"dispute": dispute, "parts": [name for name, _content in parts]},
    )
    writer = PdfWriter()
    for content in [cover, *(content for _name, content in parts)]:
        writer.append(io.BytesIO(content))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
