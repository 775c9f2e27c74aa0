"""The one notification pipeline (apps.core.notify): who hears of each notice, in
their own language, rendered in the worker; a Delivery row per message, with its
status; a failure recorded, retried, and given up after NOTIFY_MAX_ATTEMPTS."""

import datetime as dt
import io
import smtplib

import pytest
import time_machine

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone, translation

from apps.accounts.roles import Role
from apps.complaints import services as complaint_services
from apps.complaints.notifications import FORWARDED
from apps.complaints.notifications import STATUS_CHANGED as COMPLAINT_STATUS
from apps.core import notify
from apps.core.models import Delivery, DeliveryStatus, RecipientKind
from apps.core.tasks import send_reminders
from apps.info_requests.notifications import RECEIVED, REMINDER
from apps.info_requests.services import information_request_submit
from tests.info_requests.factories import VALID_NIK

pytestmark = pytest.mark.django_db

APPLICANT_EMAIL = "budi@example.com"
RECEIVED_AT = timezone.make_aware(dt.datetime(2026, 3, 2, 9))


def submit(**overrides):
    data = {
        "applicant_type": "individual",
        "name": "Budi Santoso",
        "nik": VALID_NIK,
        "address": "Jl. Yos Sudarso No. 1, Sangatta",
        "phone": "0812 3456 7890",
        "email": APPLICANT_EMAIL,
        "information_requested": "Data kasus DBD per kelurahan 2025",
        "purpose": "Penelitian",
        "access_method": "view",
        "received_at": RECEIVED_AT,
        **overrides,
    }
    return information_request_submit(**data)


class FlakyBackend(EmailBackend):
    """The mail server refuses the first `failures` messages, quoting the address
    (as real servers do)."""

    failures = 1

    def send_messages(self, messages):
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            address = messages[0].to[0]
            raise smtplib.SMTPRecipientsRefused(
                {address: (451, f"4.7.1 {address}: try again later".encode())}
            )
        return super().send_messages(messages)


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = "tests.core.test_notify.FlakyBackend"
    FlakyBackend.failures = 1
    yield FlakyBackend
    FlakyBackend.failures = 0


def test_the_applicant_hears_of_the_receipt_and_each_send_is_recorded(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        request = submit()
    (message,) = mail.outbox
    assert message.to == [APPLICANT_EMAIL]
    assert request.registration_number in message.subject
    assert message.attachments[0][2] == "application/pdf"
    delivery = Delivery.objects.get()
    assert delivery.notice == RECEIVED
    assert delivery.case == request
    assert delivery.event.to_status == "received"
    assert delivery.recipient_kind == RecipientKind.APPLICANT
    assert delivery.channel == "email"
    assert delivery.status == DeliveryStatus.SENT
    assert delivery.attempts == 1
    assert delivery.sent_at is not None
    assert delivery.provider_id == message.extra_headers["Message-ID"]
    assert delivery.address_masked == "b***@example.com"
    # The address itself is stored nowhere on the row.
    row = Delivery.objects.filter(pk=delivery.pk).values().get()
    assert not [v for v in row.values() if APPLICANT_EMAIL in str(v)]


def test_announcing_queues_ids_and_the_worker_renders_in_the_applicants_language(
    monkeypatch, django_capture_on_commit_callbacks
):
    queued = []

    class Recorder:
        def enqueue(self, **kwargs):
            queued.append(kwargs)

    monkeypatch.setattr("apps.core.tasks.send_notices", Recorder())
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        request = submit()  # from the English site: the applicant reads English
    assert request.language == "en"
    (payload,) = queued
    # Only names and ids travel to the worker: nothing is rendered in the request.
    assert set(payload) == {"notices", "content_type_id", "object_id", "event_id"}
    assert payload["notices"] == [RECEIVED]
    assert mail.outbox == []
    assert not Delivery.objects.exists()
    with translation.override("id"):  # the worker's own language does not matter
        assert notify.send_notices(**payload) == 1
    (message,) = mail.outbox
    assert message.subject.startswith("Receipt of your information request")
    assert "has received your information request" in message.body
    assert Delivery.objects.get().language == "en"


def test_officers_hear_by_the_one_rule_in_indonesian(officer, units):
    """The request reminder goes to the unit's PPID Pelaksana and, when overdue,
    to the PPID Utama; in Indonesian whatever language is active."""
    from apps.info_requests.services import information_request_assign

    utama = officer(Role.PPID_UTAMA, email="utama@kutim.go.id")
    officer(Role.PPID_PELAKSANA, units=[units["dinkes"]], email="dinkes@kutim.go.id")
    officer(Role.PPID_PELAKSANA, units=[units["bpbd"]], email="bpbd@kutim.go.id")
    request = submit()
    information_request_assign(info_request=request, unit=units["rsud"], actor=utama)
    with translation.override("en"):
        sent = send_reminders.call(today="2026-03-20", kinds=[REMINDER])
    assert sent == 2
    by_recipient = {m.to[0]: m for m in mail.outbox}
    # RSUD lies under Dinkes: its PPID hears; BPBD's does not.
    assert set(by_recipient) == {"utama@kutim.go.id", "dinkes@kutim.go.id"}
    for message in by_recipient.values():
        assert message.subject.startswith("Permohonan informasi: 1 lewat tenggat")
        assert request.registration_number in message.body
    deliveries = Delivery.objects.filter(notice=REMINDER)
    assert deliveries.count() == 2
    assert {d.recipient_kind for d in deliveries} == {RecipientKind.OFFICER}
    assert {d.reminder_date for d in deliveries} == {dt.date(2026, 3, 20)}
    assert {d.address_masked for d in deliveries} == {
        "u***@kutim.go.id",
        "d***@kutim.go.id",
    }


def test_a_complaint_forwarded_reaches_the_unit_and_the_reporter(
    officer, units, django_capture_on_commit_callbacks
):
    lead = officer(Role.PPID_UTAMA, email="utama@kutim.go.id")
    officer(Role.PPID_PELAKSANA, units=[units["dinkes"]], email="dinkes@kutim.go.id")
    officer(Role.PPID_PELAKSANA, units=[units["bpbd"]], email="bpbd@kutim.go.id")
    with django_capture_on_commit_callbacks(execute=True):
        complaint = complaint_services.complaint_submit(
            title="Antrean panjang",
            description="Antrean di loket RSUD sangat panjang.",
            reporter_name="Sari",
            reporter_email="sari@warga.example",
            unit=units["rsud"],
        ).complaint
        complaint_services.complaint_verify(complaint=complaint, actor=lead)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        complaint_services.complaint_forward(complaint=complaint, actor=lead)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "dinkes@kutim.go.id",
        "sari@warga.example",
    ]
    unit_mail = next(m for m in mail.outbox if m.to == ["dinkes@kutim.go.id"])
    assert "Sari" not in unit_mail.body  # never the reporter's identity
    notices = dict(
        Delivery.objects.filter(event__to_status="forwarded").values_list(
            "notice", "recipient_kind"
        )
    )
    assert notices == {
        FORWARDED: RecipientKind.OFFICER,
        COMPLAINT_STATUS: RecipientKind.APPLICANT,
    }


