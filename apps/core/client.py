"""The client's address: one rule for rate limits, throttles, login lockout and logs.

X-Forwarded-For is written by whoever sends the request, so only the entries
appended by our own reverse proxies can be believed. With TRUSTED_PROXY_COUNT = 0
(default) the portal is reached directly and REMOTE_ADDR is the client. With N
proxies in front, each appends the address it saw, so the client is the N-th
entry from the right; anything left of it is the client's own claim and ignored.
A header with fewer entries than proxies (the request bypassed a proxy) or an
entry that is no IP address falls back to REMOTE_ADDR.
"""

import hashlib
import hmac
import ipaddress
import uuid

from django.conf import settings


def client_ip(request) -> str:
    """The address the rate limits and the login lockout count for this request."""
    remote_addr = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
    if len(entries) < proxies:
        return remote_addr
    candidate = entries[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr


def client_bucket(request) -> str:
    """client_ip, with an IPv6 address widened to its /64 network (one household or
    phone has a whole /64, as django-ratelimit assumes with RATELIMIT_IPV6_MASK)."""
    address = client_ip(request)
    if ":" not in address:
        return address
    mask = getattr(settings, "RATELIMIT_IPV6_MASK", 64)
    return str(ipaddress.ip_network(f"{address}/{mask}", strict=False).network_address)


def _client_fingerprint(request) -> bytes:
    """Who sends a submission: the client address, the signed-in officer or
    integration, and the browser's CSRF secret (set when the form was shown)."""
    user = getattr(request, "user", None)
    who = str(user.pk) if user is not None and user.is_authenticated else ""
    browser = request.META.get("CSRF_COOKIE", "") or ""
    material = f"{client_ip(request)}|{who}|{browser}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), material, hashlib.sha256).digest()


def bound_submission_key(request, key) -> str:
    """The stored form of a client-chosen submission key (Idempotency-Key, a form's
    hidden key): bound to the client that sent it. The same client resending it
    finds its submission again; another client sending the same key gets a fresh
    submission of its own and never the first one's receipt."""
    digest = hmac.new(_client_fingerprint(request), str(key).encode(), hashlib.sha256)
    return digest.hexdigest()


def bound_submission_uuid(request, key) -> uuid.UUID:
    """bound_submission_key for models that keep the key in a UUIDField."""
    return uuid.UUID(hex=bound_submission_key(request, key)[:32])
