"""Demo requests of Kabupaten Kutai Timur: 45 over the last 12 months, every status,
every channel, several units, some overdue, with their receipts and written notices.

They go through the real services (numbers, deadlines, audit trail, PDF letters)
with the times they would have happened at: received and handled on working days
of the portal's calendar, every step before the day the demo is loaded, so each
status is there whatever that day is. Safe to run again: each demo request has a
fixed submission key and is skipped when it exists.
"""

import datetime as dt
import uuid

from django.utils import timezone

from apps.core.demo import working_day_on_or_before, working_days_ago
from apps.core.workdays import Calendar, receipt_date
from apps.info_requests import services
from apps.info_requests.models import InformationRequest

NAMESPACE = uuid.UUID("6b3f1c1e-3d55-4d1b-9a4e-7d1f0c2b9a10")

# (unit code, information requested, purpose)
TOPICS = [
    (
        "DINKES",
        "Data kasus demam berdarah dengue (DBD) per kelurahan tahun 2025",
        "Penelitian skripsi kesehatan masyarakat",
    ),
    (
        "DISDIKBUD",
        "Jumlah sekolah, guru dan siswa SD/SMP per kecamatan tahun ajaran 2025/2026",
        "Kajian pemerataan pendidikan",
    ),
    (
        "BPBD",
        "Laporan penanganan banjir Sangatta Januari 2026 dan daftar posko pengungsian",
        "Pemberitaan media lokal",
    ),
    (
        "BAPPEDA",
        "Dokumen RKPD Kabupaten Kutai Timur tahun 2026",
        "Advokasi anggaran oleh LSM",
    ),
    (
        "BPKAD",
        "Laporan Realisasi Anggaran APBD 2025 semester II",
        "Pemantauan anggaran daerah",
    ),
    (
        "PUPR",
        "Rencana Umum Pengadaan (RUP) Dinas PUPR tahun 2026 dan daftar paket jalan",
        "Persiapan mengikuti tender",
    ),
    (
        "DPMPTSP",
        "Daftar izin usaha perkebunan kelapa sawit di Kecamatan Muara Wahau 2024-2025",
        "Penelitian tata kelola perkebunan",
    ),
    (
        "RSUD-KUDUNGGA",
        "Peraturan Bupati tentang tarif layanan RSUD Kudungga yang berlaku",
        "Informasi biaya berobat keluarga",
    ),
    (
        "DLH",
        "Dokumen AMDAL dan hasil pemantauan kualitas air Sungai Sangatta 2025",
        "Kajian lingkungan oleh mahasiswa",
    ),
    (
        "DINSOS",
        "Daftar penerima bantuan sosial di Kelurahan Teluk Lingga tahun 2025",
        "Memeriksa apakah keluarga kami terdaftar",
    ),
    (
        "DISDUKCAPIL",
        "Statistik jumlah penduduk per kecamatan semester II 2025",
        "Bahan perencanaan usaha",
    ),
    (
        "KEC-SANGATTA-UTARA",
        "Laporan penggunaan dana kelurahan Swarga Bara tahun 2025",
        "Pengawasan oleh warga RT 12",
    ),
    (
        "INSPEKTORAT",
        "Laporan hasil pemeriksaan Inspektorat atas pengadaan alat kesehatan 2025",
        "Investigasi jurnalistik",
    ),
    (
        "SETDA",
        "Salinan Peraturan Bupati tentang Standar Biaya Masukan 2026",
        "Penyusunan proposal hibah",
    ),
    (
        "DISKOMINFO",
        "Daftar Informasi Publik (DIP) Pemerintah Kabupaten Kutai Timur terbaru",
        "Penelitian keterbukaan informasi",
    ),
]

