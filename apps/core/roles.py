from apps.accounts.roles import Role

_VIEW = ["view_bodyprofile", "view_nonworkingday", "view_statuschange"]

PERMISSIONS = {
    Role.PPID_UTAMA: [
        *_VIEW,
        "change_bodyprofile",
        "add_nonworkingday",
        "change_nonworkingday",
        "delete_nonworkingday",
    ],
    Role.PPID_PELAKSANA: _VIEW,
    Role.ATASAN_PPID: _VIEW,
    Role.PETUGAS_LAYANAN: _VIEW,
    Role.ADMINISTRATOR: [
        *_VIEW,
        "change_bodyprofile",
        "add_nonworkingday",
        "change_nonworkingday",
        "delete_nonworkingday",
    ],
}
