"""Demo of the disclosure log and OCR: answered requests of the request demo
whose applicants chose publication, with their notice letters and documents
redacted and published (one left in draft, one unpublished with a reason); a
scanned register document that search finds by a word only in its image.

Runs after apps.info_requests.demo and apps.registers.demo (app order); safe to
run again: it only adds what is missing.
"""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.core.demo import working_day_on_or_before, working_days_ago
from apps.core.models import StatusChange
from apps.core.workdays import Calendar
from apps.disclosure import services
from apps.disclosure.models import OcrJob, PublishedAnswer
from apps.info_requests import services as request_services
from apps.info_requests.models import InformationRequest, Status

# Units whose granted demo requests go first into the log (officers of Dinas
# Kesehatan and BPBD have answers of their own); then one a unit, up to ANSWERS.
FIRST_UNITS = ["DINKES", "BPBD"]
ANSWERS = 6
# The fifth stays a draft for an officer to review; the sixth was unpublished.
DRAFT_INDEX, UNPUBLISHED_INDEX = 4, 5
SCAN_TITLE = "Laporan distribusi logistik kesehatan 2025 (pindaian)"
# Only in the scanned image: the register's search finds it through OCR.
SCAN_WORD = "kelambu"
SCAN_LINES = [
    "DINAS KESEHATAN KABUPATEN KUTAI TIMUR",
    "Laporan pembagian kelambu berinsektisida 2025",
    "Puskesmas Sangatta Utara: 1.250 lembar",
]


def scanned_pdf(lines: list[str]) -> bytes:
    """An image-only PDF (no text layer), as a scanner makes it."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=48)
    image = Image.new("L", (1800, 120 + 90 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((100, 80 + 90 * index), line, fill=0, font=font)
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=300)
    return buffer.getvalue()


def given_document(info_request: InformationRequest) -> bytes:
    from weasyprint import HTML

    return HTML(
        string=f"""<html lang="id"><body style="font-family: sans-serif">
        <h1 style="font-size: 16pt">{info_request.unit.name}</h1>
        <p>Kepada Yth. {info_request.name}<br>{info_request.address}<br>
        Telepon {info_request.phone}</p>
        <p>Menjawab permohonan nomor {info_request.registration_number}:</p>
        <p>{info_request.information_requested}. Terlampir rekapitulasi data yang
        diminta sebagaimana tercatat pada {info_request.unit.name}.</p>
        <p>Dokumen contoh portal PPID (data demo).</p></body></html>"""
    ).write_pdf()


def _candidates(units) -> list[InformationRequest]:
    granted = (
        InformationRequest.objects.filter(
            status=Status.DECIDED,
            notice__decision__in=["granted", "granted_in_part"],
            submission_key__isnull=False,
            unit__isnull=False,
        )
        .select_related("notice", "unit")
        .order_by("received_at", "pk")
    )
    first: dict[int, InformationRequest] = {}
    for info_request in granted:
        first.setdefault(info_request.unit_id, info_request)
    preferred = [units[code].pk for code in FIRST_UNITS]
    ordered = sorted(
        first.values(),
        key=lambda r: (
            preferred.index(r.unit_id) if r.unit_id in preferred else len(preferred),
            r.received_at,
        ),
    )
    return ordered[:ANSWERS]


def _review_time(info_request) -> dt.datetime:
    """10:00 on the last working day before today, or just after the case's
    last event when that is later (the timeline stays in order)."""
    calendar = Calendar()
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    day = working_day_on_or_before(calendar, yesterday)
    when = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
    last = (
        StatusChange.objects.for_object(info_request)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if last is not None and last >= when:
        when = min(last + dt.timedelta(minutes=1), timezone.now())
    return when


def _publish_answers(units, utama) -> tuple[int, int]:
    created = published = 0
    for index, info_request in enumerate(_candidates(units)):
        if PublishedAnswer.objects.filter(request=info_request).exists():
            continue
        # These demo applicants ticked "may be published" when they filed.
        InformationRequest.objects.filter(pk=info_request.pk).update(
            publication_consent=True
        )
        info_request.refresh_from_db()
        if not info_request.documents.exists():
            request_services.information_request_add_document(
                info_request=info_request,
                actor=utama,
                upload=SimpleUploadedFile(
                    "salinan-informasi.pdf",
                    given_document(info_request),
                    "application/pdf",
                ),
                now=info_request.notice.issued_at,
            )
        # Officers review on a working day, after the case's last step.
        when = _review_time(info_request)
        answer = services.published_answer_prepare(
            actor=utama, info_request=info_request, now=when
        )
        created += 1
        for source, _label in services.sources_of(answer):
            marks = services.suggested_marks(answer, source)
            if marks:
                services.published_document_redact(
                    actor=utama, answer=answer, source=source, marks=marks, now=when
                )
        if index == DRAFT_INDEX:
            continue  # left for an officer to review and publish
        services.published_answer_publish(actor=utama, answer=answer, now=when)
        published += 1
        if index == UNPUBLISHED_INDEX:
            services.published_answer_unpublish(
                actor=utama,
                answer=answer,
                reason="Ditinjau ulang: data penduduk diperbarui semester ini.",
                now=when,
            )
            published -= 1
    return created, published


def _scanned_item(units, utama) -> str:
    from apps.disclosure.tasks import ocr_register_document
    from apps.registers import services as register_services
    from apps.registers.models import Document, InformationItem

    unit = units["DINKES"]
    item = InformationItem.objects.filter(unit=unit, title=SCAN_TITLE).first()
    if item is None:
        item = register_services.information_item_create(
            actor=utama,
            data={
                "category": "setiap_saat",
                "title": SCAN_TITLE,
                "summary": "Arsip pindaian laporan distribusi ke puskesmas.",
                "unit": unit,
                "responsible_official": f"Kepala {unit.name}",
                "format_softcopy": True,
                "year": timezone.localdate().year - 1,
            },
        )
        calendar = Calendar()
        day = working_days_ago(
            calendar, working_day_on_or_before(calendar, timezone.localdate()), 3
        )
        register_services.information_item_publish(
            actor=utama,
            item=item,
            now=timezone.make_aware(dt.datetime.combine(day, dt.time(9))),
        )
    document = Document.objects.filter(item=item).first()
    if document is None:
        document = register_services.document_add(
            actor=utama,
            item=item,
            title="Pindaian laporan",
            upload=ContentFile(scanned_pdf(SCAN_LINES), name="pindaian.pdf"),
        )
    job = OcrJob.objects.filter(document=document).first()
    if job is None or job.status != OcrJob.Status.DONE:
        ocr_register_document.call(document_id=document.pk)
    return OcrJob.objects.get(document=document).get_status_display()


def load(*, stdout, units, officers, **context):
    utama = next(o for o in officers if o.username == "utama")
    created, published = _publish_answers(units, utama)
    ocr_status = _scanned_item(units, utama)
    stdout.write(
        f"Disclosure log: {created} answers prepared, {published} published; "
        f"scanned register document OCR: {ocr_status}."
    )
    return {}
