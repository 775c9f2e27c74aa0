"""Display preferences (text size, high contrast) kept in cookies.

The switches are plain forms sent to one endpoint that sets the cookie and
redirects back, so they work without JavaScript; static/js/portal.js only
applies them without a reload.
"""

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

TEXT_COOKIE = "ppid_text"
CONTRAST_COOKIE = "ppid_contrast"
TEXT_SIZES = ("normal", "large", "larger")
CONTRASTS = ("normal", "high")
COOKIE_AGE = 365 * 24 * 3600


@require_http_methods(["GET", "POST"])
def display_settings(request):
    data = request.POST if request.method == "POST" else request.GET
    target = data.get("next") or request.headers.get("referer") or ""
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("portal:home")
    response = HttpResponseRedirect(target)
    for cookie, value, allowed in [
        (TEXT_COOKIE, data.get("text"), TEXT_SIZES),
        (CONTRAST_COOKIE, data.get("contrast"), CONTRASTS),
    ]:
        if value in allowed:
            # Not HttpOnly: the enhancing script reads and writes the same cookie.
            response.set_cookie(
                cookie,
                value,
                max_age=COOKIE_AGE,
                samesite="Lax",
                secure=request.is_secure(),
            )
    return response


def display_context(request) -> dict:
    """The current preferences, validated (unknown cookie values are ignored)."""
    text = request.COOKIES.get(TEXT_COOKIE)
    contrast = request.COOKIES.get(CONTRAST_COOKIE)
    return {
        "text": text if text in TEXT_SIZES else "normal",
        "contrast": contrast if contrast in CONTRASTS else "normal",
    }
