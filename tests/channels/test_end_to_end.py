"""A message in each provider's format reaches the inbox, becomes an information
request, and the applicant's status updates go back out on the same channel."""

import io

import pytest

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from apps.accounts.roles import Role
from apps.channels.models import Conversation
from apps.core.models import Delivery
from apps.info_requests.models import InformationRequest
from apps.info_requests.services import information_request_assign
from tests.channels import payloads as p
from tests.channels.test_email import rfc822

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/channels/conversation/"


@pytest.fixture
def desk(officer):
    return officer(Role.PETUGAS_LAYANAN, username="petugas")


@pytest.fixture
def lead(officer):
    return officer(Role.PPID_UTAMA, username="utama")


def convert(client, desk, conversation, capture, **overrides):
    client.force_login(desk)
    form = client.get(f"{CHANGELIST}{conversation.pk}/convert/request/").context["form"]
    received = timezone.localtime(form.initial["received_at"])
    data = {
        "channel": form.initial["channel"],
        "received_at_0": received.strftime("%Y-%m-%d"),
        "received_at_1": received.strftime("%H:%M:%S"),
        "applicant_type": "individual",
        "name": form.initial["name"] or "Pemohon",
        "nik": "6408011203850001",
        "address": "Jl. Yos Sudarso, Sangatta",
        "phone": form.initial["phone"],
        "email": form.initial["email"],
        "information_requested": form.initial["information_requested"],
        "purpose": "Penelitian",
        "access_method": "view",
        **overrides,
    }
    with capture(execute=True):
        response = client.post(f"{CHANGELIST}{conversation.pk}/convert/request/", data)
    assert response.status_code == 302, response.context["form"].errors
    conversation.refresh_from_db()
    assert conversation.status == "converted"
    return conversation.information_request


def advance(request, lead, units, capture):
    with capture(execute=True):
        information_request_assign(
            info_request=request, unit=units["dinkes"], actor=lead
        )


def test_whatsapp(
    post_meta, client, desk, lead, units, provider, django_capture_on_commit_callbacks
):
    post_meta("whatsapp", p.whatsapp([p.wa_text(ts=1767225600)]))
    conversation = Conversation.objects.get()
    request = convert(client, desk, conversation, django_capture_on_commit_callbacks)
    assert request.channel == "whatsapp"
    assert request.received_at == conversation.first_message_at
    assert request.phone == "+6281254001234"
    advance(request, lead, units, django_capture_on_commit_callbacks)
    bodies = [call["json"]["text"]["body"] for call in provider.sent("/messages")]
    assert len(bodies) == 2
    assert all(request.registration_number in body for body in bodies)
    assert "/permohonan/status/" in bodies[-1]
    assert "Diproses" in bodies[-1] or "In process" in bodies[-1]
    assert {call["json"]["to"] for call in provider.sent("/messages")} == {
        "6281254001234"
    }
    # Each notice is a delivery of the one pipeline, with the provider's id.
    deliveries = Delivery.objects.filter(channel="whatsapp").order_by("pk")
    assert [d.notice for d in deliveries] == [
        "request.received",
        "request.status_changed",
    ]
    assert {d.status for d in deliveries} == {"sent"}
    assert all(d.provider_id.startswith("wamid.") for d in deliveries)
    assert {d.address_masked for d in deliveries} == {"628*******234"}


def test_instagram(
    post_meta, client, desk, lead, units, provider, django_capture_on_commit_callbacks
):
    post_meta("instagram", p.messaging("instagram", [p.msg_event(text="Minta data")]))
    conversation = Conversation.objects.get()
    request = convert(
        client,
        desk,
        conversation,
        django_capture_on_commit_callbacks,
        phone="081254007777",
    )
    assert request.channel == "instagram"
    advance(request, lead, units, django_capture_on_commit_callbacks)
    calls = provider.sent("/me/messages")
    assert len(calls) == 2
    assert calls[-1]["json"]["recipient"] == {"id": "6543210987"}
    assert request.registration_number in calls[-1]["json"]["message"]["text"]


