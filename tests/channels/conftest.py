import pytest

from tests.channels import fakes
from tests.channels.payloads import APP_SECRET


@pytest.fixture
def provider(settings):
    """A local fake of the Graph API and Telegram Bot API, with every channel on."""
    server = fakes.start()
    settings.META_GRAPH_URL = server.url
    settings.TELEGRAM_API_URL = server.url
    settings.META_APP_SECRET = APP_SECRET
    settings.META_VERIFY_TOKEN = "verify-me"
    settings.META_PAGE_TOKEN = "page-token"
    settings.WHATSAPP_TOKEN = "wa-token"
    settings.WHATSAPP_PHONE_NUMBER_ID = fakes.PHONE_NUMBER_ID
    settings.TELEGRAM_BOT_TOKEN = fakes.BOT_TOKEN
    settings.TELEGRAM_SECRET_TOKEN = "tg-secret"
    settings.CHANNELS_EMAIL_ADDRESS = "ppid@kutaitimurkab.go.id"
    settings.CHANNELS_SEND_BACKOFF_SECONDS = 0
    settings.CHANNELS_HTTP_TIMEOUT = 0.3
    # The fake speaks plain http on 127.0.0.1: exempt exactly that endpoint.
    settings.CHANNELS_MEDIA_TEST_ENDPOINTS = [server.endpoint]
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def post_meta(client, django_capture_on_commit_callbacks):
    from tests.channels.payloads import dumps, sign

    def post(channel, payload, *, signature=None, **headers):
        body = payload if isinstance(payload, bytes) else dumps(payload)
        if signature is None:
            signature = sign(body)
        if signature:
            headers["HTTP_X_HUB_SIGNATURE_256"] = signature
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                f"/webhooks/{channel}/",
                body,
                content_type="application/json",
                **headers,
            )

    return post


@pytest.fixture
def post_telegram(client, django_capture_on_commit_callbacks):
    from tests.channels.payloads import dumps

    def post(payload, *, secret="tg-secret"):
        headers = {"HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN": secret} if secret else {}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                "/webhooks/telegram/",
                payload if isinstance(payload, bytes) else dumps(payload),
                content_type="application/json",
                **headers,
            )

    return post
