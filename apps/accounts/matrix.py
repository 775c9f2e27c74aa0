"""Who may do what: role × model × action × inside/outside the role's units,
and role × API endpoint, declared in one place.

This is the reviewed statement of the access rules that roles.py (permissions),
the admins' get_queryset()/has_*_permission() (units), personal_data.py and
grants.py implement. tests/test_access_matrix.py opens every admin URL and
every API endpoint with the demo data as each role, inside and outside its
units, and fails on any answer the matrix does not state (in both directions);
the README's role table is generated from it (`role_table()`), and a test keeps
the two equal.

Scopes: ALL (any unit), OWN (only inside the role's units: a PPID Pelaksana's
units and those below them), NONE. Objects without a unit count as outside
for a PPID Pelaksana. Actions of the admin: view (list, page, history,
autocomplete), add, change, delete, and per model its own steps
(`step:<name>`), exports, files, receipts and changelist actions
(`action:<name>`).
"""

from __future__ import annotations

from apps.accounts.roles import Role

ALL, OWN, NONE = "all", "own", "none"
SUPERUSER = "superuser"

# Every role of the matrix, in table order (a superuser has no role group).
ROLES = (
    Role.PPID_UTAMA,
    Role.PPID_PELAKSANA,
    Role.ATASAN_PPID,
    Role.PETUGAS_LAYANAN,
    Role.ADMINISTRATOR,
    SUPERUSER,
)

# Path from a model's object to its unit (models absent here have no unit).
UNIT_OF = {
    "registers.informationitem": "unit",
    "registers.exemptinformation": "unit",
    "registers.announcement": "item__unit",
    "info_requests.informationrequest": "unit",
    "info_requests.writtennotice": "request__unit",
    "complaints.complaint": "unit",
    "objections.objection": "unit",
    "objections.dispute": "unit",
    "letters.issueddocument": "unit",
    "disclosure.publishedanswer": "unit",
    "disclosure.ocrjob": "document__item__unit",
}

# The matrix action of each admin URL that is not one of Django's own.
ADMIN_URL_ACTIONS = {
    "auth_user_password_change": "change",
    "otp_totp_totpdevice_config": "key",
    "otp_totp_totpdevice_qrcode": "key",
    "core_nonworkingday_calculator": "view",
    "pages_page_checklist": "view",
    "registers_informationitem_import": "import",
    "registers_informationitem_export": "export",
    "registers_exemptinformation_minutes": "file",
    "info_requests_informationrequest_register_book": "export",
    "info_requests_informationrequest_receipt": "receipt",
    "info_requests_informationrequest_notice": "file",
    "info_requests_informationrequest_step": "step",
    "complaints_complaint_step": "step",
    "objections_objection_register": "export",
    "objections_objection_receipt": "receipt",
    "objections_objection_answer": "file",
    "objections_objection_step": "step",
    "objections_dispute_bundle": "export",
    "objections_dispute_step": "step",
    "channels_conversation_reply": "reply",
    "channels_conversation_close": "close",
    "channels_conversation_convert_request": "convert",
    "channels_conversation_convert_complaint": "convert",
    "channels_attachment_download": "file",
    "reports_annualreport_download": "export",
    "letters_issueddocument_file": "file",
    "disclosure_publishedanswer_redact": "redact",
    "disclosure_publishedanswer_publish": "publish",
    "disclosure_publishedanswer_unpublish": "publish",
}

