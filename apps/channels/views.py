"""Provider webhooks: check the signature, refuse oversized bodies, store the raw
payload and answer at once; parsing happens in a task (services.payload_process)."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseNotFound
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from apps.channels import services
from apps.channels.adapters import get_adapter
from apps.channels.adapters.meta_common import signature_valid, verify_handshake
from apps.channels.adapters.telegram import secret_valid
from apps.channels.models import ChannelKind
from apps.core.middleware import raw_body

META_CHANNELS = {ChannelKind.WHATSAPP, ChannelKind.FACEBOOK, ChannelKind.INSTAGRAM}


def _too_large() -> HttpResponse:
    return HttpResponse(
        _("Payload larger than %(kb)s KB (CHANNELS_MAX_PAYLOAD_KB).")
        % {"kb": settings.CHANNELS_MAX_PAYLOAD_KB},
        status=413,
        content_type="text/plain",
    )


def _read_body(request, limit: int) -> bytes | None:
    """The raw body, or None when it is over `limit` (whatever Content-Length said)."""
    body = request.read(limit + 1)
    return None if len(body) > limit else body


@raw_body  # signed bytes, stored as they came (query string and headers are checked)
@csrf_exempt
@require_http_methods(["GET", "POST"])
def webhook(request, provider: str):
    if provider not in ChannelKind.values or provider == ChannelKind.EMAIL:
        return HttpResponseNotFound("Unknown provider.", content_type="text/plain")
    if not get_adapter(provider).is_configured():
        return HttpResponseNotFound(
            "Channel not configured.", content_type="text/plain"
        )
    if request.method == "GET":
        if provider not in META_CHANNELS:
            return HttpResponseNotFound(content_type="text/plain")
        challenge = verify_handshake(request.GET)
        if challenge is None:
            return HttpResponseForbidden(
                "Verification failed.", content_type="text/plain"
            )
        return HttpResponse(challenge, content_type="text/plain")
    limit = settings.CHANNELS_MAX_PAYLOAD_KB * 1024
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    body = None if declared > limit else _read_body(request, limit)
    if body is None:
        return _too_large()
    if provider in META_CHANNELS:
        if not signature_valid(body, request.headers.get("X-Hub-Signature-256", "")):
            return HttpResponseForbidden("Bad signature.", content_type="text/plain")
    elif not secret_valid(request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")):
        return HttpResponseForbidden("Bad secret token.", content_type="text/plain")
    services.payload_store(channel=provider, body=body)
    return HttpResponse("OK", content_type="text/plain")
