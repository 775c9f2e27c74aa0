"""Demo data: last year's published annual report, this year's draft, and
satisfaction-survey answers for some of the demo requests that were decided."""

from django.utils import timezone

from apps.info_requests.models import InformationRequest, Status
from apps.reports.models import AnnualReport, SkmElement, SurveyResponse
from apps.reports.services import annual_report_publish

NARRATIVE = {
    "policy": (
        "Layanan informasi publik Pemerintah Kabupaten Kutai Timur berpedoman pada "
        "UU 14/2008, Perki 1/2021 dan Keputusan Bupati tentang PPID. Standar "
        "layanan, maklumat pelayanan dan SOP permohonan serta keberatan diumumkan "
        "di portal ini dan di meja layanan."
    ),
    "facilities": (
        "Meja layanan informasi di Kantor Bupati Bukit Pelangi, Sangatta, dengan "
        "komputer, pemindai, ruang tunggu ramah disabilitas dan portal PPID daring."
    ),
    "staff": (
        "PPID Utama dibantu empat petugas layanan (dua berijazah S1 Ilmu "
        "Komunikasi) dan PPID Pelaksana di setiap perangkat daerah."
    ),
    "budget": (
        "Anggaran layanan informasi dari APBD untuk operasional meja layanan, "
        "pemeliharaan portal dan sosialisasi keterbukaan informasi di kecamatan."
    ),
    "dispute_notes": (
        "Tanggapan Atasan PPID atas keberatan dilaksanakan oleh perangkat daerah "
        "terkait dalam waktu yang ditetapkan."
    ),
    "obstacles": (
        "Internal: pendokumentasian informasi di sebagian perangkat daerah belum "
        "tertib. Eksternal: jaringan internet di kecamatan pedalaman terbatas."
    ),
    "recommendations": (
        "Pelatihan pendokumentasian bagi PPID Pelaksana; layanan jemput bola di "
        "kecamatan; pemutakhiran Daftar Informasi Publik setiap semester."
    ),
}
# Scores (u1..u9) of the demo answers, cycled over the decided demo requests.
SCORES = (
    (4, 4, 3, 4, 3, 4, 4, 3, 3),
    (3, 3, 3, 4, 3, 3, 4, 3, 2),
    (4, 3, 4, 4, 4, 4, 4, 4, 3),
)


def load(*, stdout, units, officers, **context):
    now = timezone.now()
    year = timezone.localdate(now).year
    last, _created = AnnualReport.objects.get_or_create(
        year=year - 1, defaults=NARRATIVE
    )
    if not last.published:
        utama = next((o for o in officers if o.username == "utama"), None)
        annual_report_publish(report=last, actor=utama, now=now)
    AnnualReport.objects.get_or_create(year=year, defaults=NARRATIVE)
    decided = InformationRequest.objects.filter(status=Status.DECIDED).order_by("pk")
    added = 0
    for index, request in enumerate(decided[:6]):
        scores = dict(zip(SkmElement.values, SCORES[index % len(SCORES)], strict=True))
        _response, created = SurveyResponse.objects.get_or_create(
            request=request,
            defaults={
                "submitted_at": request.decided_at or now,
                "comment": "Petugas ramah dan jawabannya jelas." if index == 0 else "",
                **scores,
            },
        )
        added += created
    stdout.write(
        f"reports: annual reports {year - 1} (published), {year}; "
        f"{added} survey answers\n"
    )
    return {}
