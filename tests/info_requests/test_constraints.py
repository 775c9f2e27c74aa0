"""The database refuses what full_clean() would: every constraint of requests and
written notices, broken around the model (tests/db_constraints.py).

The applicant's language is pinned with the other case kinds' in
tests/core/test_events.py."""

import datetime as dt
import uuid

import pytest

from apps.info_requests.models import InformationRequest, WrittenNotice
from tests.db_constraints import covers, violates
from tests.info_requests.factories import InformationRequestFactory
from tests.reports.factories import at, decided_request

pytestmark = pytest.mark.django_db

REQUEST_OUT_OF_CHOICES = [
    ("inforeq_status_valid", "status", "lost"),
    ("inforeq_applicant_type_valid", "applicant_type", "robot"),
    ("inforeq_channel_valid", "channel", "pigeon"),
    ("inforeq_access_method_valid", "access_method", "download"),
    ("inforeq_copy_format_valid", "copy_format", "microfilm"),
    ("inforeq_delivery_method_valid", "delivery_method", "drone"),
]


@covers(*(constraint for constraint, _field, _value in REQUEST_OUT_OF_CHOICES))
@pytest.mark.parametrize(
    ("constraint", "field", "value"),
    REQUEST_OUT_OF_CHOICES,
    ids=[field for _constraint, field, _value in REQUEST_OUT_OF_CHOICES],
)
def test_a_request_value_outside_its_choices(constraint, field, value):
    request = InformationRequestFactory()
    with violates(constraint):
        InformationRequest.objects.filter(pk=request.pk).update(**{field: value})


def test_a_view_only_request_may_leave_copy_format_and_delivery_empty():
    request = InformationRequestFactory(
        access_method="view", copy_format="", delivery_method=""
    )
    assert InformationRequest.objects.filter(pk=request.pk, copy_format="").exists()


@covers("inforeq_has_contact")
def test_a_request_needs_a_phone_or_an_e_mail():
    InformationRequestFactory(phone="", email="budi@example.com")
    InformationRequestFactory(phone="+6281234567890", email="")
    with violates("inforeq_has_contact"):
        InformationRequestFactory(phone="", email="")


@covers("inforeq_extension_after_due")
def test_the_extended_due_date_comes_after_the_due_date():
    request = InformationRequestFactory(extended=True)
    assert request.extended_due_date > request.due_date
    rows = InformationRequest.objects.filter(pk=request.pk)
    with violates("inforeq_extension_after_due"):
        rows.update(extended_due_date=request.due_date)
    with violates("inforeq_extension_after_due"):
        rows.update(extended_due_date=request.due_date - dt.timedelta(days=1))


@covers("info_requests.InformationRequest.registration_number")
def test_registration_numbers_are_unique():
    first = InformationRequestFactory()
    with violates("info_requests.InformationRequest.registration_number"):
        InformationRequestFactory(registration_number=first.registration_number)


@covers("info_requests.InformationRequest.submission_key")
def test_a_submission_key_makes_one_request():
    key = uuid.uuid4()
    InformationRequestFactory(submission_key=key)
    # Requests filed without a key (officers, channels) are not caught by it.
    InformationRequestFactory(submission_key=None)
    InformationRequestFactory(submission_key=None)
    with violates("info_requests.InformationRequest.submission_key"):
        InformationRequest.objects.bulk_create(
            [InformationRequestFactory.build(submission_key=key)]
        )


def _notice(**overrides) -> WrittenNotice:
    fields = {
        "received": at(2026, 3, 2),
        "decided": at(2026, 3, 13, 10),
        "decision": "refused",
        "refusal_reason": "exempt",
        "letters": ["h"],
    } | overrides
    return decided_request(**fields).notice


NOTICE_OUT_OF_CHOICES = [
    ("notice_control_valid", "control", "lost"),
    ("notice_decision_valid", "decision", "maybe"),
    ("notice_refusal_reason_valid", "refusal_reason", "busy"),
]


@covers(*(constraint for constraint, _field, _value in NOTICE_OUT_OF_CHOICES))
@pytest.mark.parametrize(
    ("constraint", "field", "value"),
    NOTICE_OUT_OF_CHOICES,
    ids=[field for _constraint, field, _value in NOTICE_OUT_OF_CHOICES],
)
def test_a_notice_value_outside_its_choices(constraint, field, value):
    notice = _notice()
    with violates(constraint):
        WrittenNotice.objects.filter(pk=notice.pk).update(**{field: value})


@covers("notice_refusal_has_reason")
def test_a_refusal_gives_its_reason():
    granted = _notice(decision="granted", refusal_reason="", letters=())
    assert granted.refusal_reason == ""
    refused = _notice()
    with violates("notice_refusal_has_reason"):
        WrittenNotice.objects.filter(pk=refused.pk).update(refusal_reason="")


@covers("notice_cost_positive")
def test_the_cost_is_never_negative():
    notice = _notice(decision="granted", refusal_reason="", letters=())
    rows = WrittenNotice.objects.filter(pk=notice.pk)
    rows.update(cost=0)
    with violates("notice_cost_positive"):
        rows.update(cost=-1)


@covers("info_requests.WrittenNotice.request")
def test_one_written_notice_per_request():
    notice = _notice()
    second = WrittenNotice(
        request=notice.request,
        letter_number="second/PT",
        control="held",
        decision="granted",
        issued_at=notice.issued_at,
    )
    with violates("info_requests.WrittenNotice.request"):
        second.save()
