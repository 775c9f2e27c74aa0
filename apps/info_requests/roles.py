from apps.accounts.roles import Role

_HANDLE = [
    "view_informationrequest",
    "change_informationrequest",
    "decide_informationrequest",
    "view_identity_informationrequest",
    "view_writtennotice",
    "view_requestdocument",
    "add_requestdocument",
]

PERMISSIONS = {
    # Routes every request and may handle any of them.
    Role.PPID_UTAMA: [
        *_HANDLE,
        "add_informationrequest",
        "route_informationrequest",
    ],
    # Handles the requests of their units (scope: apps.accounts.roles.scope_to_user).
    Role.PPID_PELAKSANA: _HANDLE,
    # Reads requests to decide objections about them.
    Role.ATASAN_PPID: [
        "view_informationrequest",
        "view_writtennotice",
        "view_requestdocument",
    ],
    # Records walk-in, letter, phone and social-media requests and issues receipts.
    Role.PETUGAS_LAYANAN: [
        "view_informationrequest",
        "add_informationrequest",
        "view_identity_informationrequest",
        "view_writtennotice",
    ],
}