ADMIN: dict[str, dict[str, dict[str, str]]] = {
    "accounts.apitoken": {
        "view": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "add": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "change": {},
        "delete": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "action:delete_selected": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
    },
    "accounts.unit": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: ALL,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
        "add": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "change": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "delete": {SUPERUSER: ALL},
        "action:delete_selected": {SUPERUSER: ALL},
    },
    "accounts.user": {
        "view": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "add": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "change": {Role.ADMINISTRATOR: OWN, SUPERUSER: ALL},
        "delete": {SUPERUSER: ALL},
        "action:delete_selected": {SUPERUSER: ALL},
    },
    "auth.group": {
        "view": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "add": {SUPERUSER: ALL},
        "change": {SUPERUSER: ALL},
        "delete": {SUPERUSER: ALL},
        "action:delete_selected": {SUPERUSER: ALL},
    },
    "axes.accessattempt": {
        "view": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "add": {},
        "change": {SUPERUSER: ALL},
        "delete": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "action:cleanup_expired_attempts": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "action:delete_selected": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
    },
    "axes.accessfailurelog": {
        "view": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "add": {},
        "change": {SUPERUSER: ALL},
        "delete": {SUPERUSER: ALL},
        "action:delete_selected": {SUPERUSER: ALL},
    },
    "axes.accesslog": {
        "view": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "add": {},
        "change": {SUPERUSER: ALL},
        "delete": {SUPERUSER: ALL},
        "action:delete_selected": {SUPERUSER: ALL},
    },
    "channels.conversation": {
        "view": {Role.PPID_UTAMA: ALL, Role.PETUGAS_LAYANAN: ALL, SUPERUSER: ALL},
        "add": {},
        "change": {},
        "delete": {},
        "action:convert_to_complaint": {
            Role.PPID_UTAMA: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
        "action:convert_to_request": {
            Role.PPID_UTAMA: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
        "action:delete_selected": {},
        "close": {},
        "convert": {Role.PPID_UTAMA: ALL, Role.PETUGAS_LAYANAN: ALL, SUPERUSER: ALL},
        "file": {Role.PPID_UTAMA: ALL, Role.PETUGAS_LAYANAN: ALL, SUPERUSER: ALL},
        "reply": {},
    },
    "channels.inboundpayload": {
        "view": {Role.PPID_UTAMA: ALL, Role.PETUGAS_LAYANAN: ALL, SUPERUSER: ALL},
        "add": {},
        "change": {},
        "delete": {},
        "action:delete_selected": {},
        "action:process_again": {
            Role.PPID_UTAMA: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
    },
    "complaints.complaint": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
        "add": {Role.PPID_UTAMA: ALL, Role.PETUGAS_LAYANAN: ALL, SUPERUSER: ALL},
        "change": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "delete": {},
        "action:delete_selected": {},
        "action:export_csv": {
            Role.PPID_UTAMA: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
        "action:export_xlsx": {
            Role.PPID_UTAMA: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
        "action:forward_selected": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "action:verify_selected": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "step:convert": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "step:follow_up": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            SUPERUSER: ALL,
        },
        "step:forward": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "step:lapor": {Role.PPID_UTAMA: ALL, Role.PETUGAS_LAYANAN: ALL, SUPERUSER: ALL},
        "step:reject": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "step:reopen": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "step:resolve": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "step:verify": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
    },
    "complaints.complaintsettings": {
        "view": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "add": {},
        "change": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "delete": {},
        "action:delete_selected": {},
    },
    "core.bodyprofile": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: ALL,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
        "add": {},
        "change": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "delete": {},
        "action:delete_selected": {},
    },
    "core.nonworkingday": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: ALL,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
        "add": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "change": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "delete": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "action:delete_selected": {
            Role.PPID_UTAMA: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
    },
    "core.statuschange": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
        "add": {},
        "change": {},
        "delete": {},
        "action:delete_selected": {},
    },
    "letters.issueddocument": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
        "add": {},
        "change": {},
        "delete": {},
        "action:delete_selected": {},
        "file": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
    },
    "letters.numberingrule": {
        "view": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "add": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "change": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "delete": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "action:delete_selected": {
            Role.PPID_UTAMA: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
    },
    "letters.signatory": {
        "view": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "add": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "change": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "delete": {},
        "action:delete_selected": {},
    },
    "disclosure.ocrjob": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
        "add": {},
        "change": {},
        "delete": {},
        "action:delete_selected": {},
        "action:run_again": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            SUPERUSER: ALL,
        },
    },
    "disclosure.publishedanswer": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
        "add": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
        "change": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
        "delete": {},
        "action:delete_selected": {},
        "redact": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
        "publish": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
    },
    "core.delivery": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
        "add": {},
        "change": {},
        "delete": {},
        "action:delete_selected": {},
    },
    "django_tasks_database.dbtaskresult": {
        "view": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "add": {},
        "change": {},
        "delete": {},
        "action:delete_selected": {},
    },
    "info_requests.informationrequest": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
        "add": {Role.PPID_UTAMA: ALL, Role.PETUGAS_LAYANAN: ALL, SUPERUSER: ALL},
        "change": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
        "delete": {},
        "action:delete_selected": {},
        "export": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
        "file": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
        "receipt": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
        "step:ask_completion": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            SUPERUSER: ALL,
        },
        "step:assign": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "step:complete": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            SUPERUSER: ALL,
        },
        "step:decide": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
        "step:document": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            SUPERUSER: ALL,
        },
        "step:extend": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
        "step:withdraw": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            SUPERUSER: ALL,
        },
    },
    "info_requests.writtennotice": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
        "add": {},
        "change": {},
        "delete": {},
        "action:delete_selected": {},
    },
    "objections.dispute": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            SUPERUSER: ALL,
        },
        "add": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "change": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "delete": {},
        "action:delete_selected": {},
        "export": {Role.PPID_UTAMA: ALL, Role.ATASAN_PPID: ALL, SUPERUSER: ALL},
        "step:advance": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "step:hearing": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "step:outcome": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
    },
    "objections.objection": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
        "add": {},
        "change": {Role.PPID_UTAMA: ALL, Role.ATASAN_PPID: ALL, SUPERUSER: ALL},
        "delete": {},
        "action:delete_selected": {},
        "export": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            SUPERUSER: ALL,
        },
        "file": {Role.PPID_UTAMA: ALL, Role.ATASAN_PPID: ALL, SUPERUSER: ALL},
        "receipt": {Role.PPID_UTAMA: ALL, Role.ATASAN_PPID: ALL, SUPERUSER: ALL},
        "step:decide": {Role.ATASAN_PPID: ALL, SUPERUSER: ALL},
        "step:release": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
    },
    "otp_static.staticdevice": {
        "view": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "add": {SUPERUSER: ALL},
        "change": {SUPERUSER: ALL},
        "delete": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "action:delete_selected": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
    },
    "otp_totp.totpdevice": {
        "view": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "add": {SUPERUSER: ALL},
        "change": {SUPERUSER: ALL},
        "delete": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "action:delete_selected": {Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "key": {},
    },
    "pages.page": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: ALL,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
        "add": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "change": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "delete": {Role.PPID_UTAMA: ALL, Role.ADMINISTRATOR: ALL, SUPERUSER: ALL},
        "action:delete_selected": {
            Role.PPID_UTAMA: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
    },
    "registers.announcement": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
        "add": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
        "change": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
        "delete": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
        "action:delete_selected": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            SUPERUSER: ALL,
        },
    },
    "registers.exemptinformation": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
        "add": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
        "change": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
        "delete": {},
        "action:delete_selected": {},
        "action:lift_exemptions": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            SUPERUSER: ALL,
        },
        "file": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
    },
    "registers.informationitem": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
        "add": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
        "change": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
        "delete": {},
        "action:delete_selected": {},
        "action:mark_items_refreshed": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            SUPERUSER: ALL,
        },
        "action:publish_items": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "action:return_items_to_draft": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            SUPERUSER: ALL,
        },
        "action:withdraw_items": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            SUPERUSER: ALL,
        },
        "export": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: OWN,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
        "import": {Role.PPID_UTAMA: ALL, Role.PPID_PELAKSANA: OWN, SUPERUSER: ALL},
    },
    "reports.annualreport": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: ALL,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
        "add": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "change": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "delete": {SUPERUSER: ALL},
        "action:delete_selected": {SUPERUSER: ALL},
        "action:publish": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "action:unpublish": {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
        "export": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: ALL,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
    },
    "reports.surveyresponse": {
        "view": {
            Role.PPID_UTAMA: ALL,
            Role.PPID_PELAKSANA: ALL,
            Role.ATASAN_PPID: ALL,
            Role.PETUGAS_LAYANAN: ALL,
            Role.ADMINISTRATOR: ALL,
            SUPERUSER: ALL,
        },
        "add": {},
        "change": {},
        "delete": {},
        "action:delete_selected": {},
    },
}

