"""Demo objections of Kutai Timur in every outcome, on the demo requests, and two
disputes at the Komisi Informasi at different stages.

Through the real services, with the times they would have happened at: on working
days of the portal's calendar, every step (up to the Komisi's decision) before the
day the demo is loaded. Safe to run again: each objection has a fixed submission
key, each dispute belongs to one of them.
"""

import datetime as dt
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.core.numbering import ROMAN_MONTHS
from apps.core.workdays import Calendar, receipt_date
from apps.info_requests.models import InformationRequest
from apps.objections import services
from apps.objections.models import Dispute, Objection

NAMESPACE = uuid.UUID("0b7c2a51-8f4e-4b43-9d8c-5e2a1f7b6c31")
# Working days from a written notice to the last demo step after it: objection (2),
# answer (12), release (3), dispute filed (5), registered (2), two stages with a
# hearing each (2 x 13). Only notices older than that are objected to.
CHAIN_DAYS = 50

# (slot, notice decision wanted, grounds, outcome or None, release done?)
SLOTS = [
    ("upheld", "refused", ["a"], "upheld", True),
    ("upheld-open", "refused", ["a", "e"], "upheld", False),
    ("in-part", "granted_in_part", ["e"], "upheld_in_part", False),
    ("affirmed", "refused", ["a"], "affirmed", None),
    ("settled", "forwarded", ["d", "e"], "settled", None),
    ("withdrawn", "granted", ["d"], "withdrawn", None),
    ("pending", None, ["c", "g"], None, None),
]
TEXT = {
    "upheld": "Informasi yang diminta tidak termasuk informasi yang dikecualikan.",
    "in-part": "Rekapitulasi tanpa data pribadi seharusnya diberikan seluruhnya.",
    "affirmed": "Jawaban PPID tidak menjelaskan uji konsekuensi secara memadai.",
    "settled": "Informasi diteruskan ke badan lain tanpa penjelasan yang cukup.",
    "withdrawn": "Salinan yang diberikan berbeda dengan yang diminta.",
    "pending": "Sudah lewat batas waktu tetapi belum ada pemberitahuan tertulis.",
}
DECISIONS = {
    "upheld": (
        "Informasi tidak memenuhi unsur Pasal 17; PPID wajib memberikannya.",
        "Salinan dokumen yang diminta secara lengkap.",
    ),
    "upheld-open": (
        "Uji konsekuensi tidak dilakukan; informasi wajib diberikan.",
        "Salinan laporan yang diminta dengan data pribadi dihitamkan.",
    ),
    "in-part": (
        "Data agregat dapat dibuka; nama penerima tetap dikecualikan.",
        "Rekapitulasi per kelurahan tanpa nama dan NIK.",
    ),
    "affirmed": (
        "Informasi memuat data yang dapat mengungkap rahasia pribadi (Pasal 17 "
        "huruf h); uji konsekuensi PPID dikuatkan.",
        "",
    ),
    "settled": (
        "Disepakati PPID membantu pemohon menghubungi badan publik pemegang "
        "informasi dalam 5 hari kerja.",
        "",
    ),
    "withdrawn": ("Pemohon mencabut keberatan setelah penjelasan PPID.", ""),
}


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def load(*, stdout, units, officers, **context):
    by_name = {o.username: o for o in officers}
    atasan, utama = by_name["atasan"], by_name["utama"]
    calendar = Calendar()
    now = timezone.now()
    today = timezone.localdate(now)
    used = set(
        Objection.objects.exclude(request=None).values_list("request_id", flat=True)
    )
    created = 0
    for slot, decision, grounds, outcome, released in SLOTS:
        key = uuid.uuid5(NAMESPACE, f"objection-{slot}")
        if Objection.objects.filter(submission_key=key).exists():
            continue
        if decision is None:
            request = _overdue_request(used)
            if request is None:
                continue
            used.add(request.pk)
            services.objection_submit(
                info_request=request,
                grounds=grounds,
                reason=TEXT[slot],
                received_at=now,
                submission_key=key,
            )
            created += 1
            continue
        candidates = (
            InformationRequest.objects.filter(
                status="decided", notice__decision=decision
            )
            .exclude(pk__in=used)
            .select_related("notice")
            .order_by("received_at")
        )
        if "a" in grounds:
            candidates = candidates.filter(notice__refusal_reason="exempt")
        request = None
        for candidate in candidates:
            noticed = receipt_date(candidate.notice.issued_at)
            if calendar.add(noticed, CHAIN_DAYS) < today:
                request = candidate
                break
        if request is None:
            continue
        used.add(request.pk)
        noticed = receipt_date(request.notice.issued_at)
        received_at = _at(calendar.add(noticed, 2), 9)
        objection = services.objection_submit(
            info_request=request,
            grounds=grounds,
            reason=TEXT.get(slot, TEXT["upheld"]),
            received_at=received_at,
            submission_key=key,
            recorded_by=None,
        )
        created += 1
        reasons, release = DECISIONS[slot]
        decided_at = _at(calendar.add(receipt_date(received_at), 12), 14)
        services.objection_decide(
            objection=objection,
            actor=atasan,
            outcome=outcome,
            reasons=reasons,
            release_ordered=release,
            now=decided_at,
        )
        if released:
            services.objection_release_complete(
                objection=objection,
                actor=utama,
                note="Salinan dokumen dikirim ke e-mail pemohon.",
                now=_at(calendar.add(receipt_date(decided_at), 3), 11),
            )
    key = uuid.uuid5(NAMESPACE, "objection-periodic")
    if not Objection.objects.filter(submission_key=key).exists():
        services.objection_submit(
            grounds=["b"],
            reason=(
                "Laporan keuangan dan ringkasan LAKIP tahun lalu belum diumumkan di "
                "laman PPID, padahal wajib diumumkan secara berkala."
            ),
            purpose="Pemantauan kinerja pemerintah daerah",
            name="Forum Warga Peduli Anggaran Kutim",
            applicant_type="community_group",
            address="Jl. APT Pranoto No. 12, Sangatta Utara",
            email="forum.anggaran@contoh.id",
            identity_document=SimpleUploadedFile(
                "ktp.pdf", _tiny_pdf(), content_type="application/pdf"
            ),
            unit=units.get("BPKAD"),
            submission_key=key,
        )
        created += 1
    disputes = _disputes(utama, calendar)
    stdout.write(
        f"Objections: {created} demo objections created; {disputes} disputes created."
    )
    return {}


