"""Role permissions of the complaint service (see apps/accounts/roles.py)."""

from apps.accounts.roles import Role

PERMISSIONS = {
    # Verifies, forwards, resolves, sees confidential identities, all units.
    Role.PPID_UTAMA: [
        "view_complaint",
        "add_complaint",
        "change_complaint",
        "verify_complaint",
        "forward_complaint",
        "follow_up_complaint",
        "resolve_complaint",
        "record_lapor_complaint",
        "export_complaint",
        "view_complaintattachment",
        "view_laporstatusupdate",
        "view_complaintsettings",
        "change_complaintsettings",
    ],
    # Handles the complaints forwarded to their units (scoped by unit).
    Role.PPID_PELAKSANA: [
        "view_complaint",
        "follow_up_complaint",
        "view_complaintattachment",
        "view_laporstatusupdate",
    ],
    # Records complaints received at the desk, by phone, letter or social media.
    Role.PETUGAS_LAYANAN: [
        "view_complaint",
        "add_complaint",
        "record_lapor_complaint",
        "export_complaint",
        "view_complaintattachment",
        "view_laporstatusupdate",
    ],
    Role.ATASAN_PPID: ["view_complaint", "view_laporstatusupdate"],
    Role.ADMINISTRATOR: ["view_complaintsettings", "change_complaintsettings"],
}
