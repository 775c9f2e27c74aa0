"""Role permissions of the registers (see apps/accounts/roles.py).

Unit scoping (a PPID Pelaksana only touches their own units' entries) and the
publishing rule (PPID Utama, or REGISTERS_PELAKSANA_MAY_PUBLISH) are checked in
services.py on top of these model permissions.
"""

from apps.accounts.roles import Role

_VIEW = [
    "view_informationitem",
    "view_document",
    "view_exemptinformation",
    "view_announcement",
]
_EDIT = [
    *_VIEW,
    "add_informationitem",
    "change_informationitem",
    "add_document",
    "change_document",
    "delete_document",
    "add_exemptinformation",
    "change_exemptinformation",
    "add_announcement",
    "change_announcement",
    "delete_announcement",
]

PERMISSIONS = {
    Role.PPID_UTAMA: _EDIT,
    Role.PPID_PELAKSANA: _EDIT,
    Role.ATASAN_PPID: _VIEW,
    Role.PETUGAS_LAYANAN: _VIEW,
    Role.ADMINISTRATOR: _VIEW,
}
