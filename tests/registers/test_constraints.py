"""The database refuses what full_clean() would: the register's constraints not
already pinned in test_models.py (tests/db_constraints.py)."""

import datetime as dt

import pytest

from apps.registers.models import Announcement, ExemptInformation, InformationItem
from tests.db_constraints import covers, violates
from tests.registers.factories import (
    AnnouncementFactory,
    ExemptInformationFactory,
    InformationItemFactory,
)

pytestmark = pytest.mark.django_db


@covers("registers_item_year_range")
@pytest.mark.parametrize(("allowed", "refused"), [(1945, 1944), (2100, 2101)])
def test_an_item_year_is_between_1945_and_2100(allowed, refused):
    rows = InformationItem.objects.filter(pk=InformationItemFactory().pk)
    rows.update(year=allowed)
    with violates("registers_item_year_range"):
        rows.update(year=refused)


EXEMPTION_OUT_OF_CHOICES = [
    ("registers_exempt_status_valid", "status", "expired"),
    ("registers_exempt_period_valid", "period_kind", "forever"),
    ("registers_exempt_stage_valid", "test_stage", "after_the_fact"),
]


@covers(*(constraint for constraint, _field, _value in EXEMPTION_OUT_OF_CHOICES))
@pytest.mark.parametrize(
    ("constraint", "field", "value"),
    EXEMPTION_OUT_OF_CHOICES,
    ids=[field for _constraint, field, _value in EXEMPTION_OUT_OF_CHOICES],
)
def test_an_exemption_value_outside_its_choices(constraint, field, value):
    entry = ExemptInformationFactory()
    with violates(constraint):
        ExemptInformation.objects.filter(pk=entry.pk).update(**{field: value})


@covers("registers_ann_severity_valid")
def test_an_announcement_severity_outside_its_choices():
    announcement = AnnouncementFactory()
    with violates("registers_ann_severity_valid"):
        Announcement.objects.filter(pk=announcement.pk).update(severity="panic")


@covers("registers_ann_ends_after_start")
def test_an_announcement_ends_after_it_starts():
    announcement = AnnouncementFactory()
    rows = Announcement.objects.filter(pk=announcement.pk)
    with violates("registers_ann_ends_after_start"):
        rows.update(ends_at=announcement.starts_at)
    with violates("registers_ann_ends_after_start"):
        rows.update(ends_at=announcement.starts_at - dt.timedelta(minutes=1))
    rows.update(ends_at=announcement.starts_at + dt.timedelta(minutes=1))
