import datetime as dt

import pytest

from apps.accounts.roles import Role
from apps.core.models import BodyProfile


@pytest.fixture
def login(client):
    def do(user):
        client.force_login(user)
        return client

    return do


@pytest.mark.django_db
class TestAdmin:
    def test_branded_with_the_body_name(self, login, officer):
        profile = BodyProfile.load()
        profile.name, profile.ppid_name = (
            "Pemerintah Kabupaten Kutai Timur",
            "PPID Kutim",
        )
        profile.save()
        html = login(officer(Role.PPID_UTAMA)).get("/admin/").content.decode()
        assert "PPID Kutim · Pemerintah Kabupaten Kutai Timur" in html

    def test_officer_logs_in_with_password(self, client, officer):
        officer(Role.PETUGAS_LAYANAN, username="petugas")
        response = client.post(
            "/admin/login/?next=/admin/",
            {"username": "petugas", "password": "correct-horse-battery"},
        )
        assert response.status_code == 302
        assert response["Location"] == "/admin/"

    def test_profile_changelist_opens_the_singleton(self, login, officer):
        response = login(officer(Role.PPID_UTAMA)).get("/admin/core/bodyprofile/")
        assert response.status_code == 302
        assert response["Location"] == "/admin/core/bodyprofile/1/change/"

    def test_pelaksana_cannot_edit_the_profile(self, login, officer):
        BodyProfile.load()
        client = login(officer(Role.PPID_PELAKSANA))
        response = client.post("/admin/core/bodyprofile/1/change/", {"name": "x"})
        assert response.status_code == 403
        assert BodyProfile.load().name != "x"

    def test_pelaksana_cannot_change_units(self, login, officer, units):
        client = login(officer(Role.PPID_PELAKSANA, units=[units["dinkes"]]))
        assert (
            client.get(f"/admin/accounts/unit/{units['dinkes'].pk}/change/").status_code
            == 200
        )
        response = client.post(
            f"/admin/accounts/unit/{units['dinkes'].pk}/change/", {"name": "Diubah"}
        )
        assert response.status_code == 403

    def test_working_day_calculator_explains(self, login, officer):
        client = login(officer(Role.PPID_PELAKSANA))
        response = client.get(
            "/admin/core/nonworkingday/calculator/", {"start": "2025-12-22", "days": 10}
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "8 Januari 2026" in html
        assert "Hari Raya Natal" in html

    def test_calculator_bad_input_shows_error(self, login, officer):
        client = login(officer(Role.PPID_UTAMA))
        response = client.get(
            "/admin/core/nonworkingday/calculator/", {"start": "kemarin", "days": "-1"}
        )
        assert response.status_code == 200
        assert response.context["form"].errors.keys() == {"start", "days"}

    def test_utama_adds_a_regional_holiday(self, login, officer):
        client = login(officer(Role.PPID_UTAMA))
        response = client.post(
            "/admin/core/nonworkingday/add/",
            {"date": "2026-09-08", "kind": "closed", "name": "Hari Jadi Kutai Timur"},
        )
        assert response.status_code == 302
        from apps.core.workdays import is_working_day

        assert not is_working_day(dt.date(2026, 9, 8))

    def test_status_changes_are_read_only(self, login, officer):
        client = login(officer(Role.PPID_UTAMA))
        assert client.get("/admin/core/statuschange/").status_code == 200
        assert client.get("/admin/core/statuschange/add/").status_code == 403
