"""Statutory periods pinned to their sources (apps/core/periods.py)."""

from apps.core import periods


def test_request_periods_uu_kip_pasal_22():
    assert periods.REQUEST_NOTICE_DAYS == 10
    assert periods.REQUEST_EXTENSION_DAYS == 7


def test_objection_and_dispute_periods_uu_kip_pasal_36_37():
    assert periods.OBJECTION_FILING_DAYS == 30
    assert periods.OBJECTION_ANSWER_DAYS == 30
    assert periods.DISPUTE_FILING_DAYS == 14
    assert periods.DISPUTE_SETTLEMENT_DAYS == 100
    assert periods.DISPUTE_APPEAL_DAYS == 14


def test_complaint_and_register_periods():
    assert periods.COMPLAINT_VERIFICATION_DAYS == 3
    assert periods.COMPLAINT_FOLLOW_UP_DAYS == 5
    assert periods.BERKALA_REFRESH_MONTHS == 6
    assert periods.DUE_SOON_DAYS == 2


def test_pasal_17_has_the_ten_letters_a_to_j_once():
    letters = list("abcdefghij")
    assert list(periods.PASAL_17_LETTERS) == letters
    assert [letter for letter, _label in periods.PASAL_17_CHOICES] == letters
    for letter, label in periods.PASAL_17_CHOICES:
        assert str(label).startswith(f"{letter}:")
