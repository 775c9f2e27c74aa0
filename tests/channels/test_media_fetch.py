"""Attachment links chosen by the sender (Messenger, Instagram) or named in a
provider's answer (WhatsApp media URL) go through core's guarded fetcher; a
refused one is kept on the message with its reason, never fetched, never a 500."""

import socket
from urllib.parse import quote

import pytest

from apps.accounts.roles import Role
from apps.channels.models import Attachment, InboundPayload, Message, PayloadStatus
from tests.channels import payloads as p

pytestmark = pytest.mark.django_db


def image(url):
    return [{"type": "image", "payload": {"url": url}}]


def post_attachment(post_meta, channel, url, mid="m_ATT1"):
    object_name = "page" if channel == "facebook" else "instagram"
    response = post_meta(
        channel,
        p.messaging(object_name, [p.msg_event(mid=mid, attachments=image(url))]),
    )
    assert response.status_code == 200
    assert InboundPayload.objects.get().status == PayloadStatus.PROCESSED
    return Message.objects.get(provider_message_id=mid).attachments.get()


def test_a_file_url_is_not_read(post_meta, provider, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("DB_PASSWORD=hunter2")
    attachment = post_attachment(post_meta, "facebook", secret.as_uri())
    assert not attachment.file
    assert attachment.size == 0
    assert "file" in attachment.download_error
    assert attachment.provider_ref == secret.as_uri()


def test_a_loopback_url_is_not_fetched_under_the_real_rule(
    post_meta, provider, settings, sample_png
):
    settings.CHANNELS_MEDIA_TEST_ENDPOINTS = []
    provider.media["pic.png"] = (sample_png, "image/png")
    attachment = post_attachment(post_meta, "instagram", f"{provider.url}/cdn/pic.png")
    assert not attachment.file
    assert "https" in attachment.download_error
    assert provider.calls == []


def test_a_metadata_service_url_is_refused_by_address(post_meta, provider, monkeypatch):
    real = socket.create_connection
    connected = []

    def recording(address, *args, **kwargs):
        connected.append(address[0])
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", recording)
    attachment = post_attachment(
        post_meta, "instagram", "https://169.254.169.254/latest/meta-data/"
    )
    assert not attachment.file
    assert "169.254.169.254" in attachment.download_error
    assert "169.254.169.254" not in connected, attachment.download_error


def test_a_redirect_from_the_cdn_to_a_local_address_is_refused(
    post_meta, provider, sample_png
):
    provider.media["pic.png"] = (sample_png, "image/png")
    target = quote("https://127.0.0.1:6379/")
    attachment = post_attachment(
        post_meta, "facebook", f"{provider.url}/redirect?to={target}"
    )
    assert not attachment.file
    assert "127.0.0.1" in attachment.download_error
    assert [call["path"] for call in provider.calls] == ["/redirect"]


def test_whatsapp_media_url_goes_through_the_same_guard(
    post_meta, provider, settings, sample_png
):
    # The Graph API call itself is the operator's configured URL; the media URL in
    # its answer is checked like any other.
    settings.CHANNELS_MEDIA_TEST_ENDPOINTS = []
    provider.media["media-9"] = (sample_png, "image/png")
    message = {
        "from": "6281254001234",
        "id": "wamid.IMG9",
        "timestamp": "1767225600",
        "type": "image",
        "image": {"id": "media-9", "mime_type": "image/png"},
    }
    post_meta("whatsapp", p.whatsapp([message]))
    attachment = Attachment.objects.get()
    assert not attachment.file
    assert "https" in attachment.download_error
    assert [call["path"] for call in provider.calls] == ["/media-9"]


def test_an_oversize_attachment_is_refused_and_recorded(post_meta, provider, settings):
    settings.MAX_UPLOAD_SIZE_MB = 1
    provider.media["big.jpg"] = (b"\xff\xd8\xff" + b"x" * (1024 * 1024), "image/jpeg")
    attachment = post_attachment(post_meta, "facebook", f"{provider.url}/cdn/big.jpg")
    assert not attachment.file
    assert str(1024 * 1024) in attachment.download_error


def test_officers_see_why_an_attachment_was_refused(
    client, officer, post_meta, provider
):
    attachment = post_attachment(post_meta, "facebook", "file:///etc/passwd")
    client.force_login(officer(Role.PETUGAS_LAYANAN, username="petugas"))
    page = client.get(
        f"/admin/channels/conversation/{attachment.message.conversation_id}/change/"
    )
    assert page.status_code == 200
    assert attachment.download_error
    assert attachment.download_error in page.content.decode()


def test_a_downloaded_attachment_is_encrypted_at_rest(
    post_meta, provider, settings, sample_png
):
    provider.media["ktp.png"] = (sample_png, "image/png")
    attachment = post_attachment(post_meta, "facebook", f"{provider.url}/cdn/ktp.png")
    raw = (settings.PRIVATE_MEDIA_ROOT / "channels" / attachment.file.name).read_bytes()
    assert not raw.startswith(b"\x89PNG")
    with attachment.file.open("rb") as handle:
        assert handle.read() == sample_png


def test_an_inbox_photo_loses_its_exif(post_meta, provider):
    from tests import images

    provider.media["media-gps"] = (images.jpeg_with_gps(), "image/jpeg")
    message = {
        "from": "6281254001234",
        "id": "wamid.GPS",
        "timestamp": "1767225600",
        "type": "image",
        "image": {"id": "media-gps", "mime_type": "image/jpeg"},
    }
    post_meta("whatsapp", p.whatsapp([message]))
    attachment = Attachment.objects.get()
    with attachment.file.open("rb") as handle:
        content = handle.read()
    assert not images.has_author_metadata(content)
    assert attachment.size == len(content)


def test_an_inbox_image_bomb_is_recorded_not_stored(post_meta, provider):
    from tests import images

    provider.media["bomb.png"] = (images.png_claiming_size(8000, 6000), "image/png")
    attachment = post_attachment(post_meta, "facebook", f"{provider.url}/cdn/bomb.png")
    assert not attachment.file
    assert "40" in attachment.download_error
