from apps.accounts.roles import Role

_VIEW = [
    "view_objection",
    "view_dispute",
    "view_disputeevent",
]

PERMISSIONS = {
    # Sees every objection; records the release ordered and the disputes.
    Role.PPID_UTAMA: [
        *_VIEW,
        "release_objection",
        "change_objection",
        "view_identity_objection",
        "add_dispute",
        "change_dispute",
    ],
    # Sees the objections of their units and records the release ordered there.
    Role.PPID_PELAKSANA: [*_VIEW, "release_objection"],
    # The only role that answers objections (UU 14/2008 Pasal 36).
    Role.ATASAN_PPID: [
        *_VIEW,
        "decide_objection",
        "change_objection",
        "view_identity_objection",
    ],
    Role.PETUGAS_LAYANAN: ["view_objection"],
}
