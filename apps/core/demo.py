"""Foundation demo data: the Kutai Timur body profile (its units and officers are
apps.accounts.demo), and the working-day helpers the demo cases are dated with."""

import datetime as dt

from apps.core.models import BodyProfile
from apps.core.workdays import Calendar

SANGATTA = (
    "Kawasan Perkantoran Bukit Pelangi, Sangatta, Kutai Timur, Kalimantan Timur 75683"
)


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


def load(*, stdout) -> dict:
    load_profile()
    return {}
