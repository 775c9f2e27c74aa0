"""What WhatsApp, Messenger and Instagram share: Meta's webhook signature and
verification handshake, and the Graph API base URL."""

import hashlib
import hmac

from django.conf import settings


def graph_url(path: str) -> str:
    return f"{settings.META_GRAPH_URL.rstrip('/')}/{path.lstrip('/')}"


def signature_valid(body: bytes, header: str) -> bool:
    """X-Hub-Signature-256: "sha256=" + HMAC-SHA256 of the raw body (app secret)."""
    secret = settings.META_APP_SECRET
    if not secret or not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.removeprefix("sha256="))


def verify_handshake(params) -> str | None:
    """The challenge to echo when Meta's subscription check carries our token."""
    token = settings.META_VERIFY_TOKEN
    if (
        token
        and params.get("hub.mode") == "subscribe"
        and hmac.compare_digest(params.get("hub.verify_token", ""), token)
    ):
        return params.get("hub.challenge", "")
    return None
