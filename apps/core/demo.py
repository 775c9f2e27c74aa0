"""Foundation demo data: the Kutai Timur body profile, its units and officers."""

import datetime as dt
import secrets

from django.conf import settings
from django.contrib.auth.models import Group

from apps.accounts.models import Unit, User
from apps.accounts.roles import Role
from apps.core.models import BodyProfile
from apps.core.workdays import Calendar

SANGATTA = (
    "Kawasan Perkantoran Bukit Pelangi, Sangatta, Kutai Timur, Kalimantan Timur 75683"
)

# (code, name, kind, parent code)
UNITS = [
    ("KUTIM", "Pemerintah Kabupaten Kutai Timur", Unit.Kind.BODY, None),
    ("SETDA", "Sekretariat Daerah", Unit.Kind.OPD, "KUTIM"),
    (
        "DISKOMINFO",
        "Dinas Komunikasi, Informatika, Statistik dan Persandian",
        Unit.Kind.OPD,
        "KUTIM",
    ),
    ("DISDIKBUD", "Dinas Pendidikan dan Kebudayaan", Unit.Kind.OPD, "KUTIM"),
    ("DINKES", "Dinas Kesehatan", Unit.Kind.OPD, "KUTIM"),
    ("RSUD-KUDUNGGA", "RSUD Kudungga", Unit.Kind.OPD, "DINKES"),
    ("BPBD", "Badan Penanggulangan Bencana Daerah", Unit.Kind.OPD, "KUTIM"),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", Unit.Kind.OPD, "KUTIM"),
    ("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", Unit.Kind.OPD, "KUTIM"),
    ("PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", Unit.Kind.OPD, "KUTIM"),
    (
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        Unit.Kind.OPD,
        "KUTIM",
    ),
    ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", Unit.Kind.OPD, "KUTIM"),
    ("DLH", "Dinas Lingkungan Hidup", Unit.Kind.OPD, "KUTIM"),
    ("DINSOS", "Dinas Sosial", Unit.Kind.OPD, "KUTIM"),
    ("INSPEKTORAT", "Inspektorat Daerah", Unit.Kind.OPD, "KUTIM"),
    ("KEC-SANGATTA-UTARA", "Kecamatan Sangatta Utara", Unit.Kind.KECAMATAN, "KUTIM"),
    (
        "KEL-TELUK-LINGGA",
        "Kelurahan Teluk Lingga",
        Unit.Kind.KELURAHAN,
        "KEC-SANGATTA-UTARA",
    ),
    (
        "KEL-SWARGA-BARA",
        "Kelurahan Swarga Bara",
        Unit.Kind.KELURAHAN,
        "KEC-SANGATTA-UTARA",
    ),
    (
        "KEL-SINGA-GEMBARA",
        "Kelurahan Singa Gembara",
        Unit.Kind.KELURAHAN,
        "KEC-SANGATTA-UTARA",
    ),
    (
        "KEC-SANGATTA-SELATAN",
        "Kecamatan Sangatta Selatan",
        Unit.Kind.KECAMATAN,
        "KUTIM",
    ),
    ("KEC-BENGALON", "Kecamatan Bengalon", Unit.Kind.KECAMATAN, "KUTIM"),
    ("KEC-MUARA-WAHAU", "Kecamatan Muara Wahau", Unit.Kind.KECAMATAN, "KUTIM"),
    ("KEC-SANGKULIRANG", "Kecamatan Sangkulirang", Unit.Kind.KECAMATAN, "KUTIM"),
]

# (username, first name, last name, role, unit codes, position)
OFFICERS = [
    (
        "utama",
        "Ahmad",
        "Rizali",
        Role.PPID_UTAMA,
        ["DISKOMINFO"],
        "Kepala Dinas, PPID Utama",
    ),
    ("atasan", "Rizali", "Hadi", Role.ATASAN_PPID, ["SETDA"], "Sekretaris Daerah"),
    (
        "petugas",
        "Siti",
        "Rahmawati",
        Role.PETUGAS_LAYANAN,
        ["DISKOMINFO"],
        "Petugas Layanan",
    ),
    (
        "pelaksana.dinkes",
        "Yusuf",
        "Pratama",
        Role.PPID_PELAKSANA,
        ["DINKES"],
        "PPID Pelaksana",
    ),
    (
        "pelaksana.disdikbud",
        "Dewi",
        "Lestari",
        Role.PPID_PELAKSANA,
        ["DISDIKBUD"],
        "PPID Pelaksana",
    ),
    (
        "pelaksana.bpbd",
        "Agus",
        "Salim",
        Role.PPID_PELAKSANA,
        ["BPBD"],
        "PPID Pelaksana",
    ),
    (
        "pelaksana.sangatta-utara",
        "Nur",
        "Aini",
        Role.PPID_PELAKSANA,
        ["KEC-SANGATTA-UTARA"],
        "PPID Pelaksana Kecamatan",
    ),
    ("admin", "Admin", "Portal", Role.ADMINISTRATOR, [], "Administrator Sistem"),
]

