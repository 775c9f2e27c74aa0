import csv
import io

import pytest
from openpyxl import load_workbook

from apps.accounts.roles import Role
from apps.complaints.models import Complaint, Status

from .conftest import IDENTITY_VALUES
from .factories import ComplaintFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/complaints/complaint/"


def export(client, complaints, action):
    return client.post(
        LIST,
        {"action": action, "_selected_action": [c.pk for c in complaints]},
    )


class TestLists:
    def test_list_query_count_and_overdue_highlight(
        self, client, lead, units, django_assert_max_num_queries
    ):
        ComplaintFactory.create_batch(30, unit=units["dinkes"])
        client.force_login(lead)
        with django_assert_max_num_queries(20):
            response = client.get(LIST)
        html = response.content.decode()
        assert response.status_code == 200
        assert "overdue" in html or "terlambat" in html
        assert client.get(LIST + "?deadline=overdue").status_code == 200

    def test_confidential_identity_only_for_ppid_utama(self, client, lead, desk, units):
        complaint = ComplaintFactory(unit=units["dinkes"], confidential=True)
        client.force_login(desk)
        for url in (LIST, f"{LIST}{complaint.pk}/change/"):
            html = client.get(url).content.decode()
            for value in IDENTITY_VALUES:
                assert value not in html, url
        client.force_login(lead)
        assert (
            "Budi Santoso"
            in client.get(f"{LIST}{complaint.pk}/change/").content.decode()
        )

    def test_unit_officer_sees_own_units_only(self, client, unit_officer, units):
        own = ComplaintFactory(unit=units["rsud"])
        other = ComplaintFactory(unit=units["bpbd"])
        client.force_login(unit_officer)
        html = client.get(LIST).content.decode()
        assert own.number in html
        assert other.number not in html
        assert client.get(f"{LIST}{other.pk}/change/").status_code == 302


class TestExports:
    def test_xlsx_round_trip_hides_confidential_identity_from_desk(self, client, desk):
        shown = ComplaintFactory()
        hidden = ComplaintFactory(
            confidential=True, reporter_email="rahasia@example.com"
        )
        anonymous = ComplaintFactory(anonymous=True)
        client.force_login(desk)
        response = export(client, [shown, hidden, anonymous], "export_xlsx")
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
        assert rows[shown.number][14] == "Budi Santoso"
        assert "rahasia@example.com" not in str(rows[hidden.number])
        assert "Budi Santoso" not in str(rows[hidden.number])
        assert rows[anonymous.number][14] in ("Anonymous", "Anonim")

    def test_csv_for_lead_has_identity(self, client, lead):
        hidden = ComplaintFactory(confidential=True)
        client.force_login(lead)
        text = export(client, [hidden], "export_csv").content.decode()
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[1][0] == hidden.number
        assert "Budi Santoso" in rows[1]

    def test_unit_officer_cannot_export(self, client, unit_officer, units):
        complaint = ComplaintFactory(unit=units["dinkes"])
        client.force_login(unit_officer)
        response = export(client, [complaint], "export_csv")
        # The action is not even offered: the changelist answers, no file.
        assert "attachment" not in response.get("Content-Disposition", "")
        assert response["Content-Type"].startswith("text/html")
        assert complaint.reporter_email not in response.content.decode()


class TestStepsAndActions:
    def test_add_by_desk_calls_service(self, client, desk, units):
        client.force_login(desk)
        response = client.post(
            LIST + "add/",
            {
                "channel": "phone",
                "received_at_0": "2026-03-02",
                "received_at_1": "09:00",
                "classification": "complaint",
                "is_anonymous": "on",
                "title": "Pungli di loket",
                "description": "Diminta uang tambahan.",
                "unit": units["dinkes"].pk,
            },
            follow=True,
        )
        complaint = Complaint.objects.get()
        assert complaint.channel == "phone"
        assert complaint.recorded_by == desk
        assert complaint.is_anonymous
        assert complaint.secret_code_hash
        assert "Secret code" in response.content.decode() or "Kode rahasia" in (
            response.content.decode()
        )

    def test_add_bad_nik_shows_error(self, client, desk):
        client.force_login(desk)
        response = client.post(
            LIST + "add/",
            {
                "channel": "phone",
                "received_at_0": "2026-03-02",
                "received_at_1": "09:00",
                "classification": "complaint",
                "reporter_name": "Budi",
                "reporter_nik": "123",
                "reporter_phone": "08125400123",
                "title": "x",
                "description": "y",
            },
        )
        assert response.status_code == 200
        assert "reporter_nik" in response.context["adminform"].form.errors
        assert Complaint.objects.count() == 0

    def test_step_pages(self, client, lead, units):
        complaint = ComplaintFactory(unit=units["dinkes"])
        client.force_login(lead)
        url = f"{LIST}{complaint.pk}/step/reject/"
        response = client.post(url, {"reason": "out_of_authority", "note": "x"})
        assert response.status_code == 200
        assert "belongs_to" in response.context["form"].errors
        client.post(f"{LIST}{complaint.pk}/step/verify/", {"note": ""})
        client.post(f"{LIST}{complaint.pk}/step/forward/", {"unit": units["dinkes"].pk})
        complaint.refresh_from_db()
        assert complaint.status == Status.FORWARDED
        # Not open at "forwarded" (the workflow's table): refused, not run.
        refused = client.post(f"{LIST}{complaint.pk}/step/resolve/", {})
        assert refused.status_code == 403
        complaint.refresh_from_db()
        assert complaint.status == Status.FORWARDED
        client.post(
            f"{LIST}{complaint.pk}/step/lapor/",
            {"tracking_id": "LAPOR-77", "lapor_status": "Diteruskan"},
        )
        complaint.refresh_from_db()
        assert complaint.lapor_tracking_id == "LAPOR-77"

    def test_step_forbidden_for_unit_officer(self, client, unit_officer, units):
        complaint = ComplaintFactory(unit=units["dinkes"])
        client.force_login(unit_officer)
        assert client.post(f"{LIST}{complaint.pk}/step/verify/", {}).status_code == 403

    def test_bulk_verify_uses_service(self, client, lead):
        first, second = ComplaintFactory(), ComplaintFactory(verified=True)
        client.force_login(lead)
        client.post(
            LIST,
            {"action": "verify_selected", "_selected_action": [first.pk, second.pk]},
        )
        first.refresh_from_db()
        assert first.status == Status.VERIFIED
        from apps.core.models import StatusChange

        assert StatusChange.objects.for_object(first).get().to_status == "verified"


def test_roles_get_declared_permissions(officer):
    user = officer(Role.PPID_PELAKSANA)
    assert user.has_perm("complaints.follow_up_complaint")
    assert not user.has_perm("complaints.verify_complaint")
    desk = officer(Role.PETUGAS_LAYANAN)
    assert desk.has_perm("complaints.add_complaint")
    assert not desk.has_perm("complaints.forward_complaint")