ANONYMOUS = "anonymous"
# API columns: a caller without a token first, then the roles.
API_CALLERS = (ANONYMOUS, *ROLES)

_CELL = {ALL: "yes", OWN: "own units", NONE: "–"}


def _header(columns) -> list[str]:
    names = [str(getattr(c, "value", c)) for c in columns]
    return ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]


def role_table() -> str:
    """The README's role table (markdown): the admin, then the API."""
    lines = _header(["model", "action", *ROLES])
    for label, actions in ADMIN.items():
        for action, scopes in actions.items():
            cells = [_CELL[scopes.get(str(role), NONE)] for role in ROLES]
            lines.append(f"| `{label}` | {action} | " + " | ".join(cells) + " |")
    lines += ["", *_header(["endpoint", "method", *API_CALLERS])]
    for (name, method), scopes in API.items():
        cells = [_CELL[scopes.get(str(caller), NONE)] for caller in API_CALLERS]
        lines.append(f"| `{name}` | {method} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


# Public endpoints (submissions, status lookups, registers, statistics) open to
# everyone, a token or not.
EVERYONE = dict.fromkeys(API_CALLERS, ALL)

# (URL name under api:, method) -> caller -> scope.
API: dict[tuple[str, str], dict[str, str]] = {
    ("api-root", "get"): EVERYONE,
    ("complaint-detail", "get"): {
        Role.PPID_UTAMA: ALL,
        Role.PPID_PELAKSANA: OWN,
        Role.ATASAN_PPID: ALL,
        Role.PETUGAS_LAYANAN: ALL,
        SUPERUSER: ALL,
    },
    ("complaint-follow-up", "post"): {
        Role.PPID_UTAMA: ALL,
        Role.PPID_PELAKSANA: OWN,
        SUPERUSER: ALL,
    },
    ("complaint-forward", "post"): {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
    ("complaint-lapor", "post"): {
        Role.PPID_UTAMA: ALL,
        Role.PETUGAS_LAYANAN: ALL,
        SUPERUSER: ALL,
    },
    ("complaint-list", "get"): {
        Role.PPID_UTAMA: ALL,
        Role.PPID_PELAKSANA: ALL,
        Role.ATASAN_PPID: ALL,
        Role.PETUGAS_LAYANAN: ALL,
        SUPERUSER: ALL,
    },
    ("complaint-list", "post"): EVERYONE,
    ("complaint-reject", "post"): {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
    ("complaint-reopen", "post"): {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
    ("complaint-resolve", "post"): {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
    ("complaint-status", "get"): EVERYONE,
    ("complaint-status", "post"): EVERYONE,
    ("complaint-verify", "post"): {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
    ("docs", "get"): EVERYONE,
    ("exemption-detail", "get"): EVERYONE,
    ("exemption-list", "get"): EVERYONE,
    ("information-list", "get"): EVERYONE,
    ("information-list", "post"): {
        Role.PPID_UTAMA: ALL,
        Role.PPID_PELAKSANA: ALL,  # for its own units: checked by the service
        SUPERUSER: ALL,
    },
    ("information-detail", "get"): EVERYONE,
    ("information-detail", "put"): {
        Role.PPID_UTAMA: ALL,
        Role.PPID_PELAKSANA: OWN,
        SUPERUSER: ALL,
    },
    ("information-detail", "patch"): {
        Role.PPID_UTAMA: ALL,
        Role.PPID_PELAKSANA: OWN,
        SUPERUSER: ALL,
    },
    ("objection-decide", "post"): {Role.ATASAN_PPID: ALL, SUPERUSER: ALL},
    ("objection-detail", "get"): {
        Role.PPID_UTAMA: ALL,
        Role.PPID_PELAKSANA: OWN,
        Role.ATASAN_PPID: ALL,
        Role.PETUGAS_LAYANAN: ALL,
        SUPERUSER: ALL,
    },
    ("objection-list", "get"): {
        Role.PPID_UTAMA: ALL,
        Role.PPID_PELAKSANA: ALL,
        Role.ATASAN_PPID: ALL,
        Role.PETUGAS_LAYANAN: ALL,
        SUPERUSER: ALL,
    },
    ("objection-list", "post"): EVERYONE,
    ("objection-release", "post"): {
        Role.PPID_UTAMA: ALL,
        Role.PPID_PELAKSANA: OWN,
        SUPERUSER: ALL,
    },
    ("objection-status", "get"): EVERYONE,
    ("objection-status", "post"): EVERYONE,
    ("profile", "get"): EVERYONE,
    ("redoc", "get"): EVERYONE,
    ("request-assign", "post"): {Role.PPID_UTAMA: ALL, SUPERUSER: ALL},
    ("request-decide", "post"): {
        Role.PPID_UTAMA: ALL,
        Role.PPID_PELAKSANA: OWN,
        SUPERUSER: ALL,
    },
    ("request-detail", "get"): {
        Role.PPID_UTAMA: ALL,
        Role.PPID_PELAKSANA: OWN,
        Role.ATASAN_PPID: ALL,
        Role.PETUGAS_LAYANAN: ALL,
        SUPERUSER: ALL,
    },
    ("request-extend", "post"): {
        Role.PPID_UTAMA: ALL,
        Role.PPID_PELAKSANA: OWN,
        SUPERUSER: ALL,
    },
    ("request-letter", "get"): {
        Role.PPID_UTAMA: ALL,
        Role.PPID_PELAKSANA: OWN,
        Role.PETUGAS_LAYANAN: ALL,
        SUPERUSER: ALL,
    },
    ("request-list", "get"): {
        Role.PPID_UTAMA: ALL,
        Role.PPID_PELAKSANA: ALL,
        Role.ATASAN_PPID: ALL,
        Role.PETUGAS_LAYANAN: ALL,
        SUPERUSER: ALL,
    },
    ("request-list", "post"): EVERYONE,
    ("request-status", "get"): EVERYONE,
    ("request-status", "post"): EVERYONE,
    ("schema", "get"): EVERYONE,
    ("statistics", "get"): EVERYONE,
    ("unit-detail", "get"): EVERYONE,
    ("unit-list", "get"): EVERYONE,
}
