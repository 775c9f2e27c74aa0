"""Every transition of a request, allowed and refused, with deadlines on real dates."""

import datetime as dt
import threading

import pytest

from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection

from apps.core.errors import ApplicationError, TransitionNotAllowed
from apps.core.models import BodyProfile, NonWorkingDay, StatusChange
from apps.info_requests import services
from apps.info_requests.models import InformationRequest, Status
from tests.info_requests.conftest import at


@pytest.mark.django_db
class TestSubmit:
    def test_number_due_date_audit_and_receipt_mail(
        self, submit, django_capture_on_commit_callbacks
    ):
        profile = BodyProfile.load()
        profile.request_number_prefix = "PPID-KUTIM"
        profile.save()
        with django_capture_on_commit_callbacks(execute=True):
            request = submit()
        assert request.registration_number == "PPID-KUTIM-2026-00001"
        assert request.status == Status.RECEIVED
        # Mon 2 March 2026 + 10 working days; Nyepi/Idul Fitri closures start 18 March.
        assert request.due_date == dt.date(2026, 3, 16)
        assert request.phone == "+6281234567890"
        change = StatusChange.objects.for_object(request).get()
        assert (change.from_status, change.to_status) == ("", "received")
        assert change.created_at == request.received_at
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["budi@example.com"]
        assert "PPID-KUTIM-2026-00001" in message.subject
        assert message.attachments[0][0] == "tanda-bukti-PPID-KUTIM-2026-00001.pdf"
        assert message.attachments[0][1].startswith(b"%PDF")

    def test_after_hours_receipt_counts_from_next_working_day(self, submit):
        # Friday 20:00 WITA and Saturday both count from Monday 6 July (day 1).
        friday_evening = submit(received_at=at(2026, 7, 3, 20))
        saturday = submit(received_at=at(2026, 7, 4, 10))
        monday = submit(received_at=at(2026, 7, 6, 7, 30))
        assert friday_evening.due_date == dt.date(2026, 7, 17)
        assert saturday.due_date == dt.date(2026, 7, 17)
        assert monday.due_date == dt.date(2026, 7, 20)

    def test_idul_fitri_2026(self, submit):
        assert submit(received_at=at(2026, 3, 16)).due_date == dt.date(2026, 4, 7)

    def test_same_submission_key_creates_one_request(self, submit):
        import uuid

        key = uuid.uuid4()
        first = submit(submission_key=key)
        second = submit(submission_key=key)
        assert first.pk == second.pk
        assert InformationRequest.objects.count() == 1

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"nik": ""}, "nik"),
            ({"nik": "1234567890123456"}, "nik"),
            ({"phone": "", "email": ""}, "email"),
            ({"phone": "abc"}, "phone"),
            ({"copy_format": ""}, "copy_format"),
            ({"delivery_method": ""}, "delivery_method"),
            ({"applicant_type": "legal_entity", "nik": ""}, "legal_entity_decree"),
            ({"applicant_type": "community_group"}, "representative_name"),
            ({"received_at": at(2099, 1, 1)}, "received_at"),
            ({"channel": "pigeon"}, "channel"),
        ],
    )
    def test_bad_input_is_refused_and_nothing_is_written(
        self, submit, overrides, field
    ):
        with pytest.raises(ValidationError) as info:
            submit(**overrides)
        assert field in info.value.message_dict
        assert InformationRequest.objects.count() == 0
        assert StatusChange.objects.count() == 0

    def test_view_access_needs_no_copy_fields(self, submit):
        request = submit(access_method="view", copy_format="", delivery_method="")
        assert request.copy_format == ""

    def test_identity_scan_is_encrypted_and_type_checked(
        self, submit, sample_pdf, settings
    ):
        from django.core.files.uploadedfile import SimpleUploadedFile

        request = submit(identity_document=SimpleUploadedFile("ktp.pdf", sample_pdf))
        assert request.identity_document_type == "application/pdf"
        stored = (
            settings.PRIVATE_MEDIA_ROOT / "encrypted" / request.identity_document.name
        )
        assert not stored.read_bytes().startswith(b"%PDF")
        with request.identity_document.open() as handle:
            assert handle.read() == sample_pdf
        with pytest.raises(ValidationError) as info:
            submit(identity_document=SimpleUploadedFile("ktp.pdf", b"MZ not a pdf"))
        assert "identity_document" in info.value.message_dict