def test_telegram(
    post_telegram,
    client,
    desk,
    lead,
    units,
    provider,
    django_capture_on_commit_callbacks,
):
    post_telegram(p.telegram(text="Mohon info dana desa"))
    conversation = Conversation.objects.get()
    request = convert(
        client,
        desk,
        conversation,
        django_capture_on_commit_callbacks,
        phone="081254007777",
    )
    assert request.channel == "telegram"
    assert request.information_requested == "Mohon info dana desa"
    advance(request, lead, units, django_capture_on_commit_callbacks)
    calls = provider.sent("/sendMessage")
    assert len(calls) == 2
    assert calls[-1]["json"]["chat_id"] == "555001"
    assert request.registration_number in calls[-1]["json"]["text"]
    assert (
        conversation.messages.filter(direction="out", delivery_status="sent").count()
        == 2
    )


def test_email(client, desk, lead, units, provider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("receive_email", stdin=io.BytesIO(rfc822()), stdout=io.StringIO())
    conversation = Conversation.objects.get()
    # The applicant gave no e-mail on the request: the inbox answers in the thread.
    request = convert(
        client,
        desk,
        conversation,
        django_capture_on_commit_callbacks,
        email="",
        phone="081254007777",
    )
    assert request.channel == "email"
    mail.outbox.clear()
    advance(request, lead, units, django_capture_on_commit_callbacks)
    (notice,) = mail.outbox
    assert notice.to == ["rina@warga.example"]
    assert notice.extra_headers["In-Reply-To"] == "<m1@warga.example>"
    assert request.registration_number in notice.body


def test_email_case_that_mails_the_same_address_is_not_told_twice(
    client, desk, lead, units, provider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("receive_email", stdin=io.BytesIO(rfc822()), stdout=io.StringIO())
    conversation = Conversation.objects.get()
    request = convert(client, desk, conversation, django_capture_on_commit_callbacks)
    assert request.email == "rina@warga.example"
    mail.outbox.clear()
    advance(request, lead, units, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["rina@warga.example"]]
    assert not conversation.messages.filter(direction="out").exists()


def test_internal_changes_are_not_told(
    post_meta, client, desk, provider, django_capture_on_commit_callbacks
):
    from apps.core.workflow import record_transition

    post_meta("whatsapp", p.whatsapp([p.wa_text()]))
    conversation = Conversation.objects.get()
    request = convert(client, desk, conversation, django_capture_on_commit_callbacks)
    before = len(provider.sent("/messages"))
    with django_capture_on_commit_callbacks(execute=True):
        record_transition(
            request,
            from_status="received",
            to_status="received",
            note="x",
            is_public=False,
        )
    assert len(provider.sent("/messages")) == before
    assert InformationRequest.objects.count() == 1


def test_a_calendar_correction_is_not_told_on_the_channel(
    post_meta, client, desk, provider, django_capture_on_commit_callbacks
):
    """A recounted due date is an event, not a transition: the e-mail applicant
    hears nothing of it, and so neither does the WhatsApp one."""
    import datetime as dt

    from apps.core.models import NonWorkingDay, StatusChange
    from apps.core.workdays import Calendar

    post_meta("whatsapp", p.whatsapp([p.wa_text(ts=1767225600)]))
    conversation = Conversation.objects.get()
    request = convert(client, desk, conversation, django_capture_on_commit_callbacks)
    before = len(provider.sent("/messages"))
    closed = request.due_date - dt.timedelta(days=1)
    while not Calendar().is_working_day(closed):
        closed -= dt.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        NonWorkingDay.objects.create(date=closed, name="Libur daerah")
    old_due = request.due_date
    request.refresh_from_db()
    assert request.due_date > old_due
    assert StatusChange.objects.for_object(request).last().kind == "due_date"
    assert len(provider.sent("/messages")) == before
