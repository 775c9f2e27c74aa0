import pytest

from apps.channels.models import (
    Attachment,
    Conversation,
    DeliveryStatus,
    Direction,
    InboundPayload,
    Message,
    PayloadStatus,
)
from tests.channels import payloads as p

pytestmark = pytest.mark.django_db


def test_whatsapp_handshake_echoes_the_challenge(client, provider):
    response = client.get(
        "/webhooks/whatsapp/",
        {
            "hub.mode": "subscribe",
            "hub.verify_token": "verify-me",
            "hub.challenge": "1158201444",
        },
    )
    assert response.status_code == 200
    assert response.content == b"1158201444"


def test_handshake_with_wrong_token_is_refused(client, provider):
    response = client.get(
        "/webhooks/facebook/",
        {"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1"},
    )
    assert response.status_code == 403


@pytest.mark.parametrize("signature", ["", "sha256=deadbeef", "md5=abc"])
def test_bad_or_missing_signature_is_refused_and_nothing_stored(
    post_meta, provider, signature
):
    response = post_meta(
        "whatsapp", p.whatsapp([p.wa_text()]), signature=signature or False
    )
    assert response.status_code == 403
    assert InboundPayload.objects.count() == 0
    assert Message.objects.count() == 0


def test_signature_with_another_secret_is_refused(post_meta, provider):
    body = p.dumps(p.whatsapp([p.wa_text()]))
    response = post_meta("whatsapp", body, signature=p.sign(body, "other-secret"))
    assert response.status_code == 403
    assert not InboundPayload.objects.exists()


def test_whatsapp_text_lands_in_the_inbox(post_meta, provider):
    response = post_meta("whatsapp", p.whatsapp([p.wa_text()]))
    assert response.status_code == 200
    conversation = Conversation.objects.get()
    assert (conversation.channel, conversation.sender_id) == (
        "whatsapp",
        "6281254001234",
    )
    assert conversation.sender_name == "Budi Santoso"
    assert conversation.status == "new"
    message = conversation.messages.get()
    assert message.text == "Saya minta data anggaran."
    assert message.direction == Direction.IN
    assert message.provider_message_id == "wamid.IN1"
    assert message.raw["id"] == "wamid.IN1"
    assert InboundPayload.objects.get().status == PayloadStatus.PROCESSED


def test_replayed_message_is_stored_once(post_meta, provider):
    payload = p.whatsapp([p.wa_text()])
    assert post_meta("whatsapp", payload).status_code == 200
    assert post_meta("whatsapp", payload).status_code == 200
    assert Message.objects.count() == 1
    assert InboundPayload.objects.count() == 2


def test_second_message_of_a_sender_joins_the_open_conversation(post_meta, provider):
    post_meta("whatsapp", p.whatsapp([p.wa_text()]))
    post_meta(
        "whatsapp",
        p.whatsapp([p.wa_text(mid="wamid.IN2", text="Tahun 2025", ts=1767229200)]),
    )
    conversation = Conversation.objects.get()
    assert list(conversation.messages.values_list("text", flat=True)) == [
        "Saya minta data anggaran.",
        "Tahun 2025",
    ]
    assert conversation.last_message_at.timestamp() == 1767229200


def test_malformed_json_is_kept_raw_and_shown_as_unreadable(post_meta, provider):
    response = post_meta(
        "whatsapp", b'{"object": "whatsapp_business_account", "entry": ['
    )
    assert response.status_code == 200
    payload = InboundPayload.objects.get()
    assert payload.status == PayloadStatus.FAILED
    assert "JSONDecodeError" in payload.error
    assert payload.body_text().startswith('{"object"')
    assert not Message.objects.exists()


def test_payload_of_wrong_shape_is_kept_raw(post_meta, provider):
    post_meta("whatsapp", {"object": "page", "entry": []})
    payload = InboundPayload.objects.get()
    assert payload.status == PayloadStatus.FAILED
    assert "Not a WhatsApp notification" in payload.error


