"""Demo signing officials, numbering rules and a disposition sheet (Kutai Timur)."""

from apps.info_requests.models import InformationRequest
from apps.letters.documents import issue_disposition
from apps.letters.models import (
    DocumentKind,
    IssuedDocument,
    NumberingRule,
    Signatory,
    SignerRole,
)

SIGNATORIES = [
    (
        SignerRole.PPID_UTAMA,
        None,
        "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian selaku "
        "PPID Utama",
        "Ahmad Rizali, S.Sos., M.Si.",
        "Pembina Utama Muda (IV/c)",
        "197502122000031004",
    ),
    (
        SignerRole.PPID_PELAKSANA,
        "DINKES",
        "Sekretaris Dinas Kesehatan selaku PPID Pelaksana",
        "dr. Yusuf Pratama",
        "Pembina (IV/a)",
        "198103152006041007",
    ),
    (
        SignerRole.ATASAN_PPID,
        None,
        "Sekretaris Daerah Kabupaten Kutai Timur selaku Atasan PPID",
        "Rizali Hadi, S.E., M.M.",
        "Pembina Utama Madya (IV/d)",
        "196808101994031012",
    ),
]

# Archive classification codes of the kinds (Permendagri 83/2022 style codes).
RULES = {
    DocumentKind.WRITTEN_NOTICE: "045.2",
    DocumentKind.EXTENSION_NOTICE: "045.2",
    DocumentKind.DISPOSITION: "045.1",
    DocumentKind.OBJECTION_ANSWER: "045.3",
}


def load(*, stdout, units, officers, **context):
    for role, unit_code, position, name, rank, nip in SIGNATORIES:
        Signatory.objects.update_or_create(
            role=role,
            unit=units[unit_code] if unit_code else None,
            defaults={"position": position, "name": name, "rank": rank, "nip": nip},
        )
    for kind, code in RULES.items():
        NumberingRule.objects.get_or_create(
            kind=kind,
            unit=None,
            defaults={"classification_code": code, "unit_code": "PPID"},
        )
    routed = (
        InformationRequest.objects.filter(unit=units["DINKES"])
        .order_by("received_at")
        .first()
    )
    if routed is not None and not IssuedDocument.objects.for_object(routed).exists():
        utama = next((o for o in officers if o.username == "utama"), None)
        issue_disposition(
            info_request=routed,
            unit=routed.unit,
            note="Mohon ditindaklanjuti dalam jangka waktu yang ditentukan.",
            actor=utama,
            when=routed.received_at,
        )
    stdout.write("Letters: signing officials, numbering rules, a disposition sheet.")
    return {}
