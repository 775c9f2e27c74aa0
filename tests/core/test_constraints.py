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


def _delivery(**changes):
    from apps.core.models import Delivery

    values = {
        "notice": "request.received",
        "recipient_kind": "applicant",
        "channel": "email",
        "address_hash": "0" * 64,
        "address_masked": "b***@example.id",
        "language": "id",
    }
    values.update(changes)
    return Delivery.objects.create(**values)


@covers(
    "core_delivery_status_valid",
    "core_delivery_recipient_kind_valid",
    "core_delivery_case_whole",
)
def test_a_delivery_has_a_known_status_and_recipient_and_a_whole_case():
    from django.contrib.contenttypes.models import ContentType

    from apps.core.models import Delivery

    delivery = _delivery()
    rows = Delivery.objects.filter(pk=delivery.pk)
    with violates("core_delivery_status_valid"):
        rows.update(status="lost")
    with violates("core_delivery_recipient_kind_valid"):
        rows.update(recipient_kind="neighbour")
    with violates("core_delivery_case_whole"):
        rows.update(object_id=7)
    rows.update(
        content_type=ContentType.objects.get_for_model(BodyProfile), object_id=1
    )
    assert rows.get().object_id == 1


@covers("core_deadlinerecount_status_valid", "core_deadlinerecount_one_unfinished")
def test_one_unfinished_deadline_recount_with_a_known_status():
    from apps.core.models import DeadlineRecount

    first = DeadlineRecount.objects.create(reason="Cuti bersama 2026", status="running")
    rows = DeadlineRecount.objects.filter(pk=first.pk)
    with violates("core_deadlinerecount_status_valid"):
        rows.update(status="paused")
    with violates("core_deadlinerecount_one_unfinished"):
        DeadlineRecount.objects.create(reason="Libur daerah", status="running")
    rows.update(status="done")
    DeadlineRecount.objects.create(reason="Libur daerah", status="running")
    assert DeadlineRecount.objects.filter(status="running").count() == 1
