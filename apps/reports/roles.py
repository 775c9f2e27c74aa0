from apps.accounts.roles import Role

_VIEW = ["view_annualreport", "view_surveyresponse"]

PERMISSIONS = {
    # Types the narrative of the annual report and publishes it.
    Role.PPID_UTAMA: [
        *_VIEW,
        "add_annualreport",
        "change_annualreport",
        "publish_annualreport",
    ],
    Role.PPID_PELAKSANA: _VIEW,
    Role.ATASAN_PPID: _VIEW,
    Role.PETUGAS_LAYANAN: _VIEW,
    Role.ADMINISTRATOR: _VIEW,
}
