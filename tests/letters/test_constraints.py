"""The database refuses what full_clean() would: the constraints of numbering rules
and issued documents (tests/db_constraints.py). One body rule per kind and a
pelaksana's unit are pinned in test_letters.py."""

import datetime as dt

import pytest

from apps.letters.models import DocumentKind, IssuedDocument, NumberingRule
from tests.db_constraints import covers, violates

pytestmark = pytest.mark.django_db

SHA256 = "0" * 64


def issued(**fields) -> IssuedDocument:
    return IssuedDocument.objects.create(
        **{
            "kind": DocumentKind.DISPOSITION,
            "number": "001/KOMINFO/III/2026",
            "issued_at": dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC),
            "place": "Sangatta",
            "subject": "Lembar disposisi",
            "signer_position": "PPID Utama",
            "signer_name": "Ahmad Rizali, S.Sos.",
            "verification_code": "ABCD-EFGH-JKLM",
            "sha256": SHA256,
            "file": "2026/03/x.pdf",
        }
        | fields
    )


@covers("letters_numberingrule_kind_unit_uniq")
def test_one_rule_per_kind_and_unit(units):
    NumberingRule.objects.create(kind=DocumentKind.HANDOVER, unit=units["dinkes"])
    NumberingRule.objects.create(kind=DocumentKind.HANDOVER, unit=units["bpbd"])
    NumberingRule.objects.create(kind=DocumentKind.FEE_RECEIPT, unit=units["dinkes"])
    with violates("letters_numberingrule_kind_unit_uniq"):
        NumberingRule.objects.create(kind=DocumentKind.HANDOVER, unit=units["dinkes"])


@covers("letters_numberingrule_digits_range")
@pytest.mark.parametrize(("allowed", "refused"), [(1, 0), (8, 9)])
def test_a_sequence_has_one_to_eight_digits(allowed, refused):
    rows = NumberingRule.objects.filter(
        pk=NumberingRule.objects.create(kind=DocumentKind.OTHER).pk
    )
    rows.update(sequence_digits=allowed)
    with violates("letters_numberingrule_digits_range"):
        rows.update(sequence_digits=refused)


@covers("letters_issueddocument_sha256_hex")
@pytest.mark.parametrize("digest", ["", "0" * 63, "A" * 64, "g" * 64])
def test_the_digest_is_64_lowercase_hex_digits(digest):
    rows = IssuedDocument.objects.filter(pk=issued().pk)
    with violates("letters_issueddocument_sha256_hex"):
        rows.update(sha256=digest)


@covers("letters.IssuedDocument.number")
def test_a_letter_number_is_issued_once():
    issued()
    with violates("letters.IssuedDocument.number"):
        issued(verification_code="ZZZZ-ZZZZ-ZZZZ")


@covers("letters.IssuedDocument.verification_code")
def test_a_verification_code_names_one_document():
    issued()
    with violates("letters.IssuedDocument.verification_code"):
        issued(number="002/KOMINFO/III/2026")
