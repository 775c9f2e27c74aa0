"""Demo complaints of Kabupaten Kutai Timur: 28 across units, channels and statuses.

Received and handled on working days of the portal's calendar, every step before
the day the demo is loaded. Idempotent: each complaint has a fixed submission key,
so a second run finds it.
"""

import datetime as dt

from django.utils import timezone

from apps.complaints import services
from apps.complaints.models import Channel, Classification, Complaint, RejectionReason
from apps.core.demo import working_days_ago
from apps.core.workdays import Calendar, receipt_date

UNIT_CODES = [
    "DINKES",
    "RSUD-KUDUNGGA",
    "DISDIKBUD",
    "BPBD",
    "PUPR",
    "DISDUKCAPIL",
    "DLH",
    "KEC-SANGATTA-UTARA",
    "DISKOMINFO",
    None,
]
TOPICS = [
    ("Antrean pendaftaran pasien terlalu lama", "Loket pendaftaran buka terlambat."),
    ("Jalan berlubang di Jl. Yos Sudarso", "Lubang besar membahayakan pengendara."),
    ("Pungutan di sekolah negeri", "Ada pungutan seragam yang tidak jelas dasarnya."),
    ("Bantuan banjir belum diterima", "Warga RT 12 belum menerima bantuan logistik."),
    ("Lampu jalan padam", "Lampu jalan di depan pasar padam sejak sebulan."),
    ("KTP-el belum jadi", "Sudah tiga bulan KTP-el belum dicetak."),
    ("Sampah menumpuk di TPS", "TPS tidak diangkut selama seminggu."),
    ("Pelayanan kelurahan tutup jam kerja", "Kantor tutup pada jam pelayanan."),
    ("Dokumen anggaran tidak ada di website", "Usul agar APBD diunggah lengkap."),
    ("Dugaan pungli izin usaha", "Oknum meminta uang untuk mempercepat izin."),
]
# Status each demo complaint is brought to, in turn.
TARGETS = ["received", "verified", "rejected", "forwarded", "followed_up", "resolved"]
COUNT = 28
# The last complaint arrived this many working days ago: more than its four steps.
NEWEST_AGE = 6


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _next_working_morning(calendar: Calendar, moment: dt.datetime) -> dt.datetime:
    return _at(calendar.add(receipt_date(moment), 1), 10)


def _walk(complaint, target, actor, start, calendar):
    """One step per working day after receipt, up to `target`."""
    at = start
    if target == "rejected":
        services.complaint_reject(
            complaint=complaint,
            actor=actor,
            reason=RejectionReason.OUT_OF_AUTHORITY,
            note="Jalan nasional, bukan kewenangan kabupaten.",
            belongs_to="Balai Besar Pelaksanaan Jalan Nasional Kalimantan Timur",
            now=_next_working_morning(calendar, at),
        )
        return
    order = ["verified", "forwarded", "followed_up", "resolved"]
    if target not in order:
        return
    steps = order[: order.index(target) + 1]
    for step in steps:
        at = _next_working_morning(calendar, at)
        if step == "verified":
            services.complaint_verify(complaint=complaint, actor=actor, now=at)
        elif step == "forwarded":
            services.complaint_forward(
                complaint=complaint,
                actor=actor,
                note="Mohon ditindaklanjuti sesuai SOP.",
                now=at,
            )
        elif step == "followed_up":
            services.complaint_follow_up(
                complaint=complaint,
                actor=actor,
                text="Unit telah memeriksa lokasi dan memperbaiki layanan.",
                now=at,
            )
        elif step == "resolved":
            services.complaint_resolve(
                complaint=complaint, actor=actor, satisfaction="satisfied", now=at
            )


def load(*, stdout, units, officers, **context) -> dict:
    by_name = {officer.username: officer for officer in officers}
    lead, desk = by_name["utama"], by_name["petugas"]
    today = timezone.localdate()
    calendar = Calendar()
    channels = Channel.values
    classifications = Classification.values
    complaints = []
    for index in range(COUNT):
        key = f"demo:complaint:{index:02d}"
        existing = Complaint.objects.filter(submission_key=key).first()
        if existing is not None:
            complaints.append(existing)
            continue
        title, description = TOPICS[index % len(TOPICS)]
        code = UNIT_CODES[index % len(UNIT_CODES)]
        target = TARGETS[index % len(TARGETS)]
        anonymous = index % 5 == 4
        unit = (
            units[code] if code else (units["PUPR"] if target != "received" else None)
        )
        received_on = working_days_ago(calendar, today, COUNT - index + NEWEST_AGE - 1)
        received = _at(received_on, 7 + index % 8, 5 * (index % 12))
        result = services.complaint_submit(
            actor=desk,
            title=title,
            description=description,
            classification=classifications[index % len(classifications)],
            is_anonymous=anonymous,
            is_confidential=not anonymous and index % 7 == 3,
            reporter_name="" if anonymous else f"Warga Demo {index + 1}",
            reporter_phone="" if anonymous else f"+628125400{index:04d}",
            reporter_email="" if anonymous else f"warga{index + 1}@example.com",
            unit=unit,
            event_place="Sangatta Utara",
            event_date=(received - dt.timedelta(days=3)).date(),
            channel=channels[index % len(channels)],
            received_at=received,
            submission_key=key,
            now=received,
        )
        _walk(result.complaint, target, lead, received, calendar)
        complaints.append(result.complaint)
    stdout.write(f"Complaints: {len(complaints)}")
    return {"complaints": complaints}