@pytest.mark.django_db
class TestTransitions:
    def test_assign_then_extend_then_decide(
        self, submit, utama, units, django_capture_on_commit_callbacks
    ):
        request = submit()
        with django_capture_on_commit_callbacks(execute=True):
            services.information_request_assign(
                info_request=request, unit=units["dinkes"], actor=utama
            )
            services.information_request_extend(
                info_request=request,
                actor=utama,
                reason="Data tersebar",
                today=dt.date(2026, 3, 5),
            )
        request.refresh_from_db()
        assert request.status == Status.EXTENDED
        # 7 working days after 16 March 2026; 18-24 March (Nyepi, Idul Fitri) skipped.
        assert request.extended_due_date == dt.date(2026, 4, 1)
        with django_capture_on_commit_callbacks(execute=True):
            notice = services.information_request_decide(
                info_request=request,
                actor=utama,
                control="held",
                decision="granted",
                information_given="Data DBD 2025",
            )
        request.refresh_from_db()
        assert request.status == Status.DECIDED
        assert notice.letter.name.endswith(".pdf")
        trail = list(
            StatusChange.objects.for_object(request).values_list(
                "from_status", "to_status"
            )
        )
        assert trail == [
            ("", "received"),
            ("received", "in_process"),
            ("in_process", "extended"),
            ("extended", "decided"),
        ]
        subjects = [m.subject for m in mail.outbox]
        assert any("Diperpanjang" in s or "Extended" in s for s in subjects)
        assert mail.outbox[-1].attachments[0][0].startswith("pemberitahuan-tertulis")

    def test_extension_only_once(self, submit, utama, units):
        request = submit()
        services.information_request_assign(
            info_request=request, unit=units["dinkes"], actor=utama
        )
        services.information_request_extend(
            info_request=request, actor=utama, reason="x", today=dt.date(2026, 3, 3)
        )
        with pytest.raises((ApplicationError, TransitionNotAllowed)):
            services.information_request_extend(
                info_request=request,
                actor=utama,
                reason="lagi",
                today=dt.date(2026, 3, 3),
            )

    def test_extension_refused_after_due_date(self, submit, utama, units):
        request = submit()
        services.information_request_assign(
            info_request=request, unit=units["dinkes"], actor=utama
        )
        with pytest.raises(ApplicationError) as info:
            services.information_request_extend(
                info_request=request,
                actor=utama,
                reason="terlambat",
                today=dt.date(2026, 3, 17),
            )
        assert info.value.code == "due_date_passed"

    def test_extension_needs_a_reason(self, submit, utama, units):
        request = submit()
        services.information_request_assign(
            info_request=request, unit=units["dinkes"], actor=utama
        )
        with pytest.raises(ValidationError):
            services.information_request_extend(
                info_request=request, actor=utama, reason=" "
            )

    def test_extension_refused_before_routing(self, submit, utama):
        with pytest.raises(TransitionNotAllowed):
            services.information_request_extend(
                info_request=submit(),
                actor=utama,
                reason="x",
                today=dt.date(2026, 3, 3),
            )

    def test_completion_round_trip_keeps_clock_by_default(self, submit, utama, units):
        request = submit()
        services.information_request_assign(
            info_request=request, unit=units["dinkes"], actor=utama
        )
        services.information_request_ask_completion(
            info_request=request, actor=utama, missing="KTP tidak terbaca"
        )
        request.refresh_from_db()
        assert request.status == Status.AWAITING_COMPLETION
        assert request.completion_note == "KTP tidak terbaca"
        services.information_request_complete_requirements(
            info_request=request, actor=utama
        )
        request.refresh_from_db()
        assert request.status == Status.IN_PROCESS
        assert request.due_date == dt.date(2026, 3, 16)

    def test_completion_restart_setting_recounts(self, submit, utama, units, settings):
        settings.REQUEST_COMPLETION_CLOCK = "restart"
        request = submit()
        services.information_request_ask_completion(
            info_request=request, actor=utama, missing="KTP"
        )
        services.information_request_complete_requirements(
            info_request=request, actor=utama, now=at(2026, 3, 10, 8)
        )
        request.refresh_from_db()
        assert request.status == Status.RECEIVED
        # 10 working days after Tue 10 March 2026; 18-24 March are closed.
        assert request.due_date == dt.date(2026, 3, 31)

    def test_ask_completion_needs_text(self, submit, utama):
        with pytest.raises(ValidationError):
            services.information_request_ask_completion(
                info_request=submit(), actor=utama, missing=""
            )

    def test_withdraw_from_every_open_status(self, submit, utama, units):
        for status in [Status.RECEIVED, Status.IN_PROCESS, Status.AWAITING_COMPLETION]:
            request = submit()
            InformationRequest.objects.filter(pk=request.pk).update(status=status)
            services.information_request_withdraw(info_request=request, actor=utama)
            request.refresh_from_db()
            assert request.status == Status.WITHDRAWN
            assert request.closed_at is not None

    @pytest.mark.parametrize("closed", [Status.DECIDED, Status.WITHDRAWN])
    def test_closed_requests_refuse_every_step(self, submit, utama, units, closed):
        request = submit()
        InformationRequest.objects.filter(pk=request.pk).update(status=closed)
        steps = [
            lambda: services.information_request_assign(
                info_request=request, unit=units["dinkes"], actor=utama
            ),
            lambda: services.information_request_ask_completion(
                info_request=request, actor=utama, missing="x"
            ),
            lambda: services.information_request_extend(
                info_request=request, actor=utama, reason="x", today=dt.date(2026, 3, 3)
            ),
            lambda: services.information_request_withdraw(
                info_request=request, actor=utama
            ),
            lambda: services.information_request_decide(
                info_request=request, actor=utama, control="held", decision="granted",
                information_given="x",
            ),
        ]  # fmt: skip
        for step in steps:
            with pytest.raises(TransitionNotAllowed):
                step()

    def test_reassignment_keeps_status_and_is_audited(self, submit, utama, units):
        request = submit()
        services.information_request_assign(
            info_request=request, unit=units["dinkes"], actor=utama
        )
        services.information_request_assign(
            info_request=request, unit=units["bpbd"], actor=utama
        )
        request.refresh_from_db()
        assert (request.status, request.unit) == (Status.IN_PROCESS, units["bpbd"])
        last = StatusChange.objects.for_object(request).last()
        assert last.from_status == last.to_status == "in_process"
        with pytest.raises(ApplicationError):
            services.information_request_assign(
                info_request=request, unit=units["bpbd"], actor=utama
            )

    def test_assignment_is_audited_at_the_time_given(self, submit, utama, units):
        """Cases entered after the fact (the demo, a paper register) keep their
        real times: the audit row of an assignment is at `now`, not at save time."""
        request = submit(received_at=at(2026, 3, 2, 8))
        services.information_request_assign(
            info_request=request,
            unit=units["dinkes"],
            actor=utama,
            now=at(2026, 3, 3, 10),
        )
        services.information_request_assign(
            info_request=request,
            unit=units["bpbd"],
            actor=utama,
            now=at(2026, 3, 4, 11),
        )
        rows = StatusChange.objects.for_object(request).order_by("pk")
        assert [row.created_at for row in rows] == [
            at(2026, 3, 2, 8),
            at(2026, 3, 3, 10),
            at(2026, 3, 4, 11),
        ]


