"""Demo data of the organisation: the Kutai Timur units and their officers."""

import secrets

from django.conf import settings
from django.contrib.auth.models import Group

from apps.accounts.models import Unit, User
from apps.accounts.roles import Role
from apps.core.demo import SANGATTA

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
    units = load_units()
    officers = load_officers(units, stdout)
    return {"units": units, "officers": officers}
