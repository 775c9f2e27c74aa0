"""Response headers: the Content-Security-Policy (django-csp, one policy with two
narrow exceptions), Permissions-Policy on every response, and `no-store` on API
responses that may carry personal data."""

from csp.middleware import CSPMiddleware

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_vary_headers

# Pages made by third-party code that sets inline styles: the Django admin (its
# templates and the officers' pages use style attributes) and the API docs
# (Swagger UI, Redoc). Scripts stay 'self' only there too.
INLINE_STYLE_PREFIXES = ("/admin/", "/api/v1/docs/", "/api/v1/redoc/")
# Redoc runs its search in a worker made from a blob.
BLOB_WORKER_PREFIXES = ("/api/v1/redoc/",)
# Public API lookups that answer with a case's status (found by number + contact).
STATUS_LOOKUPS = frozenset({"request-status", "objection-status", "complaint-status"})


class PortalCSPMiddleware(CSPMiddleware):
    """CONTENT_SECURITY_POLICY for every response, but inline styles (never inline
    scripts) on INLINE_STYLE_PREFIXES."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        path = request.path_info
        update = dict(parts.update or {})
        if path.startswith(INLINE_STYLE_PREFIXES):
            update["style-src"] = [*update.get("style-src", []), "'unsafe-inline'"]
        if path.startswith(BLOB_WORKER_PREFIXES):
            update["worker-src"] = [*update.get("worker-src", []), "blob:"]
        parts.update = update or None
        return parts


def carries_personal_data(request) -> bool:
    """An API response that must not be stored by browsers or proxies: anything
    for a signed-in officer or integration, every write (receipts, secret codes)
    and the public status lookups."""
    if not request.path_info.startswith("/api/"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        return True
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name in STATUS_LOOKUPS


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path_info.startswith("/api/"):
            # The same URL answers officers and the public differently.
            patch_vary_headers(response, ["Authorization", "Cookie"])
            if carries_personal_data(request):
                add_never_cache_headers(response)
        return response