@pytest.mark.django_db
class TestDecisions:
    @pytest.fixture
    def request_in_process(self, submit, utama, units):
        request = submit()
        services.information_request_assign(
            info_request=request, unit=units["dinkes"], actor=utama
        )
        return request

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"decision": "refused"}, "refusal_reason"),
            ({"decision": "refused", "refusal_reason": "exempt"}, "exemption_letters"),
            (
                {
                    "decision": "refused",
                    "refusal_reason": "exempt",
                    "exemption_letters": ["k"],
                },
                "exemption_letters",
            ),
            ({"decision": "forwarded", "control": "not_held"}, "holding_body"),
            ({"decision": "granted", "control": "not_held"}, "decision"),
            ({"decision": "granted"}, "information_given"),
            ({"decision": "granted_in_part", "information_given": "x"}, "redactions"),
            ({"decision": "maybe"}, "decision"),
        ],
    )
    def test_incomplete_notices_are_refused(
        self, request_in_process, utama, kwargs, field
    ):
        data = {"control": "held", **kwargs}
        with pytest.raises(ValidationError) as info:
            services.information_request_decide(
                info_request=request_in_process, actor=utama, **data
            )
        assert field in info.value.message_dict
        request_in_process.refresh_from_db()
        assert request_in_process.status == Status.IN_PROCESS

    def test_refusal_under_pasal_17_letter_pdf(self, request_in_process, utama):
        import io

        from pypdf import PdfReader

        notice = services.information_request_decide(
            info_request=request_in_process,
            actor=utama,
            control="held",
            decision="refused",
            refusal_reason="exempt",
            exemption_letters=["H", "a"],
            exemption_reference="DIK 2025 no. 3",
        )
        assert notice.exemption_letters == ["a", "h"]
        with notice.letter.open("rb") as handle:
            text = "".join(
                p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages
            )
        assert request_in_process.registration_number in text
        assert "a, h" in text

    def test_forwarded(self, request_in_process, utama):
        notice = services.information_request_decide(
            info_request=request_in_process,
            actor=utama,
            control="not_held",
            decision="forwarded",
            holding_body="BPS Kabupaten Kutai Timur",
        )
        assert notice.holding_body == "BPS Kabupaten Kutai Timur"


