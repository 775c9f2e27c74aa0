import datetime as dt

import pytest

from django.core.exceptions import ValidationError

from apps.registers.models import ExemptInformation, InformationItem, add_months
from tests.db_constraints import covers, violates
from tests.registers.factories import (
    DocumentFactory,
    ExemptInformationFactory,
    InformationItemFactory,
)

pytestmark = pytest.mark.django_db


def test_add_months_clamps_to_month_end():
    assert add_months(dt.date(2025, 8, 31), 6) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2025, 1, 15), 1) == dt.date(2025, 2, 15)


@covers(
    "registers_item_category_valid",
    "registers_item_status_valid",
    "registers_item_cycle_valid",
)
@pytest.mark.parametrize(
    ("field", "value", "constraint"),
    [
        ("category", "dikecualikan", "registers_item_category_valid"),
        ("status", "archived", "registers_item_status_valid"),
        ("update_cycle", "daily", "registers_item_cycle_valid"),
    ],
)
def test_item_choice_constraints(field, value, constraint):
    with violates(constraint):
        InformationItemFactory(**{field: value})


@covers("registers_item_published_has_time")
def test_published_item_needs_a_time():
    with violates("registers_item_published_has_time"):
        InformationItemFactory(status="published", published_at=None)


def test_berkala_needs_refresh_within_six_months():
    item = InformationItemFactory.build(
        category="berkala", last_refreshed_on=dt.date(2025, 1, 1), refresh_due=None
    )
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert "refresh_due" in error.value.message_dict
    item.refresh_due = dt.date(2025, 7, 2)
    with pytest.raises(ValidationError, match="Pasal 9"):
        item.clean()
    item.refresh_due = dt.date(2025, 7, 1)
    item.clean()


def test_stale_lists_overdue_published_berkala_only(units):
    stale = InformationItemFactory(berkala=True, published=True)
    InformationItemFactory(berkala=True)  # draft
    InformationItemFactory(published=True)  # setiap saat
    assert list(InformationItem.objects.stale(dt.date(2025, 7, 2))) == [stale]
    assert not InformationItem.objects.stale(dt.date(2025, 7, 1)).exists()
    assert stale.is_stale(dt.date(2025, 7, 2))


@covers("registers_document_file_xor_link")
def test_document_is_a_file_or_a_link_not_both_nor_none():
    with violates("registers_document_file_xor_link"):
        DocumentFactory(external_url="")
    with violates("registers_document_file_xor_link"):
        DocumentFactory(file="documents/x")


@covers("registers_exempt_letters_valid")
@pytest.mark.parametrize("letters", ["", "k", "ba", "aa"])
def test_exemption_letters_constraint(letters):
    with violates("registers_exempt_letters_valid"):
        ExemptInformationFactory(pasal17_letters=letters)


@covers("registers_exempt_date_needs_date", "registers_exempt_event_needs_event")
def test_exemption_period_constraints_and_clean():
    with violates("registers_exempt_date_needs_date"):
        ExemptInformationFactory(period_kind="until_date", period_until=None)
    with violates("registers_exempt_event_needs_event"):
        ExemptInformationFactory(period_kind="until_event", period_event="")
    entry = ExemptInformationFactory.build(
        pasal17_letters="ha", period_kind="until_event"
    )
    with pytest.raises(ValidationError) as error:
        entry.clean()
    assert "period_event" in error.value.message_dict
    assert entry.pasal17_letters == "ah"


def test_exemption_due_for_review_when_period_ended():
    ended = ExemptInformationFactory(
        period_kind="until_date", period_until=dt.date(2024, 12, 31)
    )
    ExemptInformationFactory(period_kind="until_date", period_until=dt.date(2030, 1, 1))
    ExemptInformationFactory()  # indefinite
    today = dt.date(2025, 1, 1)
    assert list(ExemptInformation.objects.due_for_review(today)) == [ended]
    assert ended.needs_review(today)
    assert "2024" in ended.period_display
