from apps.accounts.roles import Role

_SETTINGS = [
    "view_numberingrule",
    "add_numberingrule",
    "change_numberingrule",
    "delete_numberingrule",
    "view_signatory",
    "add_signatory",
    "change_signatory",
]

PERMISSIONS = {
    Role.PPID_UTAMA: [*_SETTINGS, "view_issueddocument"],
    Role.PPID_PELAKSANA: ["view_issueddocument"],
    Role.ATASAN_PPID: ["view_issueddocument"],
    Role.PETUGAS_LAYANAN: ["view_issueddocument"],
    Role.ADMINISTRATOR: _SETTINGS,
}
