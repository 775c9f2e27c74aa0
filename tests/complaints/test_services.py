import datetime as dt

import pytest

from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from apps.complaints import services
from apps.complaints.codes import code_matches
from apps.complaints.models import Complaint, ComplaintSettings, Status
from apps.complaints.notifications import REMINDER
from apps.complaints.workflow import COMPLAINT_WORKFLOW
from apps.core.errors import ApplicationError, TransitionNotAllowed
from apps.core.models import NonWorkingDay, StatusChange
from apps.core.notify import send_reminders

from .conftest import IDENTITY_VALUES, at

pytestmark = pytest.mark.django_db(transaction=False)


def advance(complaint, actor, to, when):
    """Walk a complaint through the services up to status `to`."""
    order = [
        Status.RECEIVED,
        Status.VERIFIED,
        Status.FORWARDED,
        Status.FOLLOWED_UP,
        Status.RESOLVED,
    ]
    for step in order[order.index(complaint.status) + 1 : order.index(to) + 1]:
        if step == Status.VERIFIED:
            complaint = services.complaint_verify(
                complaint=complaint, actor=actor, now=when
            )
        elif step == Status.FORWARDED:
            complaint = services.complaint_forward(
                complaint=complaint, actor=actor, now=when
            )
        elif step == Status.FOLLOWED_UP:
            complaint = services.complaint_follow_up(
                complaint=complaint,
                actor=actor,
                text="Loket kini buka 07.30.",
                now=when,
            )
        else:
            complaint = services.complaint_resolve(
                complaint=complaint, actor=actor, satisfaction="satisfied", now=when
            )
    return complaint


class TestDeadlines:
    def test_verification_skips_nyepi_and_lebaran_2026(self, submit):
        # Mon 16 March 2026: 17 March counts; 18-24 March are Nyepi, Idul Fitri
        # and cuti bersama; 25 and 26 March count.
        complaint = submit(now=at(2026, 3, 16, 10)).complaint
        assert complaint.verification_due == dt.date(2026, 3, 26)
        assert complaint.due_date == dt.date(2026, 3, 26)

    def test_received_on_saturday_evening_counts_from_monday(self, submit):
        complaint = submit(now=at(2026, 3, 14, 20)).complaint
        assert complaint.verification_due == dt.date(2026, 3, 25)

    def test_receipt_date_is_in_wita(self, submit):
        # 23:30 UTC on Sunday 15 March is 07:30 WITA on Monday 16 March.
        moment = dt.datetime(2026, 3, 15, 23, 30, tzinfo=dt.UTC)
        complaint = submit(now=moment).complaint
        assert complaint.verification_due == dt.date(2026, 3, 26)

    def test_follow_up_due_five_working_days_skipping_ascension(self, submit, lead):
        complaint = submit(now=at(2026, 5, 11)).complaint
        complaint = advance(complaint, lead, Status.FORWARDED, at(2026, 5, 12))
        # 13 May counts; 14-15 May are Ascension and its cuti bersama.
        assert complaint.follow_up_due == dt.date(2026, 5, 21)
        assert complaint.due_date == dt.date(2026, 5, 21)
        assert not complaint.is_overdue(dt.date(2026, 5, 21))
        assert complaint.is_overdue(dt.date(2026, 5, 22))

    def test_calendar_change_recomputes_open_deadlines_with_audit(
        self, submit, lead, django_capture_on_commit_callbacks
    ):
        open_one = submit(now=at(2026, 3, 16)).complaint
        done = submit(now=at(2026, 3, 16)).complaint
        services.complaint_reject(
            complaint=done, actor=lead, reason="not_a_complaint", note="Saran."
        )
        with django_capture_on_commit_callbacks(execute=True):
            NonWorkingDay.objects.create(
                date=dt.date(2026, 3, 25), name="HUT Kabupaten Kutai Timur"
            )
        open_one.refresh_from_db()
        assert open_one.verification_due == dt.date(2026, 3, 27)
        note = StatusChange.objects.for_object(open_one).last().text
        assert "2026-03-26" in note
        assert "2026-03-27" in note
        assert "HUT Kabupaten Kutai Timur" in note
        done.refresh_from_db()
        assert done.due_date is None


