from apps.accounts.roles import Role

_VIEW = ["view_page", "view_historicalpage"]
_EDIT = [*_VIEW, "add_page", "change_page", "delete_page"]

PERMISSIONS = {
    Role.PPID_UTAMA: _EDIT,
    Role.ADMINISTRATOR: _EDIT,
    Role.PPID_PELAKSANA: _VIEW,
    Role.ATASAN_PPID: _VIEW,
    Role.PETUGAS_LAYANAN: _VIEW,
}