def _overdue_request(used):
    """An open demo request past its due date (grounds c and g apply)."""
    today = timezone.localdate()
    for request in (
        InformationRequest.objects.overdue(today)
        .exclude(pk__in=used)
        .order_by("received_at")
    ):
        return request
    return None


def _tiny_pdf() -> bytes:
    from weasyprint import HTML

    return HTML(string="<p>Identitas kuasa (contoh)</p>").write_pdf()


def _disputes(actor, calendar) -> int:
    made = 0
    plans = [
        (1, "affirmed", ["preliminary_examination", "mediation"]),
        (7, "in-part", ["adjudication", "decision"]),
    ]
    for sequence, slot, stages in plans:
        key = uuid.uuid5(NAMESPACE, f"objection-{slot}")
        objection = Objection.objects.filter(submission_key=key).first()
        if objection is None or objection.decided_at is None:
            continue
        if Dispute.objects.filter(objection=objection).exists():
            continue
        filed = calendar.add(receipt_date(objection.decided_at), 5)
        # The Komisi's register number carries the month and year of filing.
        register_number = (
            f"{sequence:03d}/{ROMAN_MONTHS[filed.month - 1]}/KI-Kaltim-PS/{filed.year}"
        )
        dispute = services.dispute_record(
            register_number=register_number,
            filed_on=filed,
            registered_on=calendar.add(filed, 2),
            objection=objection,
            actor=actor,
            respondent_representatives="Kepala Bagian Hukum Setda; PPID Utama",
        )
        day = calendar.add(filed, 2)
        for stage in stages:
            day = calendar.add(day, 10)
            dispute = services.dispute_advance(
                dispute=dispute, stage=stage, on=day, actor=actor
            )
            services.dispute_add_hearing(
                dispute=dispute, on=calendar.add(day, 3), actor=actor, note="Sidang"
            )
            day = calendar.add(day, 3)
        if stages[-1] == "decision":
            services.dispute_record_outcome(
                dispute=dispute,
                outcome="granted_in_part",
                on=day,
                actor=actor,
                summary="Majelis memerintahkan pemberian rekapitulasi tanpa data "
                "pribadi.",
                execution="PPID menyerahkan rekapitulasi kepada pemohon.",
            )
        made += 1
    return made