@pytest.mark.django_db
class TestDocumentsAndDeadlines:
    def test_document_given_with_expiring_link(self, submit, utama, units, sample_pdf):
        from django.core.files.uploadedfile import SimpleUploadedFile

        request = submit()
        document = services.information_request_add_document(
            info_request=request,
            actor=utama,
            upload=SimpleUploadedFile("data-dbd.pdf", sample_pdf),
            now=at(2026, 3, 3),
        )
        assert document.expires_at == at(2026, 4, 2)
        assert document.size == len(sample_pdf)
        with pytest.raises(ValidationError):
            services.information_request_add_document(
                info_request=request,
                actor=utama,
                upload=SimpleUploadedFile("x.exe", b"MZ.."),
            )

    def test_calendar_correction_recomputes_open_due_dates_with_audit(
        self, submit, django_capture_on_commit_callbacks
    ):
        request = submit()
        closed = submit()
        InformationRequest.objects.filter(pk=closed.pk).update(status=Status.WITHDRAWN)
        with django_capture_on_commit_callbacks(execute=True):
            NonWorkingDay.objects.create(date=dt.date(2026, 3, 10), name="Hari Jadi")
        request.refresh_from_db()
        closed.refresh_from_db()
        assert request.due_date == dt.date(2026, 3, 17)
        assert closed.due_date == dt.date(2026, 3, 16)
        note = StatusChange.objects.for_object(request).last().text
        assert "2026-03-16" in note
        assert "2026-03-17" in note
        assert "Hari Jadi" in note

    def test_overdue_and_due_soon_querysets(self, submit):
        request = submit()
        qs = InformationRequest.objects
        assert not qs.overdue(dt.date(2026, 3, 16)).exists()
        assert qs.overdue(dt.date(2026, 3, 17)).get() == request
        assert qs.due_soon(dt.date(2026, 3, 12), dt.date(2026, 3, 16)).get() == request
        assert request.is_overdue(dt.date(2026, 3, 17))


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_web_submissions_get_unique_numbers(postgres_only):
    from apps.info_requests.services import information_request_submit

    numbers, errors = [], []
    barrier = threading.Barrier(20)

    def one(index):
        try:
            barrier.wait(timeout=10)
            request = information_request_submit(
                applicant_type="individual",
                name=f"Pemohon {index}",
                nik="6408011203850001",
                address="Sangatta",
                email=f"p{index}@example.com",
                information_requested="APBD",
                purpose="riset",
                access_method="view",
            )
            numbers.append(request.registration_number)
        except Exception as exc:  # reported by the assertion
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(numbers)) == 20


def test_transition_table_allows_exactly():
    from apps.info_requests.workflow import REQUEST_WORKFLOW

    allowed = {
        (src, dst)
        for src in Status.values
        for dst in Status.values
        if REQUEST_WORKFLOW.can(src, dst)
    }
    assert allowed == {
        ("received", "in_process"),
        ("received", "awaiting_completion"),
        ("received", "decided"),
        ("received", "withdrawn"),
        ("awaiting_completion", "received"),
        ("awaiting_completion", "in_process"),
        ("awaiting_completion", "decided"),
        ("awaiting_completion", "withdrawn"),
        ("in_process", "awaiting_completion"),
        ("in_process", "extended"),
        ("in_process", "decided"),
        ("in_process", "withdrawn"),
        ("extended", "decided"),
        ("extended", "withdrawn"),
        # Release ordered on objection (apps/objections), then decided again.
        ("decided", "reopened"),
        ("reopened", "decided"),
    }
    assert REQUEST_WORKFLOW.terminal == {"withdrawn"}


@pytest.mark.django_db
def test_every_status_change_mails_the_applicant(
    submit, utama, units, django_capture_on_commit_callbacks
):
    request = submit(phone="")
    with django_capture_on_commit_callbacks(execute=True):
        services.information_request_assign(
            info_request=request, unit=units["dinkes"], actor=utama
        )
        services.information_request_ask_completion(
            info_request=request, actor=utama, missing="Salinan KTP buram"
        )
        services.information_request_complete_requirements(
            info_request=request, actor=utama
        )
        services.information_request_withdraw(info_request=request, actor=utama)
    subjects = [m.subject for m in mail.outbox]
    assert len(subjects) == 4
    assert all(request.registration_number in s for s in subjects)
    assert "Salinan KTP buram" in mail.outbox[1].body
    assert all(m.to == ["budi@example.com"] for m in mail.outbox)


@pytest.mark.django_db
def test_no_mail_without_an_address(
    submit, utama, units, django_capture_on_commit_callbacks
):
    request = submit(email="")
    with django_capture_on_commit_callbacks(execute=True):
        services.information_request_assign(
            info_request=request, unit=units["dinkes"], actor=utama
        )
    assert mail.outbox == []
