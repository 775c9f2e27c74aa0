"""django-simple-history's admin pages follow the admin's own scope and rights
(apps/core/admin.py ScopedHistoryAdmin)."""

import pytest
from simple_history.admin import SimpleHistoryAdmin

from django.contrib import admin

from apps.accounts.roles import Role
from apps.core.admin import ScopedHistoryAdmin
from tests.info_requests.factories import InformationRequestFactory

pytestmark = pytest.mark.django_db

BASE = "/admin/info_requests/informationrequest"


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
        version = case.history.latest().history_id
        assert client.get(f"{BASE}/{case.pk}/history/").status_code == status
        response = client.get(f"{BASE}/{case.pk}/history/{version}/")
        assert response.status_code == status
    response = client.post(
        f"{BASE}/{at_bpbd.pk}/history/{at_bpbd.history.latest().history_id}/",
        _editable(at_bpbd, address="Diubah dari unit lain"),
    )
    assert response.status_code == 404
    at_bpbd.refresh_from_db()
    assert at_bpbd.address != "Diubah dari unit lain"


def test_only_an_officer_who_may_change_reverts_a_version(client, officer, at_bpbd):
    url = f"{BASE}/{at_bpbd.pk}/history/{at_bpbd.history.latest().history_id}/"
    client.force_login(officer(Role.ATASAN_PPID))
    assert client.get(url).status_code == 200
    assert client.post(url, _editable(at_bpbd, address="Oleh atasan")).status_code == (
        403
    )
    at_bpbd.refresh_from_db()
    assert at_bpbd.address != "Oleh atasan"
    client.force_login(officer(Role.PPID_UTAMA))
    assert client.post(url, _editable(at_bpbd, address="Oleh utama")).status_code == (
        302
    )
    at_bpbd.refresh_from_db()
    assert at_bpbd.address == "Oleh utama"


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


def test_every_history_admin_is_scoped():
    for model_admin in admin.site._registry.values():
        if isinstance(model_admin, SimpleHistoryAdmin):
            assert isinstance(model_admin, ScopedHistoryAdmin), model_admin
