"""One public status page for the three case kinds (apps.core.status): one view
class, parametrised by the registry of case kinds; POST for the contact; one
throttling policy; private links by signed tokens of registered kinds only."""

import datetime as dt

import pytest

from django.urls import resolve
from django.utils import timezone

from apps.complaints.services import complaint_submit
from apps.core.status import StatusLinkView, StatusLookupView, status_lookup
from apps.core.tracking import make_status_token, read_status_token, token_kinds
from apps.info_requests.services import information_request_submit
from tests.info_requests.factories import VALID_NIK

pytestmark = pytest.mark.django_db

RECEIVED_AT = timezone.make_aware(dt.datetime(2026, 3, 2, 9))


def a_request():
    request = information_request_submit(
        applicant_type="individual",
        name="Budi Santoso",
        nik=VALID_NIK,
        address="Jl. Yos Sudarso No. 1, Sangatta",
        phone="0812 3456 7890",
        email="budi@example.com",
        information_requested="Data kasus DBD per kelurahan 2025",
        purpose="Penelitian",
        access_method="view",
        received_at=RECEIVED_AT,
    )
    return request.registration_number, "budi@example.com"


def a_complaint():
    complaint = complaint_submit(
        title="Antrean panjang",
        description="Antrean di loket sangat panjang.",
        reporter_name="Sari",
        reporter_email="sari@warga.example",
    ).complaint
    return complaint.number, "sari@warga.example"


# kind, lookup path, link path prefix, the form's number field, a case.
KINDS = [
    ("request", "/permohonan/status/", "registration_number", a_request),
    ("complaint", "/pengaduan/status/", "tracking_number", a_complaint),
]


def shows_the_form(response, kind) -> bool:
    """The lookup form and not a status page."""
    names = [template.name for template in response.templates]
    return names[0] == status_lookup(kind).lookup_template


def test_one_view_class_serves_every_kind():
    for kind, path in (
        ("request", "/permohonan/status/"),
        ("objection", "/keberatan/status/"),
        ("complaint", "/pengaduan/status/"),
    ):
        lookup = resolve(path).func.view_class
        link = resolve(f"{path}abc/").func.view_class
        assert lookup is StatusLookupView
        assert link is StatusLinkView
        assert resolve(path).func.view_initkwargs == {"kind": kind}
        assert status_lookup(kind).kind == kind
    assert {"request", "objection", "complaint"} <= token_kinds()


def test_a_token_of_an_unregistered_kind_is_neither_made_nor_read():
    with pytest.raises(LookupError):
        make_status_token("parcel", "X-2026-00001")
    token = make_status_token("request", "REQ-2026-00001")
    assert read_status_token(token, kind="parcel") is None
    assert read_status_token(token, kind="request") == "REQ-2026-00001"


@pytest.mark.parametrize(("kind", "path", "field", "make"), KINDS)
def test_lookup_by_number_and_contact(client, kind, path, field, make):
    number, contact = make()
    form = client.get(path)
    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"] or "max-age=0" in form["Cache-Control"]
    found = client.post(path, {field: number, "contact": contact})
    assert found.status_code == 200
    assert not shows_the_form(found, kind)
    assert number in found.content.decode()
    wrong_contact = client.post(path, {field: number, "contact": "x@y.example"})
    wrong_number = client.post(path, {field: "XX-2026-99999", "contact": contact})
    for miss in (wrong_contact, wrong_number):
        assert miss.status_code == 200
        assert shows_the_form(miss, kind)
    assert (
        wrong_contact.context["form"].non_field_errors()
        == wrong_number.context["form"].non_field_errors()
    )


@pytest.mark.parametrize(("kind", "path", "field", "make"), KINDS)
def test_the_contact_never_travels_in_a_url(client, kind, path, field, make):
    number, contact = make()
    page = client.get(path, {field: number, "contact": contact})
    assert page.status_code == 200
    assert shows_the_form(page, kind)  # the form only, no status page
    assert not page.context["form"].is_bound


@pytest.mark.parametrize(("kind", "path", "field", "make"), KINDS)
def test_one_throttling_policy_every_lookup_counts(
    client, settings, kind, path, field, make
):
    settings.PUBLIC_FORM_RATE = "2/h"
    number, contact = make()
    codes = [
        client.post(path, {field: number, "contact": "x@y.example"}).status_code
        for _attempt in range(2)
    ]
    assert codes == [200, 200]
    blocked = client.post(path, {field: number, "contact": contact})
    assert blocked.status_code == 429
    assert shows_the_form(blocked, kind)  # the right contact, too late
    assert blocked.context["form"].non_field_errors()


@pytest.mark.parametrize(("kind", "path", "field", "make"), KINDS)
def test_private_link(client, kind, path, field, make):
    number, _contact = make()
    page = client.get(f"{path}{make_status_token(kind, number)}/")
    assert page.status_code == 200
    assert number in page.content.decode()
    assert client.get(f"{path}{make_status_token(kind, number)}x/").status_code == 404
    other = "complaint" if kind == "request" else "request"
    assert client.get(f"{path}{make_status_token(other, number)}/").status_code == 404
    gone = make_status_token(kind, "XX-2026-99999")
    assert client.get(f"{path}{gone}/").status_code == 404
    assert client.post(f"{path}{make_status_token(kind, number)}/").status_code == 405
