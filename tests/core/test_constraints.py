"""The database refuses what full_clean() would: the constraints of core's models
(tests/db_constraints.py). The event kind and the calendar's are pinned in
test_events.py and test_models.py."""

import pytest

from apps.core.models import BodyProfile, NumberSequence
from tests.db_constraints import covers, violates

pytestmark = pytest.mark.django_db


@covers("core_bodyprofile_singleton")
def test_the_body_profile_is_one_row():
    assert BodyProfile.load().pk == 1
    with violates("core_bodyprofile_singleton"):
        BodyProfile.objects.bulk_create([BodyProfile(pk=2)])


@covers("core_numbersequence_uniq")
def test_one_number_sequence_per_kind_and_year():
    NumberSequence.objects.create(kind="request", year=2026, last_value=4)
    NumberSequence.objects.create(kind="request", year=2027)
    NumberSequence.objects.create(kind="objection", year=2026)
    with violates("core_numbersequence_uniq"):
        NumberSequence.objects.bulk_create([NumberSequence(kind="request", year=2026)])