def test_oversized_payload_is_refused_with_413(post_meta, provider, settings):
    settings.CHANNELS_MAX_PAYLOAD_KB = 1
    big = p.whatsapp([p.wa_text(text="x" * 2000)])
    response = post_meta("whatsapp", big)
    assert response.status_code == 413
    assert b"CHANNELS_MAX_PAYLOAD_KB" in response.content
    assert not InboundPayload.objects.exists()


def test_unknown_whatsapp_type_is_stored_with_its_type(post_meta, provider):
    location = {
        "from": "6281254001234",
        "id": "wamid.LOC",
        "timestamp": "1767225600",
        "type": "location",
        "location": {"latitude": 0.5, "longitude": 117.5},
    }
    post_meta("whatsapp", p.whatsapp([location]))
    message = Message.objects.get()
    assert message.message_type == "location"
    assert message.raw["location"]["latitude"] == 0.5


def test_whatsapp_image_is_downloaded_through_the_graph_api(
    post_meta, provider, sample_png
):
    provider.media["media-77"] = (sample_png, "image/png")
    image = {
        "from": "6281254001234",
        "id": "wamid.IMG",
        "timestamp": "1767225600",
        "type": "image",
        "image": {"id": "media-77", "mime_type": "image/png", "caption": "Foto KTP"},
    }
    post_meta("whatsapp", p.whatsapp([image]))
    attachment = Attachment.objects.get()
    assert attachment.content_type == "image/png"
    assert attachment.size == len(sample_png)
    with attachment.file.open("rb") as handle:
        assert handle.read() == sample_png
    assert attachment.message.text == "Foto KTP"
    paths = [call["path"] for call in provider.calls]
    assert paths == ["/media-77", "/media-files/media-77"]
    assert provider.calls[0]["headers"]["Authorization"] == "Bearer wa-token"


def test_failed_media_download_keeps_the_message(post_meta, provider):
    document = {
        "from": "6281254001234",
        "id": "wamid.DOC",
        "timestamp": "1767225600",
        "type": "document",
        "document": {
            "id": "gone",
            "filename": "surat.pdf",
            "mime_type": "application/pdf",
        },
    }
    post_meta("whatsapp", p.whatsapp([document]))
    attachment = Attachment.objects.get()
    assert not attachment.file
    assert attachment.filename == "surat.pdf"
    assert "404" in attachment.download_error
    assert attachment.message.message_type == "document"


def test_whatsapp_status_updates_move_delivery_forward(post_meta, provider):
    post_meta("whatsapp", p.whatsapp([p.wa_text()]))
    conversation = Conversation.objects.get()
    out = Message.objects.create(
        conversation=conversation,
        channel="whatsapp",
        direction="out",
        text="Terima kasih",
        provider_message_id="wamid.OUT9",
        sent_at=conversation.last_message_at,
        delivery_status=DeliveryStatus.SENT,
    )
    read = {
        "id": "wamid.OUT9",
        "status": "read",
        "timestamp": "1767229300",
        "recipient_id": "6281254001234",
    }
    delivered = {**read, "status": "delivered"}
    post_meta("whatsapp", p.whatsapp(statuses=[read]))
    post_meta("whatsapp", p.whatsapp(statuses=[delivered]))
    out.refresh_from_db()
    assert out.delivery_status == DeliveryStatus.READ
    failed = {
        **read,
        "status": "failed",
        "errors": [{"code": 131047, "title": "Re-engagement message"}],
    }
    post_meta("whatsapp", p.whatsapp(statuses=[failed]))
    out.refresh_from_db()
    assert out.delivery_status == DeliveryStatus.FAILED
    assert "131047" in out.delivery_error


def test_instagram_and_messenger_messages(post_meta, provider, sample_png):
    provider.media["pic.png"] = (sample_png, "image/png")
    post_meta("instagram", p.messaging("instagram", [p.msg_event()]))
    attachment = [{"type": "image", "payload": {"url": f"{provider.url}/cdn/pic.png"}}]
    post_meta(
        "facebook",
        p.messaging(
            "page", [p.msg_event(mid="m_FB1", sender="999", attachments=attachment)]
        ),
    )
    instagram = Conversation.objects.get(channel="instagram")
    assert instagram.sender_id == "6543210987"
    assert instagram.messages.get().text == "Halo PPID"
    facebook = Conversation.objects.get(channel="facebook")
    message = facebook.messages.get()
    assert message.message_type == "image"
    assert message.attachments.get().size == len(sample_png)