NAMES = [
    ("Budi Santoso", "Wiraswasta"),
    ("Siti Nurhaliza", "Mahasiswa"),
    ("Andi Pratama", "Wartawan"),
    ("Rina Marlina", "Guru"),
    ("Yohanes Lasut", "Karyawan swasta"),
    ("Dewi Anggraini", "Peneliti"),
    ("Muhammad Rizky", "Petani"),
    ("Lestari Wulandari", "Ibu rumah tangga"),
    ("Hendra Gunawan", "Kontraktor"),
    ("Fitri Ramadhani", "Aktivis LSM"),
    ("Ahmad Fauzi", "Nelayan"),
    ("Maria Goreti", "Perawat"),
]

CHANNELS = [
    "web", "walk_in", "letter", "email", "whatsapp", "phone",
    "instagram", "facebook", "x", "lapor", "other", "web",
]  # fmt: skip

# The fate of each demo request, cycled: (status path, decision details)
FATES = [
    ("granted", {}),
    ("granted_in_part", {}),
    ("refused_exempt", {"letters": ["h"]}),
    ("extended_granted", {}),
    ("forwarded", {}),
    ("not_held", {}),
    ("granted", {}),
    ("withdrawn", {}),
    ("refused_exempt", {"letters": ["a", "i"]}),
    ("granted", {}),
]
CLOSED = 33  # requests 0-32 are decided or withdrawn, spread over the past year
# A closed request's last step comes at most 14 working days after receipt.
CLOSED_MIN_AGE = 20
# The 12 open requests (33-44): (status left in, working days elapsed since receipt).
# A request is due 10 working days after receipt (17 when extended): those marked
# overdue are past it on any day the demo is loaded.
OPEN = [
    ("in_process", 16),  # overdue
    ("awaiting_completion", 12),
    ("extended", 19),  # overdue even after the extension
    ("received", 12),  # overdue, never routed
    ("in_process", 8),
    ("awaiting_completion", 5),
    ("extended", 9),
    ("received", 4),
    ("in_process", 3),
    ("awaiting_completion", 2),
    ("extended", 6),
    ("received", 0),  # arrived on the last working day
]


def _nik(index: int, female: bool) -> str:
    day = 1 + index % 28 + (40 if female else 0)
    month = 1 + index % 12
    year = 70 + index % 30
    return f"640801{day:02d}{month:02d}{year:02d}{index + 1:04d}"


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 15)))


def _received_day(index: int, today: dt.date, calendar: Calendar) -> dt.date:
    """A working day before today: closed requests spread over the past year (and
    old enough for all their steps), open ones a set number of working days ago."""
    if index < CLOSED:
        spread = working_day_on_or_before(
            calendar, today - dt.timedelta(days=360 - index * 10)
        )
        return min(spread, working_days_ago(calendar, today, CLOSED_MIN_AGE))
    _status, elapsed = OPEN[index - CLOSED]
    return working_days_ago(calendar, today, elapsed + 1)


