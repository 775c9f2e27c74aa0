"""Filing, each outcome and its effect on the request, the Atasan-only rule,
release tracking, deadlines and the audit trail."""

import datetime as dt
import io

import pytest
import time_machine
from pypdf import PdfReader

from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.core.errors import ApplicationError, TransitionNotAllowed
from apps.core.models import StatusChange
from apps.info_requests.models import Status as RequestStatus
from apps.objections import services
from apps.objections.models import Objection, Status
from apps.objections.selectors import dispute_deadline, public_status
from tests.db_constraints import covers, violates
from tests.info_requests.factories import VALID_NIK
from tests.objections.conftest import at
from tests.objections.factories import ObjectionFactory


def pdf_text(content: bytes) -> str:
    return "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(content)).pages
    )


@pytest.mark.django_db
class TestSubmit:
    def test_number_due_date_audit_and_emails(
        self, refused, file_objection, atasan, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            objection = file_objection(refused, grounds=["a", "e"])
        assert objection.number == "OBJ-2026-00001"
        assert objection.grounds == ["a", "e"]
        assert objection.status == Status.RECEIVED
        assert objection.name == refused.name
        assert objection.email == refused.email
        assert objection.unit == refused.unit
        # Received Mon 16 March: 30 working days skip Nyepi/Idul Fitri, Good Friday
        # and 1 May.
        assert objection.due_date == dt.date(2026, 5, 6)
        assert objection.filing_window_end == dt.date(2026, 5, 5)
        change = StatusChange.objects.for_object(objection).get()
        assert change.to_status == "received"
        recipients = sorted(m.to[0] for m in mail.outbox)
        assert recipients == ["budi@example.com", "sekda@kutim.go.id"]
        receipt = next(m for m in mail.outbox if m.to == ["budi@example.com"])
        name, content, mimetype = receipt.attachments[0]
        assert mimetype == "application/pdf"
        text = pdf_text(content)
        assert objection.number in text
        assert refused.registration_number in text

    def test_uses_body_prefix(self, refused, file_objection):
        from apps.core.models import BodyProfile

        profile = BodyProfile.load()
        profile.objection_number_prefix = "PPID-KUTIM-KEB"
        profile.save()
        assert file_objection(refused).number == "PPID-KUTIM-KEB-2026-00001"

    def test_ground_that_cannot_apply_is_refused(self, refused, file_objection):
        with pytest.raises(ValidationError) as error:
            file_objection(refused, grounds=["f"])
        assert "cannot apply" in str(error.value.message_dict["grounds"])
        assert not Objection.objects.exists()

    def test_unknown_and_empty_grounds(self, refused, file_objection):
        with pytest.raises(ValidationError) as error:
            file_objection(refused, grounds=["z"])
        assert "a to g" in str(error.value.message_dict["grounds"])
        with pytest.raises(ValidationError) as error:
            file_objection(refused, grounds=[])
        assert "grounds" in error.value.message_dict

    def test_window_closed_after_30_working_days(self, refused, file_objection):
        assert file_objection(refused, when=at(2026, 5, 5, 16)).number
        Objection.objects.all().delete()
        with pytest.raises(ValidationError) as error:
            file_objection(refused, when=at(2026, 5, 6, 8))
        message = str(error.value.message_dict["grounds"])
        assert "closed on 2026-05-05" in message
        assert not Objection.objects.exists()

    def test_second_objection_while_one_is_pending(self, refused, file_objection):
        first = file_objection(refused)
        with pytest.raises(ApplicationError) as error:
            file_objection(refused, grounds=["d"])
        assert first.number in str(error.value)

    def test_same_submission_key_returns_the_first(self, refused, file_objection):
        import uuid

        key = uuid.uuid4()
        first = file_objection(refused, submission_key=key)
        assert file_objection(refused, submission_key=key) == first
        assert Objection.objects.count() == 1

    def test_representative_needs_power_of_attorney(self, refused, file_objection):
        with pytest.raises(ValidationError) as error:
            file_objection(refused, representative_name="Sutrisno")
        assert "power_of_attorney" in error.value.message_dict

    def test_reason_required(self, refused, file_objection):
        with pytest.raises(ValidationError) as error:
            file_objection(refused, reason="  ")
        assert "reason" in error.value.message_dict

    def test_ground_b_without_request_needs_identity(self, file_objection, sample_pdf):
        with pytest.raises(ValidationError) as error:
            file_objection(None, grounds=["b"])
        assert {"name", "address", "nik", "email", "identity_document"} <= set(
            error.value.message_dict
        )
        objection = file_objection(
            None,
            grounds=["b"],
            name="Siti Aminah",
            nik=VALID_NIK,
            address="Jl. Pendidikan 4",
            phone="0813 4567 8901",
            identity_document=SimpleUploadedFile("ktp.pdf", sample_pdf),
        )
        assert objection.request is None
        assert objection.phone == "+6281345678901"
        assert objection.identity_document_type == "application/pdf"

    def test_ground_other_than_b_needs_request(self, file_objection):
        with pytest.raises(ValidationError) as error:
            file_objection(None, grounds=["a"])
        assert "registration number" in str(error.value.message_dict["grounds"])


@pytest.fixture
def objection(units):
    """Filed on grounds a and e on 16 March 2026 about a request of Dinas Kesehatan
    (built, not filed: filing is TestSubmit's)."""
    return ObjectionFactory(grounds=("a", "e"), request__unit=units["dinkes"])


def answer(objection, actor, outcome, **kwargs):
    return services.objection_decide(
        objection=objection,
        actor=actor,
        outcome=outcome,
        now=kwargs.pop("now", at(2026, 4, 1, 10)),
        **kwargs,
    )


@pytest.mark.django_db
class TestDecide:
    def test_upheld_reopens_the_request_and_tracks_release(
        self, objection, atasan, utama, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            done = answer(
                objection, atasan, "upheld", release_ordered="Salinan data lengkap"
            )
        assert done.status == Status.RELEASE_ORDERED
        assert done.answer_number == f"{done.number}/TK"
        request = done.request
        request.refresh_from_db()
        assert request.status == RequestStatus.REOPENED
        assert request.closed_at is None
        last = StatusChange.objects.for_object(request).last()
        assert last.to_status == "reopened"
        assert "Salinan data lengkap" in last.text
        text = pdf_text(done.answer_letter.open("rb").read())
        assert "Salinan data lengkap" in text
        assert done.number in text
        subjects = [m.subject for m in mail.outbox]
        assert any(done.number in s for s in subjects)
        assert "utama@kutim.go.id" in [a for m in mail.outbox for a in m.to]

        released = services.objection_release_complete(
            objection=done, actor=utama, now=at(2026, 4, 6, 10)
        )
        assert released.status == Status.RELEASED
        request.refresh_from_db()
        assert request.status == RequestStatus.DECIDED
        assert request.closed_at is not None

    def test_upheld_in_part_reopens_too(self, objection, atasan):
        done = answer(
            objection,
            atasan,
            "upheld_in_part",
            release_ordered="Rekap tanpa nama",
            reasons="Nama pasien tetap dikecualikan.",
        )
        assert done.status == Status.RELEASE_ORDERED
        done.request.refresh_from_db()
        assert done.request.status == RequestStatus.REOPENED

    def test_upheld_needs_what_to_release(self, objection, atasan):
        with pytest.raises(ValidationError) as error:
            answer(objection, atasan, "upheld")
        assert "release_ordered" in error.value.message_dict

    def test_affirmed_needs_written_reasons(self, objection, atasan):
        with pytest.raises(ValidationError) as error:
            answer(objection, atasan, "affirmed")
        assert "reasons" in error.value.message_dict
        done = answer(objection, atasan, "affirmed", reasons="Uji konsekuensi tepat.")
        assert done.status == Status.ANSWERED
        done.request.refresh_from_db()
        assert done.request.status == RequestStatus.DECIDED
        assert "Uji konsekuensi tepat." in pdf_text(
            done.answer_letter.open("rb").read()
        )

    def test_settled_only_without_ground_a(self, objection, atasan):
        with pytest.raises(ApplicationError) as error:
            answer(objection, atasan, "settled", reasons="Sepakat.")
        assert error.value.code == "not_settleable"
        settleable = ObjectionFactory(grounds=("d", "e"))
        done = answer(settleable, atasan, "settled", reasons="Disepakati bersama.")
        assert done.status == Status.ANSWERED
        assert done.outcome == "settled"

    def test_withdrawn_has_no_letter(self, objection, atasan):
        done = answer(objection, atasan, "withdrawn")
        assert done.status == Status.WITHDRAWN
        assert not done.answer_letter
        assert dispute_deadline(done, today=dt.date(2026, 4, 2)) is None

    def test_only_the_atasan_decides(self, objection, utama, pelaksana):
        for officer in (utama, pelaksana, None):
            with pytest.raises(PermissionDenied):
                answer(objection, officer, "affirmed", reasons="x")
        objection.refresh_from_db()
        assert objection.status == Status.RECEIVED

    def test_cannot_decide_twice(self, objection, atasan):
        answer(objection, atasan, "affirmed", reasons="Tepat.")
        with pytest.raises(TransitionNotAllowed):
            answer(objection, atasan, "upheld", release_ordered="x")

    def test_release_only_after_an_order(self, objection, utama):
        with pytest.raises(TransitionNotAllowed):
            services.objection_release_complete(objection=objection, actor=utama)

    def test_unknown_outcome(self, objection, atasan):
        with pytest.raises(ValidationError):
            answer(objection, atasan, "maybe")


@pytest.mark.django_db
class TestDisputeWindow:
    def test_after_the_answer(self, objection, atasan):
        done = answer(
            objection, atasan, "affirmed", reasons="Tepat.", now=at(2026, 3, 16, 14)
        )
        # 14 working days after Mon 16 March 2026, skipping 18-24 March and 3 April.
        assert dispute_deadline(done, today=dt.date(2026, 3, 17)) == dt.date(
            2026, 4, 13
        )
        status = public_status(done, today=dt.date(2026, 4, 13))
        assert status["dispute_open"] is True
        assert public_status(done, today=dt.date(2026, 4, 14))["dispute_open"] is False

    def test_when_the_answer_is_overdue(self, objection):
        assert objection.due_date == dt.date(2026, 5, 6)
        assert dispute_deadline(objection, today=dt.date(2026, 5, 6)) is None
        # 14 working days after 6 May: Ascension (14-15 May), Idul Adha (27, 29 May)
        # and Pancasila Day (1 June) are skipped.
        assert dispute_deadline(objection, today=dt.date(2026, 5, 7)) == dt.date(
            2026, 6, 2
        )

    @time_machine.travel(dt.datetime(2027, 1, 4, 9, tzinfo=dt.UTC), tick=False)
    def test_christmas_week(self, make_request, decide, file_objection, atasan):
        request = make_request(received_at=at(2026, 11, 30))
        decide(request, "refused_exempt", when=at(2026, 12, 14, 10))
        objection = file_objection(request, grounds=["a"], when=at(2026, 12, 18, 10))
        assert objection.filing_window_end == dt.date(2027, 1, 29)
        assert objection.due_date == dt.date(2027, 2, 4)
        done = answer(
            objection, atasan, "affirmed", reasons="Tepat.", now=at(2026, 12, 21, 10)
        )
        assert dispute_deadline(done) == dt.date(2027, 1, 14)


@pytest.mark.django_db
def test_calendar_change_recounts_open_due_dates(objection):
    from apps.core.models import NonWorkingDay

    NonWorkingDay.objects.create(
        date=dt.date(2026, 4, 15), name="Libur daerah", kind=NonWorkingDay.Kind.CLOSED
    )
    assert services.objections_recompute_deadlines(reason="test") == 1
    objection.refresh_from_db()
    assert objection.due_date == dt.date(2026, 5, 7)
    note = StatusChange.objects.for_object(objection).last().text
    assert "2026-05-06" in note
    assert "2026-05-07" in note


@pytest.mark.django_db
@covers("objection_language_valid")
def test_the_objectors_language_is_constrained_in_the_database(refused, file_objection):
    objection = file_objection(refused)
    assert objection.language == "en"  # filed on the web while English was active
    with violates("objection_language_valid"):
        Objection.objects.filter(pk=objection.pk).update(language="fr")
