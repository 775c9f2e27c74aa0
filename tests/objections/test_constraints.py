"""The database refuses what full_clean() would: every constraint of objections,
disputes and their events, broken around the model (tests/db_constraints.py).

The objector's language is pinned in test_services.py (it is set when filing)."""

import uuid

import pytest

from apps.objections.models import Dispute, DisputeEvent, Objection
from tests.db_constraints import covers, violates
from tests.objections.factories import (
    DisputeEventFactory,
    DisputeFactory,
    ObjectionFactory,
    RefusedRequestFactory,
)

pytestmark = pytest.mark.django_db

OBJECTION_OUT_OF_CHOICES = [
    ("objection_status_valid", "status", "lost"),
    ("objection_outcome_valid", "outcome", "maybe"),
    ("objection_applicant_type_valid", "applicant_type", "robot"),
    ("objection_channel_valid", "channel", "pigeon"),
    ("objection_response_valid", "applicant_response", "indifferent"),
]


@covers(*(constraint for constraint, _field, _value in OBJECTION_OUT_OF_CHOICES))
@pytest.mark.parametrize(
    ("constraint", "field", "value"),
    OBJECTION_OUT_OF_CHOICES,
    ids=[field for _constraint, field, _value in OBJECTION_OUT_OF_CHOICES],
)
def test_an_objection_value_outside_its_choices(constraint, field, value):
    objection = ObjectionFactory()
    with violates(constraint):
        Objection.objects.filter(pk=objection.pk).update(**{field: value})


def test_the_factory_builds_what_the_service_would():
    objection = ObjectionFactory(grounds=("a", "e"))
    objection.full_clean()
    assert objection.grounds == ["a", "e"]
    assert objection.due_date.isoformat() == "2026-05-06"
    assert objection.request.notice.refusal_reason == "exempt"


@covers("objection_has_ground")
def test_an_objection_has_a_ground():
    objection = ObjectionFactory(grounds=("a", "e"))
    rows = Objection.objects.filter(pk=objection.pk)
    rows.update(ground_a=False)  # e alone is a ground
    with violates("objection_has_ground"):
        rows.update(ground_e=False)


@covers("objection_request_grounds")
def test_only_ground_b_goes_without_a_request():
    objection = ObjectionFactory(grounds=("a",))
    rows = Objection.objects.filter(pk=objection.pk)
    with violates("objection_request_grounds"):
        rows.update(request=None)
    rows.update(ground_a=False, ground_b=True, request=None)
    assert rows.get().grounds == ["b"]
    for letter in "acdefg":
        with violates("objection_request_grounds"):
            rows.update(**{f"ground_{letter}": True})


@covers("objection_has_contact")
def test_an_objector_can_be_reached():
    objection = ObjectionFactory()
    rows = Objection.objects.filter(pk=objection.pk)
    rows.update(phone="")
    with violates("objection_has_contact"):
        rows.update(email="")


@covers("objection_settled_grounds")
def test_musyawarah_only_without_ground_a():
    """Pasal 35(2): a ground-a objection is answered, never settled."""
    settleable = ObjectionFactory(grounds=("d", "e"))
    rows = Objection.objects.filter(pk=settleable.pk)
    rows.update(status="answered", outcome="settled", decision_reasons="Sepakat.")
    with violates("objection_settled_grounds"):
        rows.update(ground_a=True)


@covers("objection_affirmed_reasons")
def test_affirming_needs_written_reasons():
    """Pasal 36(3)."""
    affirmed = ObjectionFactory(affirmed=True)
    assert affirmed.decision_reasons
    with violates("objection_affirmed_reasons"):
        Objection.objects.filter(pk=affirmed.pk).update(decision_reasons="")


@covers("objections.Objection.number")
def test_objection_numbers_are_unique():
    first = ObjectionFactory()
    with violates("objections.Objection.number"):
        ObjectionFactory(number=first.number)


@covers("objections.Objection.submission_key")
def test_a_submission_key_makes_one_objection():
    key = uuid.uuid4()
    ObjectionFactory(submission_key=key)
    ObjectionFactory(submission_key=None)
    ObjectionFactory(submission_key=None)
    with violates("objections.Objection.submission_key"):
        Objection.objects.bulk_create(
            [
                ObjectionFactory.build(
                    request=RefusedRequestFactory(), submission_key=key
                )
            ]
        )


DISPUTE_OUT_OF_CHOICES = [
    ("dispute_stage_valid", "stage", "appeal_to_the_king"),
    ("dispute_commission_level_valid", "commission_level", "village"),
    ("dispute_outcome_valid", "outcome", "postponed"),
]


@covers(*(constraint for constraint, _field, _value in DISPUTE_OUT_OF_CHOICES))
@pytest.mark.parametrize(
    ("constraint", "field", "value"),
    DISPUTE_OUT_OF_CHOICES,
    ids=[field for _constraint, field, _value in DISPUTE_OUT_OF_CHOICES],
)
def test_a_dispute_value_outside_its_choices(constraint, field, value):
    dispute = DisputeFactory()
    with violates(constraint):
        Dispute.objects.filter(pk=dispute.pk).update(**{field: value})


@covers("dispute_linked_case")
def test_a_dispute_is_about_an_objection_or_a_request():
    dispute = DisputeFactory()
    rows = Dispute.objects.filter(pk=dispute.pk)
    rows.update(objection=None)  # a request taken straight to the Komisi
    rows.update(objection=dispute.objection, request=None)
    with violates("dispute_linked_case"):
        rows.update(objection=None)


@covers("objections.Dispute.register_number")
def test_the_komisi_register_number_is_unique():
    first = DisputeFactory()
    with violates("objections.Dispute.register_number"):
        DisputeFactory(register_number=first.register_number)


DISPUTE_EVENT_OUT_OF_CHOICES = [
    ("dispute_event_kind_valid", "kind", "rumour"),
    ("dispute_event_stage_valid", "stage", "appeal_to_the_king"),
]


@covers(*(constraint for constraint, _field, _value in DISPUTE_EVENT_OUT_OF_CHOICES))
@pytest.mark.parametrize(
    ("constraint", "field", "value"),
    DISPUTE_EVENT_OUT_OF_CHOICES,
    ids=[field for _constraint, field, _value in DISPUTE_EVENT_OUT_OF_CHOICES],
)
def test_a_dispute_event_value_outside_its_choices(constraint, field, value):
    event = DisputeEventFactory()
    with violates(constraint):
        DisputeEvent.objects.filter(pk=event.pk).update(**{field: value})
