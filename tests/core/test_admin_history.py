"""django-simple-history's admin pages follow the admin's own scope, rights and
field visibility, and never save (apps/core/admin.py ScopedHistoryAdmin).

Each attack of issue 12 item 1 is a test here: a version page POSTed back to
change a record it shows."""

import pytest
from simple_history.admin import SimpleHistoryAdmin

from django.contrib import admin

from apps.accounts.roles import Role
from apps.core.admin import ScopedHistoryAdmin
from apps.core.models import BodyProfile
from tests.info_requests.factories import InformationRequestFactory
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db

BASE = "/admin/info_requests/informationrequest"


def _version_url(obj) -> str:
    opts = obj._meta
    version = obj.history.latest().history_id
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/history/{version}/"


def _editable(info_request, **changes):
    data = {
        "address": info_request.address,
        "phone": info_request.phone,
        "email": info_request.email,
        "occupation": info_request.occupation,
        "representative_name": "",
        "representative_address": "",
        "representative_phone": "",
    }
    return {**data, **changes}


@pytest.fixture
def at_bpbd(units):
    return InformationRequestFactory(unit=units["bpbd"], in_process=True)


def test_an_officer_sees_no_history_of_another_units_case(
    client, officer, units, at_bpbd
):
    own = InformationRequestFactory(unit=units["dinkes"], in_process=True)
    client.force_login(officer(Role.PPID_PELAKSANA, units=[units["dinkes"]]))
    for case, status in [(own, 200), (at_bpbd, 404)]:
        assert client.get(f"{BASE}/{case.pk}/history/").status_code == status
        response = client.get(_version_url(case))
        assert response.status_code == status
        if status == 404:
            assert at_bpbd.nik.encode() not in response.content
            assert at_bpbd.address.encode() not in response.content


def test_a_pelaksana_cannot_redirect_another_units_applicant_notices(
    client, officer, units, at_bpbd
):
    """The attack: change a BPBD applicant's e-mail through the version page."""
    client.force_login(officer(Role.PPID_PELAKSANA, units=[units["dinkes"]]))
    response = client.post(
        _version_url(at_bpbd), _editable(at_bpbd, email="penyerang@example.com")
    )
    assert response.status_code == 405
    at_bpbd.refresh_from_db()
    assert at_bpbd.email == "budi@example.com"


@pytest.mark.parametrize(
    "role", [Role.ATASAN_PPID, Role.PPID_PELAKSANA, Role.PPID_UTAMA]
)
def test_no_version_is_ever_saved_back_whatever_the_role(
    client, officer, units, at_bpbd, role
):
    """The Atasan changed an applicant's contact; even who may change the
    request (its own unit's Pelaksana, the PPID Utama) reverts nothing here."""
    client.force_login(officer(role, units=[units["bpbd"]]))
    url = _version_url(at_bpbd)
    response = client.post(url, _editable(at_bpbd, phone="+6281100000000"))
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    at_bpbd.refresh_from_db()
    assert at_bpbd.phone == "+6281234567890"
    assert at_bpbd.history.count() == 1
    assert client.head(url).status_code == 200


def test_the_version_page_shows_the_past_values_without_a_form(
    client, officer, at_bpbd
):
    old_version = _version_url(at_bpbd)
    at_bpbd.email = "baru@example.com"
    at_bpbd.save()
    client.force_login(officer(Role.PPID_UTAMA))
    response = client.get(old_version)
    assert response.status_code == 200
    html = response.content.decode()
    assert "budi@example.com" in html
    assert "baru@example.com" not in html
    assert 'name="email"' not in html
    assert 'name="_save"' not in html
    assert '<input type="submit"' not in html
    assert "Revert" not in html
    assert "Kembalikan" not in html


def test_the_changes_column_lists_only_fields_the_change_page_shows(
    client, officer, at_bpbd
):
    at_bpbd.identity_document.name = "private/ktp-rahasia-budi.jpg"
    at_bpbd.address = "Jl. Baru 2"
    at_bpbd.save()
    client.force_login(officer(Role.PPID_UTAMA))
    html = client.get(f"{BASE}/{at_bpbd.pk}/history/").content.decode()
    assert "Jl. Baru 2" in html
    assert "ktp-rahasia-budi" not in html


def test_nobody_renames_the_public_body_through_its_history(client, officer):
    """A PPID Pelaksana renamed the body on every page and changed the prefix."""
    profile = BodyProfile.load()
    profile.name = "Pemerintah Kabupaten Kutai Timur"
    profile.save()
    client.force_login(officer(Role.PPID_PELAKSANA))
    url = _version_url(profile)
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"name": "Diambil alih", "request_number_prefix": "XXX"}
    )
    assert response.status_code == 405
    profile.refresh_from_db()
    assert profile.name == "Pemerintah Kabupaten Kutai Timur"
    assert profile.request_number_prefix != "XXX"


def test_nobody_moves_a_unit_through_its_history(client, officer, units):
    """BPBD moved under Dinas Kesehatan opened a BPBD identity scan."""
    bpbd = units["bpbd"]
    client.force_login(officer(Role.PPID_PELAKSANA, units=[units["dinkes"]]))
    response = client.post(
        _version_url(bpbd),
        {
            "name": bpbd.name,
            "code": bpbd.code,
            "slug": bpbd.slug,
            "kind": bpbd.kind,
            "parent": units["dinkes"].pk,
            "ordering": 0,
            "is_active": "on",
        },
    )
    assert response.status_code == 405
    bpbd.refresh_from_db()
    assert bpbd.parent_id == units["body"].pk


def test_petugas_cannot_rewrite_a_public_page_through_its_history(client, officer):
    page = PageFactory(title="Profil PPID", slug="profil-ppid")
    client.force_login(officer(Role.PETUGAS_LAYANAN))
    response = client.post(
        _version_url(page),
        {"title": "Ditulis ulang", "slug": page.slug, "body": "<p>x</p>"},
    )
    assert response.status_code == 405
    page.refresh_from_db()
    assert page.title == "Profil PPID"


@pytest.mark.parametrize(
    "path",
    [
        "{pk}/history/no-such-version/",
        "no-such-object/history/{version}/",
        "no-such-object/history/",
        "999999/history/{version}/",
    ],
)
def test_malformed_or_unknown_ids_are_not_found(client, officer, at_bpbd, path):
    client.force_login(officer(Role.PPID_UTAMA))
    version = at_bpbd.history.latest().history_id
    url = f"{BASE}/" + path.format(pk=at_bpbd.pk, version=version)
    assert client.get(url).status_code == 404


def test_a_version_of_another_object_is_not_found(client, officer, units, at_bpbd):
    other = InformationRequestFactory(unit=units["bpbd"])
    client.force_login(officer(Role.PPID_UTAMA))
    version = other.history.latest().history_id
    assert client.get(f"{BASE}/{at_bpbd.pk}/history/{version}/").status_code == 404


def test_every_history_admin_is_scoped_and_read_only():
    for model_admin in admin.site._registry.values():
        if isinstance(model_admin, SimpleHistoryAdmin):
            assert isinstance(model_admin, ScopedHistoryAdmin), model_admin
            assert model_admin.revert_disabled(None) is True
