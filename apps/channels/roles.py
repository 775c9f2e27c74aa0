"""Role permissions of the inbox (see apps/accounts/roles.py)."""

from apps.accounts.roles import Role

_WORK_THE_INBOX = [
    "view_conversation",
    "change_conversation",
    "reply_conversation",
    "convert_conversation",
    "view_inboundpayload",
    "change_inboundpayload",
]

PERMISSIONS = {
    # The service desk works the inbox: answers, closes and records cases.
    Role.PETUGAS_LAYANAN: _WORK_THE_INBOX,
    # The lead PPID works it too and oversees it.
    Role.PPID_UTAMA: _WORK_THE_INBOX,
}