def test_messenger_echo_of_our_own_message_is_ignored(post_meta, provider):
    echo = p.msg_event(mid="m_ECHO")
    echo["message"]["is_echo"] = True
    post_meta("facebook", p.messaging("page", [echo]))
    assert not Message.objects.exists()
    assert InboundPayload.objects.get().status == PayloadStatus.PROCESSED


def test_telegram_secret_token_is_checked(post_telegram, provider):
    assert post_telegram(p.telegram(), secret="wrong").status_code == 403
    assert post_telegram(p.telegram(), secret="").status_code == 403
    assert not InboundPayload.objects.exists()


def test_telegram_text_photo_document_and_unknown(
    post_telegram, provider, sample_png, sample_pdf
):
    provider.media["photo-big"] = (sample_png, "image/png")
    provider.media["doc-1"] = (sample_pdf, "application/pdf")
    assert post_telegram(p.telegram()).status_code == 200
    post_telegram(
        p.telegram(
            update_id=2,
            message_id=11,
            text=None,
            caption="Foto jalan",
            photo=[
                {
                    "file_id": "photo-small",
                    "file_unique_id": "a",
                    "width": 90,
                    "height": 90,
                    "file_size": 100,
                },
                {
                    "file_id": "photo-big",
                    "file_unique_id": "b",
                    "width": 800,
                    "height": 800,
                    "file_size": 9000,
                },
            ],
        )
    )
    post_telegram(
        p.telegram(
            update_id=3,
            message_id=12,
            text=None,
            document={
                "file_id": "doc-1",
                "file_unique_id": "c",
                "file_name": "surat.pdf",
                "mime_type": "application/pdf",
            },
        )
    )
    post_telegram(
        p.telegram(update_id=4, message_id=13, text=None, sticker={"file_id": "s"})
    )
    conversation = Conversation.objects.get()
    assert conversation.sender_name == "Siti Aminah (@sitia)"
    types = list(conversation.messages.values_list("message_type", "text"))
    assert types == [
        ("text", "Minta info"),
        ("photo", "Foto jalan"),
        ("document", ""),
        ("sticker", ""),
    ]
    photo, document = Attachment.objects.order_by("pk")
    assert photo.size == len(sample_png)
    assert document.filename == "surat.pdf"
    assert document.content_type == "application/pdf"
    # Telegram message ids are per chat: stored as chat:message.
    assert Message.objects.filter(provider_message_id="555001:10").exists()


def test_channel_without_credentials_is_off(client, settings):
    settings.TELEGRAM_BOT_TOKEN = ""
    response = client.post(
        "/webhooks/telegram/", b"{}", content_type="application/json"
    )
    assert response.status_code == 404
    assert (
        client.post(
            "/webhooks/unknown/", b"{}", content_type="application/json"
        ).status_code
        == 404
    )


@pytest.mark.parametrize("text", ["Minta\x00 info", "Minta\ud800 info"])
def test_unstorable_characters_from_a_sender_are_dropped_not_fatal(
    post_telegram, post_meta, provider, text
):
    # The webhook keeps its signed body raw; the NUL (or lone surrogate) must not
    # reach a text column, where PostgreSQL refuses it and the payload would stay
    # pending for ever.
    assert post_telegram(p.telegram(text=text)).status_code == 200
    assert post_meta("whatsapp", p.whatsapp([p.wa_text(text=text)])).status_code == 200
    assert set(InboundPayload.objects.values_list("status", flat=True)) == {
        PayloadStatus.PROCESSED
    }
    assert sorted(Message.objects.values_list("text", flat=True)) == [
        "Minta info",
        "Minta info",
    ]
