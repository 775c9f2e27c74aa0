"""Officers' admin: the Atasan answers, the PPID sees its units and records the
release, the register exports, reminders, the dashboard, disputes and demo data."""

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from django.core import mail
from django.core.management import call_command

from apps.accounts.roles import Role
from apps.core.models import BodyProfile
from apps.objections import services
from apps.objections.models import Dispute
from tests.objections.conftest import at
from tests.objections.factories import ObjectionFactory

CHANGELIST = "/admin/objections/objection/"


@pytest.fixture
def objection(units):
    """Grounds a and e, about a refused request of Dinas Kesehatan (built: no PDF)."""
    return ObjectionFactory(grounds=("a", "e"), request__unit=units["dinkes"])


@pytest.fixture
def filed_objection(refused, file_objection):
    """Filed through the service: its request has a real notice letter (the bundle)."""
    return file_objection(refused, grounds=["a", "e"])


@pytest.mark.django_db
class TestObjectionAdmin:
    def test_atasan_answers_through_the_step(self, client, objection, atasan):
        client.force_login(atasan)
        page = client.get(f"{CHANGELIST}{objection.pk}/change/").content.decode()
        step = f"{CHANGELIST}{objection.pk}/step/decide/"
        assert step in page
        html = client.post(step, {"outcome": "affirmed"}).content.decode()
        assert "errornote" in html or "errorlist" in html  # reasons required
        response = client.post(
            step, {"outcome": "affirmed", "reasons": "Pengecualian tepat."}
        )
        assert response.status_code == 302
        objection.refresh_from_db()
        assert objection.status == "answered"
        assert objection.decided_by == atasan
        answer = client.get(f"{CHANGELIST}{objection.pk}/answer/")
        assert answer.status_code == 200

    def test_ppid_cannot_answer(self, client, objection, utama, pelaksana):
        for officer in (utama, pelaksana):
            client.force_login(officer)
            page = client.get(f"{CHANGELIST}{objection.pk}/change/").content.decode()
            assert "/step/decide/" not in page
            response = client.post(
                f"{CHANGELIST}{objection.pk}/step/decide/",
                {"outcome": "affirmed", "reasons": "x"},
            )
            assert response.status_code == 403
        objection.refresh_from_db()
        assert objection.status == "received"

    def test_pelaksana_sees_own_units_and_records_release(
        self, client, objection, atasan, pelaksana, officer, units
    ):
        services.objection_decide(
            objection=objection, actor=atasan, outcome="upheld", release_ordered="x"
        )
        other = officer(Role.PPID_PELAKSANA, units=[units["bpbd"]], username="bpbd")
        client.force_login(other)
        assert objection.number not in client.get(CHANGELIST).content.decode()
        client.force_login(pelaksana)
        assert objection.number in client.get(CHANGELIST).content.decode()
        response = client.post(
            f"{CHANGELIST}{objection.pk}/step/release/", {"note": "Dikirim"}
        )
        assert response.status_code == 302
        objection.refresh_from_db()
        assert objection.status == "released"
        objection.request.refresh_from_db()
        assert objection.request.status == "decided"

    def test_changelist_query_count_is_constant(
        self, client, atasan, units, django_assert_max_num_queries
    ):
        ObjectionFactory.create_batch(6, request__unit=units["dinkes"])
        BodyProfile.load()  # the profile row filing would have made, not per row
        client.force_login(atasan)
        with django_assert_max_num_queries(15):
            assert client.get(CHANGELIST).status_code == 200

    def test_register_xlsx_and_pdf(self, client, objection, atasan):
        services.objection_decide(
            objection=objection,
            actor=atasan,
            outcome="affirmed",
            reasons="Tepat.",
            now=at(2026, 4, 1, 10),
        )
        client.force_login(atasan)
        url = f"{CHANGELIST}register/?start=2026-01-01&end=2026-12-31"
        xlsx = client.get(url + "&format=xlsx")
        sheet = load_workbook(io.BytesIO(xlsx.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        assert len(rows[1]) == 13
        assert rows[2][1] == objection.number
        assert rows[2][4] == objection.request.registration_number
        assert rows[2][7] == "a, e"
        assert "Tepat" not in str(rows[2])  # reasons stay in the letter
        pdf = client.get(url + "&format=pdf")
        text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
        assert objection.number in text
        empty = client.get(f"{CHANGELIST}register/?start=2026-05-01&end=2026-04-01")
        assert empty.status_code == 200
        assert b"errorlist" in empty.content

    def test_dashboard_panel_for_the_atasan(self, client, objection, atasan):
        client.force_login(atasan)
        html = client.get("/admin/").content.decode()
        assert objection.number in html


@pytest.mark.django_db
def test_reminders_command(objection, atasan, utama):
    call_command("send_objection_reminders", "--today", "2026-05-05")
    assert [m.to for m in mail.outbox] == [["sekda@kutim.go.id"]]
    assert objection.number in mail.outbox[0].body
    mail.outbox.clear()
    call_command("send_objection_reminders", "--today", "2026-03-20")
    assert mail.outbox == []
    call_command("send_objection_reminders", "--today", "2026-05-07")
    assert [m.to for m in mail.outbox] == [["sekda@kutim.go.id"]]
    assert "2026-05-06" in mail.outbox[0].body or "6 Mei 2026" in mail.outbox[0].body


@pytest.mark.django_db
class TestDisputeAdmin:
    def test_record_advance_and_bundle(self, client, filed_objection, atasan, utama):
        objection = filed_objection
        services.objection_decide(
            objection=objection,
            actor=atasan,
            outcome="affirmed",
            reasons="Tepat.",
            now=at(2026, 4, 1, 10),
        )
        client.force_login(utama)
        response = client.post(
            "/admin/objections/dispute/add/",
            {
                "register_number": "003/IV/KI-Kaltim-PS/2026",
                "commission_level": "provincial",
                "commission_name": "Komisi Informasi Provinsi Kalimantan Timur",
                "objection": objection.pk,
                "filed_on": "2026-04-10",
                "registered_on": "2026-04-14",
                "respondent_representatives": "Kabag Hukum",
                "events-TOTAL_FORMS": 0,
                "events-INITIAL_FORMS": 0,
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        dispute = Dispute.objects.get()
        assert dispute.request == objection.request
        assert dispute.events.count() == 1
        step = f"/admin/objections/dispute/{dispute.pk}/step/advance/"
        client.post(step, {"stage": "mediation", "on": "2026-04-28", "note": ""})
        dispute.refresh_from_db()
        assert dispute.stage == "mediation"
        bundle = client.get(f"/admin/objections/dispute/{dispute.pk}/bundle/")
        assert bundle["Content-Type"] == "application/pdf"
        assert len(PdfReader(io.BytesIO(bundle.content)).pages) >= 5

    def test_atasan_cannot_record_disputes(self, client, atasan):
        client.force_login(atasan)
        assert client.get("/admin/objections/dispute/add/").status_code == 403