def test_an_anonymous_reporter_is_never_mailed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = complaint_services.complaint_submit(
            title="Pungutan liar",
            description="Ada pungutan di loket.",
            is_anonymous=True,
        )
    assert result.complaint.is_anonymous
    assert mail.outbox == []
    assert not Delivery.objects.exists()


def test_a_failure_is_recorded_without_the_address_and_retried(
    flaky, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFY_RETRY_SECONDS = 60
    with time_machine.travel(RECEIVED_AT, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            submit()
        delivery = Delivery.objects.get()
        assert delivery.status == DeliveryStatus.FAILED
        assert delivery.attempts == 1
        assert "SMTPRecipientsRefused" in delivery.error
        assert APPLICANT_EMAIL not in delivery.error
        assert "b***@example.com" in delivery.error
        assert delivery.next_attempt_at == RECEIVED_AT + dt.timedelta(seconds=60)
        assert mail.outbox == []
        # Not before its pause is over.
        assert notify.retry_deliveries() == 0
    with time_machine.travel(RECEIVED_AT + dt.timedelta(minutes=2), tick=False):
        call_command("retry_deliveries", stdout=(out := io.StringIO()))
    assert "Deliveries sent again: 1" in out.getvalue()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT
    assert delivery.attempts == 2
    assert delivery.error == ""
    assert delivery.next_attempt_at is None
    (message,) = mail.outbox  # rendered again, attachment and all
    assert message.to == [APPLICANT_EMAIL]
    assert message.attachments
    assert Delivery.objects.count() == 1  # the same row, not a second message


def test_a_delivery_gives_up_after_the_last_attempt(
    flaky, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFY_MAX_ATTEMPTS = 2
    settings.NOTIFY_RETRY_SECONDS = 0
    flaky.failures = 5
    with django_capture_on_commit_callbacks(execute=True):
        submit()
    assert notify.retry_deliveries() == 0
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.GAVE_UP
    assert delivery.attempts == 2
    assert delivery.next_attempt_at is None
    assert notify.retry_deliveries() == 0  # never again
    assert Delivery.objects.get().attempts == 2


def test_the_delivery_list_is_scoped_like_its_case(
    client, officer, units, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = submit(unit=units["rsud"])
    delivery = Delivery.objects.get()
    url = "/admin/core/delivery/"
    client.force_login(officer(Role.PPID_PELAKSANA, units=[units["dinkes"]]))
    assert client.get(url).context["cl"].result_count == 1
    page = client.get(f"{url}{delivery.pk}/change/").content.decode()
    assert "b***@example.com" in page
    assert APPLICANT_EMAIL not in page
    assert delivery.address_hash not in page
    client.force_login(officer(Role.PPID_PELAKSANA, units=[units["bpbd"]]))
    assert client.get(url).context["cl"].result_count == 0
    assert client.get(f"{url}{delivery.pk}/change/").status_code == 302
    client.force_login(officer(Role.PPID_UTAMA))
    assert client.get(url).context["cl"].result_count == 1
    assert delivery.case == request
