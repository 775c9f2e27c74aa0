"""Role permissions of the disclosure log and OCR (see apps/accounts/roles.py).

PPID Utama and PPID Pelaksana prepare, redact and publish answers (a Pelaksana
only for their units: services.py and the admin's queryset); the others read.
"""

from apps.accounts.roles import Role

_READ = ["view_publishedanswer", "view_ocrjob"]
_HANDLE = [
    *_READ,
    "add_publishedanswer",
    "change_publishedanswer",
    "publish_publishedanswer",
    "change_ocrjob",
]

PERMISSIONS = {
    Role.PPID_UTAMA: _HANDLE,
    Role.PPID_PELAKSANA: _HANDLE,
    Role.ATASAN_PPID: _READ,
    Role.PETUGAS_LAYANAN: _READ,
    Role.ADMINISTRATOR: _READ,
}