class TestSubmit:
    def test_number_prefix_from_body_profile(self, submit):
        from apps.core.models import BodyProfile

        profile = BodyProfile.load()
        profile.complaint_number_prefix = "PPID-KUTIM"
        profile.save()
        assert submit().complaint.number == "PPID-KUTIM-2026-00001"
        assert submit().complaint.number == "PPID-KUTIM-2026-00002"

    def test_phone_normalised_and_audit_row(self, submit):
        complaint = submit().complaint
        assert complaint.reporter_phone == "+6281254001234"
        change = StatusChange.objects.for_object(complaint).get()
        assert (change.from_status, change.to_status) == ("", Status.RECEIVED)

    def test_anonymous_gets_code_and_only_its_hash_is_stored(self, submit):
        result = submit(is_anonymous=True)
        assert result.secret_code
        assert len(result.secret_code) == 14
        assert result.secret_code not in result.complaint.secret_code_hash
        assert code_matches(
            result.secret_code.lower(), result.complaint.secret_code_hash
        )
        assert result.complaint.reporter_name == ""

    def test_idempotent_on_submission_key(self, submit):
        first = submit(submission_key="web:abc")
        second = submit(submission_key="web:abc")
        assert first.created
        assert not second.created
        assert second.complaint.pk == first.complaint.pk
        assert Complaint.objects.count() == 1

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"reporter_nik": "1234"}, "reporter_nik"),
            ({"reporter_nik": "9908011201900003"}, "reporter_nik"),
            ({"reporter_phone": "12"}, "reporter_phone"),
            ({"reporter_name": ""}, "reporter_name"),
            ({"reporter_phone": "", "reporter_email": ""}, "reporter_email"),
            ({"title": ""}, "title"),
            ({"description": ""}, "description"),
            ({"latitude": 1}, "latitude"),
            ({"received_at": at(2027, 1, 4)}, "received_at"),
            ({"event_date": dt.date(2027, 1, 4)}, "event_date"),
        ],
    )
    def test_bad_input_is_refused_and_nothing_written(self, submit, kwargs, field):
        with pytest.raises(ValidationError) as error:
            submit(**kwargs)
        assert field in error.value.message_dict
        assert Complaint.objects.count() == 0

    def test_earlier_receipt_allowed(self, submit):
        complaint = submit(received_at=at(2026, 3, 2), now=at(2026, 3, 16)).complaint
        assert complaint.verification_due == dt.date(2026, 3, 5)

    def test_attachments_checked_by_content(self, submit, sample_pdf, sample_png):
        fake = SimpleUploadedFile("foto.png", b"MZ\x90\x00 not an image")
        with pytest.raises(ValidationError) as error:
            submit(attachments=[fake])
        assert "attachments" in error.value.message_dict
        result = submit(
            attachments=[
                SimpleUploadedFile("bukti.pdf", sample_pdf),
                SimpleUploadedFile("foto.png", sample_png),
            ]
        )
        stored = list(result.complaint.attachments.order_by("pk"))
        assert [a.mimetype for a in stored] == ["application/pdf", "image/png"]
        # Encrypted at rest: the stored bytes are not the PDF.
        raw = stored[0].file.storage.path(stored[0].file.name)
        with open(raw, "rb") as handle:
            assert not handle.read().startswith(b"%PDF")
        assert stored[0].file.open().read() == sample_pdf

    def test_too_many_attachments(self, submit, sample_png):
        files = [SimpleUploadedFile(f"{i}.png", sample_png) for i in range(6)]
        with pytest.raises(ValidationError):
            submit(attachments=files)

    def test_reporter_receipt_email(self, submit, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            complaint = submit().complaint
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["budi.santoso@example.com"]
        assert complaint.number in mail.outbox[0].subject
        assert "/pengaduan/status/" in mail.outbox[0].body


class TestTransitions:
    def test_happy_path_records_every_step(self, submit, lead):
        complaint = advance(submit().complaint, lead, Status.RESOLVED, at(2026, 3, 17))
        trail = [c.to_status for c in StatusChange.objects.for_object(complaint)]
        assert trail == ["received", "verified", "forwarded", "followed_up", "resolved"]
        assert complaint.satisfaction == "satisfied"

    @pytest.mark.parametrize(
        ("src", "dst"),
        [
            (s, d)
            for s in Status.values
            for d in Status.values
            if not COMPLAINT_WORKFLOW.can(s, d)
        ],
    )
    def test_refused_transitions(self, src, dst):
        with pytest.raises(TransitionNotAllowed):
            COMPLAINT_WORKFLOW.check(src, dst)

    def test_table_allows_exactly(self):
        allowed = {
            (s, d)
            for s in Status.values
            for d in Status.values
            if COMPLAINT_WORKFLOW.can(s, d)
        }
        assert allowed == {
            ("received", "verified"),
            ("received", "rejected"),
            ("received", "converted"),
            ("verified", "forwarded"),
            ("verified", "converted"),
            ("forwarded", "followed_up"),
            ("followed_up", "resolved"),
            ("followed_up", "forwarded"),
            ("resolved", "forwarded"),
        }

    def test_services_refuse_wrong_order(self, submit, lead):
        complaint = submit().complaint
        with pytest.raises(TransitionNotAllowed):
            services.complaint_forward(complaint=complaint, actor=lead)
        with pytest.raises(TransitionNotAllowed):
            services.complaint_follow_up(complaint=complaint, actor=lead, text="x")
        with pytest.raises(TransitionNotAllowed):
            services.complaint_resolve(complaint=complaint, actor=lead)
        with pytest.raises(TransitionNotAllowed):
            services.complaint_reopen(complaint=complaint, actor=lead, reason="x")
        services.complaint_verify(complaint=complaint, actor=lead)
        with pytest.raises(TransitionNotAllowed):
            services.complaint_verify(complaint=complaint, actor=lead)
        with pytest.raises(TransitionNotAllowed):
            services.complaint_reject(
                complaint=complaint, actor=lead, reason="not_a_complaint", note="x"
            )

    def test_reject_needs_reason_note_and_where_it_belongs(self, submit, lead):
        complaint = submit().complaint
        with pytest.raises(ValidationError) as error:
            services.complaint_reject(
                complaint=complaint, actor=lead, reason="out_of_authority", note=""
            )
        assert set(error.value.message_dict) == {"note", "belongs_to"}
        rejected = services.complaint_reject(
            complaint=complaint,
            actor=lead,
            reason="out_of_authority",
            note="Jalan nasional.",
            belongs_to="BBPJN Kalimantan Timur",
        )
        assert rejected.status == Status.REJECTED
        assert rejected.due_date is None

    def test_forward_without_unit_refused(self, submit, lead, units):
        complaint = submit(unit=None).complaint
        services.complaint_verify(complaint=complaint, actor=lead)
        with pytest.raises(ValidationError):
            services.complaint_forward(complaint=complaint, actor=lead)
        forwarded = services.complaint_forward(
            complaint=complaint, actor=lead, unit=units["bpbd"]
        )
        assert forwarded.unit == units["bpbd"]

    def test_follow_up_sent_back_to_unit(self, submit, lead):
        complaint = advance(
            submit().complaint, lead, Status.FOLLOWED_UP, at(2026, 3, 17)
        )
        back = services.complaint_forward(
            complaint=complaint, actor=lead, note="Lengkapi bukti.", now=at(2026, 3, 25)
        )
        assert back.status == Status.FORWARDED
        assert back.follow_up_due == dt.date(2026, 4, 1)

    def test_reopen_once_within_window(self, submit, lead):
        complaint = advance(submit().complaint, lead, Status.RESOLVED, at(2026, 4, 6))
        reopened = services.complaint_reopen(
            complaint=complaint, actor=lead, reason="Masih antre.", now=at(2026, 4, 8)
        )
        assert reopened.status == Status.FORWARDED
        assert reopened.reopen_count == 1
        assert reopened.satisfaction == "not_satisfied"
        again = advance(reopened, lead, Status.RESOLVED, at(2026, 4, 9))
        assert again.status == Status.RESOLVED
        with pytest.raises(ApplicationError) as error:
            services.complaint_reopen(complaint=again, actor=lead, reason="Lagi.")
        assert error.value.code == "reopened_already"

    def test_reopen_refused_after_window(self, submit, lead):
        settings_row = ComplaintSettings.load()
        settings_row.reopen_window_days = 3
        settings_row.save()
        complaint = advance(submit().complaint, lead, Status.RESOLVED, at(2026, 4, 6))
        # Resolved Mon 6 April: window ends Thu 9 April.
        with pytest.raises(ApplicationError, match="2026-04-09"):
            services.complaint_reopen(
                complaint=complaint, actor=lead, reason="x", now=at(2026, 4, 10)
            )

    def test_lapor_data_and_manual_status_history(self, submit, desk):
        complaint = submit().complaint
        services.complaint_record_lapor(
            complaint=complaint,
            actor=desk,
            tracking_id="LAPOR-1234567",
            url="https://www.lapor.go.id/laporan/detil/1234567",
            forwarded_to_lapor=True,
            lapor_status="Diverifikasi",
        )
        services.complaint_record_lapor(
            complaint=complaint,
            actor=desk,
            tracking_id="LAPOR-1234567",
            forwarded_to_lapor=True,
            lapor_status="Diverifikasi",
        )
        complaint.refresh_from_db()
        assert complaint.forwarded_to_lapor
        assert complaint.lapor_status == "Diverifikasi"
        assert complaint.lapor_updates.count() == 1
        assert complaint.status == Status.RECEIVED


class TestPermissionsInServices:
    def test_unit_officer_cannot_verify_or_forward(self, submit, unit_officer):
        complaint = submit().complaint
        with pytest.raises(PermissionDenied):
            services.complaint_verify(complaint=complaint, actor=unit_officer)

    def test_unit_officer_follows_up_own_unit_only(
        self, submit, lead, unit_officer, units
    ):
        own = advance(submit().complaint, lead, Status.FORWARDED, at(2026, 3, 17))
        services.complaint_follow_up(complaint=own, actor=unit_officer, text="Beres.")
        other = advance(
            submit(unit=units["bpbd"]).complaint,
            lead,
            Status.FORWARDED,
            at(2026, 3, 17),
        )
        with pytest.raises(PermissionDenied):
            services.complaint_follow_up(
                complaint=other, actor=unit_officer, text="Beres."
            )

    def test_desk_records_but_does_not_verify(self, submit, desk):
        complaint = submit(actor=desk, channel="walk_in").complaint
        assert complaint.recorded_by == desk
        with pytest.raises(PermissionDenied):
            services.complaint_verify(complaint=complaint, actor=desk)


class TestEmailsWithoutIdentity:
    def test_unit_email_has_no_identity(
        self, submit, lead, unit_officer, django_capture_on_commit_callbacks
    ):
        complaint = submit(is_confidential=True).complaint
        services.complaint_verify(complaint=complaint, actor=lead)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.complaint_forward(complaint=complaint, actor=lead)
        unit_mail = [m for m in mail.outbox if unit_officer.email in m.to]
        assert len(unit_mail) == 1
        text = unit_mail[0].subject + unit_mail[0].body
        assert complaint.number in text
        for value in IDENTITY_VALUES:
            assert value not in text

    def test_reminders_to_unit_and_lead(
        self, submit, lead, unit_officer, django_capture_on_commit_callbacks
    ):
        waiting = submit(now=at(2026, 3, 16)).complaint
        forwarded = advance(
            submit(now=at(2026, 5, 11)).complaint,
            lead,
            Status.FORWARDED,
            at(2026, 5, 12),
        )
        with django_capture_on_commit_callbacks(execute=True):
            sent = send_reminders(today=dt.date(2026, 5, 20), kinds=[REMINDER])
        assert sent == 2
        by_recipient = {m.to[0]: m for m in mail.outbox}
        lead_mail = by_recipient[lead.email].body
        assert waiting.number in lead_mail
        assert forwarded.number not in lead_mail
        unit_mail = by_recipient[unit_officer.email].body
        assert forwarded.number in unit_mail
        assert waiting.number not in unit_mail
        for value in IDENTITY_VALUES:
            assert value not in lead_mail + unit_mail

    def test_reminder_command(self, submit, lead, capsys):
        submit(now=at(2026, 3, 16))
        call_command("send_complaint_reminders", "--today", "2026-03-30")
        assert "Complaint reminders sent: 1" in capsys.readouterr().out
