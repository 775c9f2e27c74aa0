"""The back office for requests: intake, steps, scope, register book, queue."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from django.core import mail
from django.core.management import call_command

from apps.accounts.roles import Role
from apps.info_requests import services
from apps.info_requests.models import InformationRequest, Status

CHANGELIST = "/admin/info_requests/informationrequest/"


def step_url(request, step):
    return f"{CHANGELIST}{request.pk}/step/{step}/"


@pytest.mark.django_db
class TestIntake:
    def intake(self, **overrides):
        data = {
            "channel": "walk_in",
            "received_at_0": "2026-03-02",
            "received_at_1": "08:30",
            "applicant_type": "individual",
            "name": "Rahmat Hidayat",
            "nik": "6408011203850001",
            "address": "Jl. Poros Sangatta-Bengalon",
            "phone": "0811 555 1234",
            "email": "",
            "occupation": "Petani",
            "information_requested": "Peta rawan banjir Kecamatan Bengalon",
            "purpose": "Mitigasi kebun",
            "access_method": "view",
            "copy_format": "",
            "delivery_method": "",
            "unit": "",
        }
        data.update(overrides)
        return data

    def test_desk_officer_records_a_walk_in_request(self, client, officer, units):
        petugas = officer(Role.PETUGAS_LAYANAN)
        client.force_login(petugas)
        response = client.post(f"{CHANGELIST}add/", self.intake())
        assert response.status_code == 302, response.context["adminform"].form.errors
        request = InformationRequest.objects.get()
        assert request.channel == "walk_in"
        assert request.recorded_by == petugas
        assert request.phone == "+628115551234"
        assert request.due_date == dt.date(2026, 3, 16)
        assert request.registration_number.endswith("-2026-00001")

    def test_future_receipt_time_is_refused(self, client, officer, units):
        client.force_login(officer(Role.PETUGAS_LAYANAN))
        response = client.post(
            f"{CHANGELIST}add/", self.intake(received_at_0="2099-01-01")
        )
        assert response.status_code == 200
        assert "received_at" in response.context["adminform"].form.errors
        assert InformationRequest.objects.count() == 0

    def test_bad_nik_is_refused_with_message(self, client, officer, units):
        client.force_login(officer(Role.PETUGAS_LAYANAN))
        response = client.post(f"{CHANGELIST}add/", self.intake(nik="123"))
        assert "nik" in response.context["adminform"].form.errors

    def test_pelaksana_cannot_record(self, client, pelaksana):
        client.force_login(pelaksana)
        assert client.get(f"{CHANGELIST}add/").status_code == 403


@pytest.mark.django_db
class TestScopeAndSteps:
    @pytest.fixture
    def at_dinkes(self, submit, utama, units):
        request = submit()
        services.information_request_assign(
            info_request=request, unit=units["dinkes"], actor=utama
        )
        return request

    def test_pelaksana_sees_only_own_units(
        self, client, pelaksana, submit, units, utama
    ):
        mine = submit(name="Pemohon A")
        services.information_request_assign(
            info_request=mine, unit=units["rsud"], actor=utama
        )
        other = submit(name="Pemohon B")
        services.information_request_assign(
            info_request=other, unit=units["bpbd"], actor=utama
        )
        client.force_login(pelaksana)
        listed = client.get(CHANGELIST).context["cl"].result_list
        assert list(listed) == [mine]
        assert client.get(f"{CHANGELIST}{other.pk}/change/").status_code == 302
        assert client.get(step_url(other, "decide")).status_code == 404

    def test_changelist_query_count_is_constant(
        self, client, utama, submit, django_assert_max_num_queries
    ):
        for index in range(30):
            submit(name=f"Pemohon {index}")
        client.force_login(utama)
        with django_assert_max_num_queries(14):
            response = client.get(CHANGELIST)
        assert len(response.context["cl"].result_list) == 30

    def test_utama_assigns_and_pelaksana_cannot(
        self, client, utama, pelaksana, submit, units
    ):
        request = submit()
        client.force_login(pelaksana)
        assert (
            client.get(step_url(request, "assign")).status_code == 404
        )  # not in scope
        client.force_login(utama)
        response = client.post(
            step_url(request, "assign"), {"unit": units["dinkes"].pk}
        )
        assert response.status_code == 302
        request.refresh_from_db()
        assert (request.status, request.unit) == (Status.IN_PROCESS, units["dinkes"])

    def test_pelaksana_extends_and_decides_with_letter(
        self, client, pelaksana, at_dinkes, django_capture_on_commit_callbacks
    ):
        client.force_login(pelaksana)
        page = client.get(f"{CHANGELIST}{at_dinkes.pk}/change/").content.decode()
        assert "Perpanjang (7 hari kerja)" in page
        assert "Teruskan ke unit" not in page  # routing is the PPID Utama's
        response = client.post(step_url(at_dinkes, "extend"), {"reason": ""})
        assert "reason" in response.context["form"].errors
        client.post(
            step_url(at_dinkes, "extend"), {"reason": "Data di beberapa bidang"}
        )
        at_dinkes.refresh_from_db()
        # 2 March 2026 is long past: the service refuses and the message says why.
        assert at_dinkes.status == Status.IN_PROCESS
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                step_url(at_dinkes, "decide"),
                {
                    "control": "held",
                    "decision": "refused",
                    "refusal_reason": "exempt",
                    "exemption_letters": ["h"],
                    "cost": "0",
                },
            )
        assert response.status_code == 302
        at_dinkes.refresh_from_db()
        assert at_dinkes.status == Status.DECIDED
        letter = client.get(f"{CHANGELIST}{at_dinkes.pk}/notice/")
        text = PdfReader(io.BytesIO(b"".join(letter.streaming_content))).pages[0]
        assert at_dinkes.registration_number in text.extract_text()
        assert mail.outbox[-1].to == ["budi@example.com"]

    def test_refused_extension_shows_the_reason(self, client, pelaksana, at_dinkes):
        client.force_login(pelaksana)
        response = client.post(
            step_url(at_dinkes, "extend"),
            {"reason": "Data di beberapa bidang"},
            follow=True,
        )
        messages = [str(m) for m in response.context["messages"]]
        assert any("telah lewat" in m for m in messages)

    def test_decide_form_errors_come_back(self, client, pelaksana, at_dinkes):
        client.force_login(pelaksana)
        response = client.post(
            step_url(at_dinkes, "decide"),
            {"control": "held", "decision": "granted", "cost": "0"},
        )
        assert response.status_code == 200
        assert "information_given" in response.context["form"].errors

    def test_give_a_document_and_refuse_a_bad_one(
        self, client, pelaksana, at_dinkes, sample_pdf
    ):
        from django.core.files.uploadedfile import SimpleUploadedFile

        client.force_login(pelaksana)
        bad = client.post(
            step_url(at_dinkes, "document"),
            {"upload": SimpleUploadedFile("x.pdf", b"#!/bin/sh echo")},
        )
        assert "upload" in bad.context["form"].errors
        response = client.post(
            step_url(at_dinkes, "document"),
            {"upload": SimpleUploadedFile("rekap-dbd.pdf", sample_pdf)},
        )
        assert response.status_code == 302
        assert at_dinkes.documents.get().filename == "rekap-dbd.pdf"

    def test_atasan_only_reads(self, client, officer, at_dinkes):
        client.force_login(officer(Role.ATASAN_PPID))
        assert client.get(f"{CHANGELIST}{at_dinkes.pk}/change/").status_code == 200
        assert client.get(step_url(at_dinkes, "decide")).status_code == 403

    def test_workflow_fields_are_read_only(self, client, utama, at_dinkes):
        client.force_login(utama)
        form = (
            client.get(f"{CHANGELIST}{at_dinkes.pk}/change/").context["adminform"].form
        )
        assert "status" not in form.fields
        assert "due_date" not in form.fields
        assert "phone" in form.fields


@pytest.mark.django_db
class TestRegisterBookAndQueue:
    def test_register_book_xlsx_and_pdf(self, client, utama, submit, units):
        decided = submit(name="Ani Register")
        services.information_request_assign(
            info_request=decided, unit=units["dinkes"], actor=utama
        )
        services.information_request_decide(
            info_request=decided, actor=utama, control="held", decision="refused",
            refusal_reason="exempt", exemption_letters=["h"], cost=0,
        )  # fmt: skip
        submit(
            name="Di luar periode", received_at=dt.datetime(2025, 1, 6, tzinfo=dt.UTC)
        )
        client.force_login(utama)
        url = f"{CHANGELIST}register-book/"
        xlsx = client.get(
            url, {"start": "2026-01-01", "end": "2026-12-31", "format": "xlsx"}
        )
        sheet = load_workbook(io.BytesIO(xlsx.content)).active
        rows = list(sheet.iter_rows(min_row=3, values_only=True))
        assert len(rows) == 1
        assert rows[0][3] == "Ani Register"
        assert rows[0][12] == "Ditolak"
        assert "Pasal 17 h" in rows[0][13]
        assert sheet["A2"].value == "No"
        pdf = client.get(
            url, {"start": "2026-01-01", "end": "2026-12-31", "format": "pdf"}
        )
        text = " ".join(
            PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().split()
        )
        assert "Ani Register" in text
        bad = client.get(
            url, {"start": "2026-12-31", "end": "2026-01-01", "format": "xlsx"}
        )
        assert bad.status_code == 200
        assert bad.context["form"].errors

    def test_admin_home_shows_the_queue(self, client, utama, submit):
        submit()
        client.force_login(utama)
        html = client.get("/admin/").content.decode()
        assert "Antrean saya" in html
        assert "REQ-2026-00001" in html


@pytest.mark.django_db
class TestReminders:
    def test_daily_reminders_go_to_the_units_officers(
        self, submit, utama, pelaksana, units, officer, capsys
    ):
        officer(Role.PPID_PELAKSANA, units=[units["bpbd"]], email="bpbd@kutim.go.id")
        late = submit(name="Terlambat")
        services.information_request_assign(
            info_request=late, unit=units["rsud"], actor=utama
        )
        unrouted = submit(
            name="Belum diteruskan",
            received_at=dt.datetime(2026, 3, 3, 1, tzinfo=dt.UTC),
        )
        call_command("send_request_reminders", "--today", "2026-03-17")
        assert "Reminders sent: 2" in capsys.readouterr().out
        by_recipient = {m.to[0]: m for m in mail.outbox}
        assert set(by_recipient) == {"pelaksana@kutim.go.id", "utama@kutim.go.id"}
        assert late.registration_number in by_recipient["pelaksana@kutim.go.id"].body
        assert (
            unrouted.registration_number
            not in by_recipient["pelaksana@kutim.go.id"].body
        )
        utama_mail = by_recipient["utama@kutim.go.id"].body
        assert late.registration_number in utama_mail  # overdue: the PPID Utama hears
        assert unrouted.registration_number in utama_mail  # unrouted and due soon

    def test_no_reminders_when_nothing_is_due(self, submit, utama, capsys):
        submit()
        call_command("send_request_reminders", "--today", "2026-03-03")
        assert "Reminders sent: 0" in capsys.readouterr().out
        assert mail.outbox == []

    def test_bad_date_is_a_clear_error(self):
        from django.core.management.base import CommandError

        with pytest.raises(CommandError, match="YYYY-MM-DD"):
            call_command("send_request_reminders", "--today", "kemarin")