def load(*, stdout, units, officers, **context):
    today = timezone.localdate()
    calendar = Calendar()
    by_name = {o.username: o for o in officers}
    utama, petugas = by_name["utama"], by_name["petugas"]
    created = 0
    for index in range(CLOSED + len(OPEN)):
        key = uuid.uuid5(NAMESPACE, f"request-{index}")
        if InformationRequest.objects.filter(submission_key=key).exists():
            continue
        unit_code, information, purpose = TOPICS[index % len(TOPICS)]
        name, occupation = NAMES[index % len(NAMES)]
        channel = CHANNELS[index % len(CHANNELS)]
        received_at = _at(_received_day(index, today, calendar), 8 + index % 9)
        applicant_type = "individual"
        extra = {}
        if index % 11 == 4:
            applicant_type = "legal_entity"
            name = "PT Borneo Data Nusantara"
            extra = {"legal_entity_decree": "AHU-0012345.AH.01.01.Tahun 2019"}
        elif index % 13 == 6:
            applicant_type = "community_group"
            name = "Kelompok Tani Maju Bersama"
            extra = {
                "representative_name": "Sutrisno",
                "representative_phone": "0813 5000 1234",
            }
        request = services.information_request_submit(
            applicant_type=applicant_type,
            name=name,
            nik=_nik(index, female=index % 2 == 1)
            if applicant_type == "individual"
            else "",
            address=f"Jl. Yos Sudarso No. {index + 3}, Sangatta, Kutai Timur",
            phone=f"0812 5{index:03d} {1000 + index}",
            email=f"pemohon{index}@contoh.id" if index % 3 else "",
            occupation=occupation,
            information_requested=information,
            purpose=purpose,
            access_method="copy" if index % 4 else "view",
            copy_format="softcopy" if index % 5 else "hardcopy",
            delivery_method="email" if index % 5 else "pickup",
            unit=None,
            channel=channel,
            received_at=received_at,
            recorded_by=None if channel == "web" else petugas,
            submission_key=key,
            **extra,
        )
        created += 1
        unit = units[unit_code]
        day = receipt_date(received_at)

        def step(n, day=day):
            """10.15 on the n-th working day after receipt."""
            return _at(calendar.add(day, n), 10)

        if index >= CLOSED:
            status, elapsed = OPEN[index - CLOSED]
            _leave_open(request, status, elapsed, unit, utama, step)
            continue
        fate, details = FATES[index % len(FATES)]
        services.information_request_assign(
            info_request=request, unit=unit, actor=utama, now=step(1)
        )
        if fate == "withdrawn":
            services.information_request_withdraw(
                info_request=request, actor=petugas, now=step(3)
            )
            continue
        decided_after = 6 + index % 4
        if fate == "extended_granted":
            services.information_request_extend(
                info_request=request,
                actor=utama,
                reason="Dokumen berada di beberapa bidang dan perlu dihimpun.",
                today=step(8).date(),
                now=step(8),
            )
            decided_after = 14
        _decide(request, fate, details, utama, step(decided_after))
    stdout.write(f"Information requests: {created} demo requests created.")
    return {}


def _leave_open(request, status, elapsed, unit, utama, step):
    """Bring an open request to `status`; its steps take the working days after
    receipt, all `elapsed` of which are before today."""
    if status == "received":
        return  # waiting for the PPID Utama to route it
    services.information_request_assign(
        info_request=request, unit=unit, actor=utama, now=step(1)
    )
    if status == "awaiting_completion":
        services.information_request_ask_completion(
            info_request=request,
            actor=utama,
            missing="Mohon lampirkan salinan KTP yang terbaca jelas.",
            now=step(2),
        )
    elif status == "extended":
        # Extended within the first 10 working days, as the law allows.
        on = step(min(elapsed, 8))
        services.information_request_extend(
            info_request=request,
            actor=utama,
            reason="Data masih direkap dari puskesmas.",
            today=on.date(),
            now=on,
        )


def _decide(request, fate, details, actor, when):
    common = {"info_request": request, "actor": actor, "now": when}
    if fate in ("granted", "extended_granted"):
        services.information_request_decide(
            control="held",
            decision="granted",
            information_given="Salinan dokumen yang diminta (PDF).",
            form_given="softcopy",
            delivery_method="email",
            **common,
        )
    elif fate == "granted_in_part":
        services.information_request_decide(
            control="held",
            decision="granted_in_part",
            information_given="Rekapitulasi per kelurahan tanpa data pribadi.",
            redactions="Nama dan NIK penerima dihitamkan (Pasal 17 huruf h).",
            form_given="softcopy",
            delivery_method="email",
            cost=0,
            **common,
        )
    elif fate == "refused_exempt":
        services.information_request_decide(
            control="held",
            decision="refused",
            refusal_reason="exempt",
            exemption_letters=details["letters"],
            exemption_reference="Daftar Informasi yang Dikecualikan 2025",
            explanation="Informasi dikecualikan berdasarkan uji konsekuensi PPID.",
            **common,
        )
    elif fate == "forwarded":
        services.information_request_decide(
            control="not_held",
            decision="forwarded",
            holding_body="Dinas Lingkungan Hidup Provinsi Kalimantan Timur",
            **common,
        )
    elif fate == "not_held":
        services.information_request_decide(
            control="not_documented",
            decision="refused",
            refusal_reason="not_documented",
            explanation="Data belum selesai didokumentasikan.",
            **common,
        )
