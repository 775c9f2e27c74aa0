import datetime as dt

import pytest

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.registers.models import ExemptInformation, InformationItem, add_months
from tests.registers.factories import (
    DocumentFactory,
    ExemptInformationFactory,
    InformationItemFactory,
)

pytestmark = pytest.mark.django_db


def test_add_months_clamps_to_month_end():
    assert add_months(dt.date(2025, 8, 31), 6) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2025, 1, 15), 1) == dt.date(2025, 2, 15)


@pytest.mark.parametrize(
    ("field", "value"),
    [("category", "dikecualikan"), ("status", "archived"), ("update_cycle", "daily")],
)
def test_item_choice_constraints(field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        InformationItemFactory(**{field: value})


def test_published_item_needs_a_time():
    with pytest.raises(IntegrityError), transaction.atomic():
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


def test_document_is_a_file_or_a_link_not_both_nor_none():
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentFactory(external_url="")
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentFactory(file="documents/x")


@pytest.mark.parametrize("letters", ["", "k", "ba", "aa"])
def test_exemption_letters_constraint(letters):
    with pytest.raises(IntegrityError), transaction.atomic():
        ExemptInformationFactory(pasal17_letters=letters)


def test_exemption_period_constraints_and_clean():
    with pytest.raises(IntegrityError), transaction.atomic():
        ExemptInformationFactory(period_kind="until_date", period_until=None)
    with pytest.raises(IntegrityError), transaction.atomic():
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
