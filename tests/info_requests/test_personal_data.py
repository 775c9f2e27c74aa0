"""Applicants' personal data follow apps.accounts.personal_data in the admin as
in the API: the Atasan PPID (no view_identity_informationrequest) sees no name,
NIK, address, phone or e-mail on request pages, in search, history, receipts or
the register book (issue 12 item 3)."""

import io

import pytest
from openpyxl import load_workbook
from rest_framework.test import APIClient

from apps.accounts.personal_data import RULES, hidden_fields, may_see
from apps.accounts.roles import Role
from apps.accounts.tokens import api_token_issue
from apps.core.models import StatusChange
from apps.core.workflow import record_transition
from apps.info_requests.models import InformationRequest
from tests.info_requests.factories import VALID_NIK

pytestmark = pytest.mark.django_db

BASE = "/admin/info_requests/informationrequest"
PERSONAL = [VALID_NIK, "Jl. Yos Sudarso No. 1, Sangatta", "budi@example.com"]


@pytest.fixture
def case(submit, units):
    return submit(unit=units["dinkes"])


def _api_applicant(user, case):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=user)}")
    response = api.get(f"/api/v1/requests/{case.registration_number}/")
    assert response.status_code == 200
    return response.json()["applicant"]


def _register_cells(client) -> list[str]:
    response = client.get(
        f"{BASE}/register-book/?start=2026-01-01&end=2026-12-31&format=xlsx"
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    return [str(c.value) for row in book.active.iter_rows() for c in row]


def test_the_atasan_sees_no_applicant_data_anywhere(client, officer, case):
    atasan = officer(Role.ATASAN_PPID)
    client.force_login(atasan)
    version = case.history.latest().history_id
    for url in [
        f"{BASE}/{case.pk}/change/",
        f"{BASE}/",
        f"{BASE}/{case.pk}/history/",
        f"{BASE}/{case.pk}/history/{version}/",
    ]:
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        for value in [*PERSONAL, "Budi Santoso"]:
            assert value not in html, (url, value)
    assert (
        case.registration_number not in client.get(f"{BASE}/?q=Budi").content.decode()
    )
    assert client.get(f"{BASE}/{case.pk}/receipt/").status_code == 403
    cells = _register_cells(client)
    assert case.registration_number in cells
    assert not set(PERSONAL) & set(cells)
    assert "Budi Santoso" not in cells
    assert _api_applicant(atasan, case) is None


@pytest.mark.parametrize(
    "role", [Role.PPID_UTAMA, Role.PPID_PELAKSANA, Role.PETUGAS_LAYANAN]
)
def test_officers_with_the_identity_permission_see_it(
    client, officer, units, case, role
):
    user = officer(role, units=[units["dinkes"]])
    client.force_login(user)
    html = client.get(f"{BASE}/{case.pk}/change/").content.decode()
    assert VALID_NIK in html
    assert "budi@example.com" in html
    assert "Budi Santoso" in client.get(f"{BASE}/").content.decode()
    assert client.get(f"{BASE}/{case.pk}/receipt/").status_code == 200
    assert "Budi Santoso" in _register_cells(client)
    assert _api_applicant(user, case)["nik"] == VALID_NIK


@pytest.mark.parametrize("role", list(Role))
def test_admin_and_api_follow_the_same_rule(rf, officer, units, case, role):
    """One rule per field and role: a field is on the admin page exactly when
    the API gives it."""
    from django.contrib import admin

    user = officer(role, units=[units["dinkes"]])
    request = rf.get("/")
    request.user = user
    model_admin = admin.site._registry[InformationRequest]
    shown = {
        getattr(name, "__name__", name)
        for _title, options in model_admin.get_fieldsets(request, case)
        for name in options["fields"]
    }
    in_api = (
        _api_applicant(user, case) is not None
        if user.has_perm("info_requests.view_informationrequest")
        else may_see(user, case)
    )
    rule = RULES["info_requests.informationrequest"]
    for field in rule.fields:
        if field in {"identity_document", "power_of_attorney"}:
            continue  # shown as the identity_files display
        assert (field in shown) == in_api, (role, field)
    assert ("nik" in hidden_fields(user, case)) == (not in_api)


def test_status_changes_are_listed_within_the_officers_units(
    client, officer, units, submit
):
    own = submit(unit=units["dinkes"])
    other = submit(unit=units["bpbd"])
    for case, note in [(own, "Catatan Dinkes"), (other, "Catatan rahasia BPBD")]:
        record_transition(
            case, from_status="received", to_status="in_process", note=note
        )
    client.force_login(officer(Role.PPID_PELAKSANA, units=[units["dinkes"]]))
    html = client.get("/admin/core/statuschange/").content.decode()
    assert "Catatan rahasia BPBD" not in html
    bpbd_row = StatusChange.objects.get(note="Catatan rahasia BPBD")
    assert client.get(
        f"/admin/core/statuschange/{bpbd_row.pk}/change/"
    ).status_code == (
        302  # Django's "does not exist" redirect to the admin index
    )
    assert (
        client.get("/admin/core/statuschange/?q=rahasia").context["cl"].result_count
        == 0
    )
    mine = client.get("/admin/core/statuschange/?q=Dinkes").context["cl"]
    assert mine.result_count == 1
    client.force_login(officer(Role.PPID_UTAMA))
    everything = client.get("/admin/core/statuschange/?q=Catatan").context["cl"]
    assert everything.result_count == 2


def test_officer_reminders_carry_no_personal_data(mailoutbox, officer, units, case):
    from apps.accounts.personal_data import personal_values
    from apps.core.tasks import send_reminders
    from apps.info_requests.notifications import REMINDER

    officer(Role.PPID_PELAKSANA, units=[units["dinkes"]], email="p@kutim.go.id")
    officer(Role.PPID_UTAMA, email="u@kutim.go.id")
    assert send_reminders.call(today="2026-03-20", kinds=[REMINDER]) >= 2  # overdue
    secrets = personal_values(case)
    assert VALID_NIK in secrets
    assert mailoutbox
    for mail in mailoutbox:
        assert case.registration_number in mail.body
        for value in secrets:
            assert value not in mail.body, value
