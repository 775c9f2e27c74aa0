import datetime as dt

import pytest

from django.utils import timezone

from apps.accounts.roles import Role
from apps.channels import services
from apps.channels.adapters import Inbound
from apps.channels.models import Conversation, InboundPayload

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/channels/conversation/"


def receive(
    channel="whatsapp",
    sender="6281254001234",
    mid="wamid.A",
    text="Halo",
    when=None,
    **kw,
):
    message, _created = services.message_receive(
        channel=channel,
        inbound=Inbound(
            provider_message_id=mid,
            sender_id=sender,
            sent_at=when or timezone.now() - dt.timedelta(hours=2),
            text=text,
            **kw,
        ),
    )
    return message.conversation


@pytest.fixture
def desk(officer):
    return officer(Role.PETUGAS_LAYANAN, username="petugas")


def test_inbox_lists_every_channel_newest_first_with_filters(client, desk, provider):
    now = timezone.now()
    for index, channel in enumerate(
        ["whatsapp", "instagram", "facebook", "telegram", "email"]
    ):
        sender = f"s{index}@example.com" if channel == "email" else f"s{index}"
        receive(
            channel,
            sender=sender,
            mid=f"m{index}",
            when=now - dt.timedelta(hours=10 - index),
        )
    client.force_login(desk)
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    rows = list(response.context["cl"].result_list)
    assert [c.channel for c in rows] == [
        "email",
        "telegram",
        "facebook",
        "instagram",
        "whatsapp",
    ]
    filtered = client.get(
        CHANGELIST, {"channel__exact": "telegram", "status__exact": "new"}
    )
    assert [c.channel for c in filtered.context["cl"].result_list] == ["telegram"]


def test_inbox_page_query_count_is_constant(
    client, desk, provider, django_assert_max_num_queries
):
    for index in range(30):
        receive("telegram", sender=str(index), mid=f"{index}:1")
    client.force_login(desk)
    with django_assert_max_num_queries(20):
        response = client.get(CHANGELIST)
    assert len(response.context["cl"].result_list) == 30


def test_inbox_says_which_channels_are_off(client, desk, settings):
    settings.TELEGRAM_BOT_TOKEN = ""
    client.force_login(desk)
    content = client.get(CHANGELIST).content.decode()
    assert "TELEGRAM_BOT_TOKEN" in content


def test_unreadable_payloads_are_pointed_out(client, desk, provider):
    payload = services.payload_store(channel="whatsapp", body=b"{broken")
    services.payload_process(payload=payload)
    client.force_login(desk)
    assert (
        "see it raw" in client.get(CHANGELIST).content.decode()
        or "lihat" in client.get(CHANGELIST).content.decode()
    )
    detail = client.get(f"/admin/channels/inboundpayload/{payload.pk}/change/")
    assert "{broken" in detail.content.decode()


def test_thread_shows_every_message_and_replies_go_out(
    client, desk, provider, django_capture_on_commit_callbacks
):
    conversation = receive(text="Pesan pertama")
    receive(mid="wamid.B", text="Pesan kedua")
    client.force_login(desk)
    page = client.get(f"{CHANGELIST}{conversation.pk}/change/").content.decode()
    assert "Pesan pertama" in page
    assert "Pesan kedua" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{CHANGELIST}{conversation.pk}/reply/", {"text": "Siap"}
        )
    assert response.status_code == 302
    assert provider.sent("/messages")[0]["json"]["text"]["body"] == "Siap"
    assert conversation.messages.filter(
        direction="out", delivery_status="sent"
    ).exists()


def test_close_from_the_inbox(client, desk, provider):
    conversation = receive()
    client.force_login(desk)
    client.post(f"{CHANGELIST}{conversation.pk}/close/", {"note": "Salah kirim"})
    conversation.refresh_from_db()
    assert conversation.status == "closed"
    assert conversation.closed_note == "Salah kirim"


def test_convert_form_is_prefilled_from_the_thread(client, desk, provider):
    first = timezone.now() - dt.timedelta(days=1)
    conversation = receive(text="Minta data stunting", when=first, sender_name="Budi")
    receive(mid="wamid.B", text="Per kecamatan")
    client.force_login(desk)
    response = client.get(f"{CHANGELIST}{conversation.pk}/convert/request/")
    form = response.context["form"]
    assert form.initial["channel"] == "whatsapp"
    assert form.initial["received_at"] == first
    assert form.initial["name"] == "Budi"
    assert form.initial["phone"] == "+6281254001234"
    assert (
        form.initial["information_requested"] == "Minta data stunting\n\nPer kecamatan"
    )


def test_convert_into_a_complaint_keeps_the_link(client, desk, provider, units):
    conversation = receive("instagram", sender="IG1", mid="m_1", text="Jalan rusak")
    client.force_login(desk)
    received = timezone.localtime(conversation.first_message_at)
    response = client.post(
        f"{CHANGELIST}{conversation.pk}/convert/complaint/",
        {
            "channel": "instagram",
            "received_at_0": received.strftime("%Y-%m-%d"),
            "received_at_1": received.strftime("%H:%M:%S"),
            "classification": "complaint",
            "reporter_name": "Andi",
            "reporter_phone": "0812 5400 9999",
            "reporter_email": "",
            "reporter_nik": "",
            "title": "Jalan rusak",
            "description": "Jalan rusak di depan pasar",
            "unit": units["bpbd"].pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    conversation.refresh_from_db()
    assert conversation.status == "converted"
    assert conversation.complaint.channel == "instagram"
    assert conversation.complaint.received_at == conversation.first_message_at.replace(
        microsecond=0
    )


def test_convert_with_missing_legal_fields_keeps_the_values(client, desk, provider):
    conversation = receive()
    client.force_login(desk)
    response = client.post(
        f"{CHANGELIST}{conversation.pk}/convert/request/",
        {"channel": "whatsapp", "name": "Budi", "information_requested": "Data"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "address" in form.errors
    assert "purpose" in form.errors
    assert form["name"].value() == "Budi"
    conversation.refresh_from_db()
    assert conversation.status == "new"


def test_action_opens_the_conversion_form(client, desk, provider):
    conversation = receive()
    client.force_login(desk)
    response = client.post(
        CHANGELIST,
        {"action": "convert_to_request", "_selected_action": [conversation.pk]},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"{conversation.pk}/convert/request/")


def test_unit_officer_does_not_work_the_inbox(client, officer, provider):
    conversation = receive()
    client.force_login(officer(Role.PPID_PELAKSANA, username="pelaksana"))
    assert client.get(CHANGELIST).status_code == 403
    assert (
        client.get(f"{CHANGELIST}{conversation.pk}/convert/request/").status_code == 403
    )
    assert (
        client.post(f"{CHANGELIST}{conversation.pk}/reply/", {"text": "x"}).status_code
        == 403
    )


def test_dashboard_panel_counts_new_conversations(client, desk, provider):
    receive()
    client.force_login(desk)
    panels = client.get("/admin/").context["queue_panels"]
    inbox = next(
        panel for panel in panels if panel["rows"][0]["url"].startswith(CHANGELIST)
    )
    assert inbox["rows"][0]["count"] == 1
    assert not InboundPayload.objects.exists()
    assert Conversation.objects.count() == 1
