"""The database refuses what full_clean() would: every constraint of complaints and
their settings, broken around the model (tests/db_constraints.py).

The reporter's language is pinned with the other case kinds' in
tests/core/test_events.py."""

import pytest

from apps.complaints.models import Complaint, ComplaintSettings, RejectionReason
from tests.complaints.factories import ComplaintFactory
from tests.db_constraints import covers, violates
from tests.info_requests.factories import InformationRequestFactory

pytestmark = pytest.mark.django_db

OUT_OF_CHOICES = [
    ("complaint_status_valid", "status", "lost"),
    ("complaint_classification_valid", "classification", "gossip"),
    ("complaint_channel_valid", "channel", "pigeon"),
    ("complaint_rejection_reason_valid", "rejection_reason", "busy"),
    ("complaint_satisfaction_valid", "satisfaction", "ecstatic"),
]


@covers(*(constraint for constraint, _field, _value in OUT_OF_CHOICES))
@pytest.mark.parametrize(
    ("constraint", "field", "value"),
    OUT_OF_CHOICES,
    ids=[field for _constraint, field, _value in OUT_OF_CHOICES],
)
def test_a_value_outside_its_choices(constraint, field, value):
    complaint = ComplaintFactory()
    with violates(constraint):
        Complaint.objects.filter(pk=complaint.pk).update(**{field: value})


@covers("complaint_reopen_once")
def test_a_complaint_is_reopened_once_at_most():
    complaint = ComplaintFactory(resolved=True)
    rows = Complaint.objects.filter(pk=complaint.pk)
    rows.update(reopen_count=1)
    with violates("complaint_reopen_once"):
        rows.update(reopen_count=2)


IDENTITY = ["reporter_name", "reporter_nik", "reporter_phone", "reporter_email"]


@covers("complaint_anonymous_has_no_identity")
@pytest.mark.parametrize("field", IDENTITY)
def test_an_anonymous_complaint_keeps_no_identity(field):
    complaint = ComplaintFactory(anonymous=True)
    value = getattr(ComplaintFactory.build(), field)
    with violates("complaint_anonymous_has_no_identity"):
        Complaint.objects.filter(pk=complaint.pk).update(**{field: value})


@covers("complaint_rejection_has_reason")
def test_a_rejection_gives_its_reason():
    complaint = ComplaintFactory()
    rows = Complaint.objects.filter(pk=complaint.pk)
    with violates("complaint_rejection_has_reason"):
        rows.update(status="rejected", rejection_reason="")
    rows.update(status="rejected", rejection_reason=RejectionReason.NOT_A_COMPLAINT)
    assert rows.get().status == "rejected"


@covers("complaints.Complaint.number")
def test_tracking_numbers_are_unique():
    first = ComplaintFactory()
    with violates("complaints.Complaint.number"):
        ComplaintFactory(number=first.number)


@covers("complaints.Complaint.submission_key")
def test_a_submission_key_makes_one_complaint():
    ComplaintFactory(submission_key="form-1")
    ComplaintFactory(submission_key=None)
    ComplaintFactory(submission_key=None)
    with violates("complaints.Complaint.submission_key"):
        Complaint.objects.bulk_create([ComplaintFactory.build(submission_key="form-1")])


@covers("complaints.Complaint.converted_request")
def test_a_request_comes_from_one_complaint_at_most():
    request = InformationRequestFactory()
    ComplaintFactory(converted_request=request)
    with violates("complaints.Complaint.converted_request"):
        ComplaintFactory(converted_request=request)


@covers("complaints_settings_singleton")
def test_the_settings_are_one_row():
    assert ComplaintSettings.load().pk == 1
    with violates("complaints_settings_singleton"):
        ComplaintSettings.objects.bulk_create([ComplaintSettings(pk=2)])