DEMO_PASSWORD_DEFAULT = "kutim-demo-2026"  # noqa: S105 (printed, DEBUG only)


# Demo cases are dated back from the day load_demo runs. They are anchored on
# working days of the portal's calendar (holidays, cuti bersama, closures), so
# every step falls on a day the office is open and before today, whatever today is.


def working_days_ago(calendar: Calendar, today: dt.date, count: int) -> dt.date:
    """The `count`-th working day before `today` (today itself is never counted)."""
    if count < 1:
        raise ValueError("Count at least one working day back.")
    day, found = today, 0
    while found < count:
        day -= dt.timedelta(days=1)
        if calendar.is_working_day(day):
            found += 1
    return day


def working_day_on_or_before(calendar: Calendar, day: dt.date) -> dt.date:
    while not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def load_profile() -> BodyProfile:
    profile = BodyProfile.load()
    values = {
        "name": "Pemerintah Kabupaten Kutai Timur",
        "short_name": "Pemkab Kutim",
        "ppid_name": "PPID Kabupaten Kutai Timur",
        "region": "Kabupaten Kutai Timur, Kalimantan Timur",
        "city": "Sangatta",
        "address": "Dinas Komunikasi, Informatika, Statistik dan Persandian\n"
        + SANGATTA,
        "phone": "(0549) 21010",
        "whatsapp": "+62 811-5400-000",
        "email": "ppid@kutaitimurkab.go.id",
        "website": "https://ppid.kutaitimurkab.go.id",
        "office_hours": "Senin–Kamis 07.30–16.00 WITA\nJumat 07.30–16.30 WITA\n"
        "Istirahat 12.00–13.00 WITA (Jumat 11.30–13.30 WITA)",
        "instagram": "@diskominfo.kutim",
        "facebook": "Diskominfo Staper Kutai Timur",
        "x_account": "@kominfokutim",
        "youtube": "Kutai Timur TV",
        "ppid_decree_number": "130/K.512/2024",
        "ppid_decree_date": dt.date(2024, 6, 3),
        "maklumat": (
            "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan informasi "
            "publik sesuai standar pelayanan yang telah ditetapkan dan apabila tidak "
            "menepati janji ini, kami siap menerima sanksi sesuai peraturan "
            "perundang-undangan yang berlaku."
        ),
        "head_of_ppid": "Ahmad Rizali",
        "head_of_ppid_nip": "197502122000031004",
        "superior_name": "Rizali Hadi",
        "superior_position": "Sekretaris Daerah Kabupaten Kutai Timur",
        "request_number_prefix": "PPID-KUTIM",
    }
    # Saved only when something differs, so a second run adds no history row.
    if any(getattr(profile, field) != value for field, value in values.items()):
        for field, value in values.items():
            setattr(profile, field, value)
        profile.save()
    return profile


def load_units() -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for order, (code, name, kind, parent_code) in enumerate(UNITS):
        units[code], _created = Unit.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "slug": code.lower(),
                "parent": units.get(parent_code),
                "address": SANGATTA,
                "email": f"{code.lower()}@kutaitimurkab.go.id",
                "ordering": order,
            },
        )
    return units


def load_officers(units: dict[str, Unit], stdout) -> list[User]:
    password = DEMO_PASSWORD_DEFAULT if settings.DEBUG else None
    officers = []
    for username, first, last, role, unit_codes, position in OFFICERS:
        user, created = User.objects.get_or_create(username=username)
        user.first_name, user.last_name, user.position = first, last, position
        user.email = f"{username}@ppid.kutaitimurkab.go.id"
        user.is_staff = True
        user.is_superuser = username == "admin"
        if password:
            user.set_password(password)
        elif created:
            user.set_password(secrets.token_urlsafe(24))
        user.save()
        user.groups.set([Group.objects.get(name=role.value)])
        user.units.set([units[code] for code in unit_codes])
        officers.append(user)
    if password:
        stdout.write(f"Officer accounts (DEBUG only; password for all: {password}):")
        for username, *_rest, role, _units, _position in OFFICERS:
            stdout.write(f"  {username:<28} {role.value}")
    else:
        stdout.write(
            "Officer accounts created; set their passwords with "
            "`manage.py changepassword USERNAME`."
        )
    return officers


def load(*, stdout) -> dict:
    load_profile()
    units = load_units()
    officers = load_officers(units, stdout)
    return {"units": units, "officers": officers}
