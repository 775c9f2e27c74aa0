"""A decided request is reopened when the Atasan PPID orders release on objection,
and decided again once the PPID delivered (apps/objections)."""

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.core.errors import ApplicationError, TransitionNotAllowed
from apps.core.models import StatusChange
from apps.info_requests import services
from apps.info_requests.models import Status
from apps.info_requests.workflow import REQUEST_WORKFLOW


def test_table():
    assert REQUEST_WORKFLOW.allowed(Status.DECIDED) == {Status.REOPENED}
    assert REQUEST_WORKFLOW.allowed(Status.REOPENED) == {Status.DECIDED}
    assert Status.REOPENED not in REQUEST_WORKFLOW.allowed(Status.WITHDRAWN)


@pytest.fixture
def decided(submit, utama):
    request = submit()
    services.information_request_decide(
        info_request=request,
        actor=utama,
        control="held",
        decision="refused",
        refusal_reason="exempt",
        exemption_letters=["h"],
    )
    request.refresh_from_db()
    return request


@pytest.mark.django_db
class TestReopen:
    def test_reopen_then_close(self, decided, utama, sample_pdf):
        reopened = services.information_request_reopen(
            info_request=decided, actor=utama, note="Berikan salinan lengkap."
        )
        assert reopened.status == Status.REOPENED
        assert reopened.closed_at is None
        assert not reopened.is_open  # no request deadline runs again
        change = StatusChange.objects.for_object(decided).last()
        assert (change.from_status, change.to_status) == ("decided", "reopened")
        document = services.information_request_add_document(
            info_request=reopened,
            actor=utama,
            upload=SimpleUploadedFile("data.pdf", sample_pdf),
        )
        assert document.pk
        closed = services.information_request_close_reopened(
            info_request=reopened, actor=utama
        )
        assert closed.status == Status.DECIDED
        assert closed.closed_at is not None

    def test_reopen_needs_a_note_and_a_decided_request(self, submit, decided, utama):
        with pytest.raises(ValidationError):
            services.information_request_reopen(
                info_request=decided, actor=utama, note=""
            )
        with pytest.raises(TransitionNotAllowed):
            services.information_request_reopen(
                info_request=submit(), actor=utama, note="x"
            )
        with pytest.raises(TransitionNotAllowed):
            services.information_request_close_reopened(
                info_request=decided, actor=utama
            )

    def test_no_second_written_notice(self, decided, utama):
        reopened = services.information_request_reopen(
            info_request=decided, actor=utama, note="x"
        )
        with pytest.raises(ApplicationError):
            services.information_request_decide(
                info_request=reopened,
                actor=utama,
                control="held",
                decision="granted",
                information_given="x",
            )

    def test_admin_offers_documents_not_a_new_notice(self, client, decided, utama):
        services.information_request_reopen(info_request=decided, actor=utama, note="x")
        client.force_login(utama)
        page = client.get(
            f"/admin/info_requests/informationrequest/{decided.pk}/change/"
        ).content.decode()
        assert "/step/document/" in page
        assert "/step/decide/" not in page
