"""Objectors' personal data follow apps.accounts.personal_data: the PPID Pelaksana
and the Petugas Layanan (no view_identity_objection) see no NIK, address,
phone, e-mail or name, in the admin or the API (issue 12 item 3)."""

import pytest
from rest_framework.test import APIClient

from apps.accounts.roles import Role
from apps.accounts.tokens import api_token_issue
from tests.info_requests.factories import VALID_NIK
from tests.objections.conftest import at

pytestmark = pytest.mark.django_db

BASE = "/admin/objections/objection"


@pytest.fixture
def objection(refused, file_objection):
    return file_objection(info_request=refused)


def _api_name(user, objection):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=user)}")
    response = api.get(f"/api/v1/objections/{objection.number}/")
    assert response.status_code == 200
    return response.json()["name"]


@pytest.mark.parametrize("role", [Role.PPID_PELAKSANA, Role.PETUGAS_LAYANAN])
def test_officers_without_the_identity_permission_see_no_objector(
    client, officer, units, objection, role
):
    user = officer(role, units=[units["dinkes"]])
    client.force_login(user)
    assert objection.nik == VALID_NIK
    pages = [
        f"{BASE}/{objection.pk}/change/",
        f"{BASE}/",
        f"{BASE}/{objection.pk}/history/",
        f"{BASE}/{objection.pk}/history/{objection.history.latest().history_id}/",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        for value in [VALID_NIK, objection.address, objection.email, "Budi Santoso"]:
            assert value not in html, (url, value)
    # Searching by the name finds nothing either (no inference from the hits).
    response = client.get(f"{BASE}/?q=Budi")
    assert objection.number not in response.content.decode()
    assert client.get(f"{BASE}/{objection.pk}/receipt/").status_code == 403
    assert _api_name(user, objection) is None


@pytest.mark.parametrize("role", [Role.PPID_UTAMA, Role.ATASAN_PPID])
def test_the_identity_permission_shows_the_objector(client, officer, objection, role):
    user = officer(role)
    client.force_login(user)
    html = client.get(f"{BASE}/{objection.pk}/change/").content.decode()
    assert VALID_NIK in html
    assert objection.address in html
    assert client.get(f"{BASE}/{objection.pk}/receipt/").status_code == 200
    assert _api_name(user, objection) == "Budi Santoso"


def test_the_register_names_objectors_only_for_who_may_see_them(
    client, officer, units, objection
):
    import io

    from openpyxl import load_workbook

    url = f"{BASE}/register/?start=2026-01-01&end=2026-12-31&format=xlsx"
    sheets = {}
    for role in [Role.PPID_UTAMA, Role.PPID_PELAKSANA]:
        client.force_login(officer(role, units=[units["dinkes"]]))
        response = client.get(url)
        assert response.status_code == 200
        book = load_workbook(io.BytesIO(response.content))
        sheets[role] = [
            str(cell.value) for row in book.active.iter_rows() for cell in row
        ]
    assert objection.number in sheets[Role.PPID_PELAKSANA]
    assert "Budi Santoso" in sheets[Role.PPID_UTAMA]
    assert "Budi Santoso" not in sheets[Role.PPID_PELAKSANA]


def test_officer_emails_carry_no_personal_data(
    mailoutbox,
    django_capture_on_commit_callbacks,
    refused,
    file_objection,
    atasan,
    pelaksana,
    utama,
):
    """The notices to officers name the case and link to it; the personal data
    stay behind the permission checks of the admin."""
    from apps.accounts.personal_data import personal_values
    from apps.objections import services

    with django_capture_on_commit_callbacks(execute=True):
        objection = file_objection(info_request=refused)
        services.objection_decide(
            objection=objection,
            actor=atasan,
            outcome="upheld",
            reasons="Informasi tidak termasuk Pasal 17.",
            release_ordered="Data kasus DBD per kelurahan 2025",
            now=at(2026, 4, 1, 10),
        )
    secrets = personal_values(objection)
    assert VALID_NIK in secrets
    to_officers = [
        mail for mail in mailoutbox if objection.email not in mail.to and mail.to
    ]
    assert {atasan.email, pelaksana.email} & {a for m in to_officers for a in m.to}
    for mail in to_officers:
        for value in secrets:
            assert value not in mail.body, (mail.subject, value)
            assert value not in mail.subject
