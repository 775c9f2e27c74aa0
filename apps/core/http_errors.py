"""Error answers of the whole site: JSON under /api/, a short page elsewhere.

Django's handler400/403/404/500 (ppid_portal/urls.py), the input guard and the
database-unavailable answer of apps.core.middleware and the API's exception
handler all answer through here, so a client sees one shape per kind of error.
"""

import logging
import sys

from rest_framework import exceptions as drf_exceptions

from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger("apps.core.http_errors")

# Seconds a client should wait before retrying while the database is down.
DATABASE_RETRY_AFTER = 30

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def is_api_request(request) -> bool:
    return request.path_info.startswith("/api/")


def _standalone_body():
    """The body profile for pages that must render without the database: the
    cached copy when the cache answers, else an unsaved profile (its defaults)."""
    from apps.core.models import BodyProfile

    try:
        profile = cache.get(BodyProfile.CACHE_KEY)
    except Exception:  # noqa: BLE001 - the cache may be down with the rest
        profile = None
    return profile if profile is not None else BodyProfile()


def standalone_context(**extra) -> dict:
    """Context of a page in the site's layout without request, context
    processors or database (templates/base.html, `standalone`)."""
    return {"standalone": True, "body": _standalone_body(), **extra}


def _page(*, title: str, message: str, status: int, hint: str = "") -> HttpResponse:
    """A standalone page: no context processors, so no database query."""
    html = loader.get_template("core/error.html").render(
        standalone_context(title=title, message=message, hint=hint, status=status)
    )
    return HttpResponse(html, status=status)


def bad_input_response(request, message: str, field: str | None = None):
    """400 for input the portal cannot process at all (not a form's field error)."""
    if is_api_request(request):
        body = {field: [message]} if field else {"detail": message}
        return JsonResponse(body, status=400)
    return _page(
        title=_("Bad request"),
        message=message,
        hint=_(
            "Go back with your browser's Back button: what you typed in a form is "
            "still there."
        ),
        status=400,
    )


def database_unavailable_response(request, exc: BaseException | None = None):
    """503 with Retry-After while the database cannot be reached."""
    logger.error(
        "Database unavailable: %s %s", request.method, request.path, exc_info=exc
    )
    if is_api_request(request):
        response = JsonResponse(
            {
                "detail": _(
                    "The service is temporarily unavailable. Try again in a few "
                    "minutes."
                ),
                "code": "database_unavailable",
            },
            status=503,
        )
    else:
        # The page is Indonesian whatever the browser asks: it must render
        # without the database, so without the user's saved preferences.
        with translation.override("id"):
            response = _page(
                title=_("Service temporarily unavailable"),
                message=_(
                    "The PPID portal cannot reach its database right now. Please "
                    "try again in a few minutes."
                ),
                status=503,
            )
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return response


def _api_error(exc_class, status: int) -> JsonResponse:
    detail = exc_class.default_detail
    return JsonResponse(
        {"detail": str(detail), "code": exc_class.default_code}, status=status
    )


def bad_request(request, exception):
    if is_api_request(request):
        return _api_error(drf_exceptions.ParseError, 400)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    if is_api_request(request):
        return _api_error(drf_exceptions.PermissionDenied, 403)
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    if is_api_request(request):
        return _api_error(drf_exceptions.NotFound, 404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    # Called while the exception is being handled: a database outage that
    # escaped the views (raised in a middleware, say) still answers 503.
    exc = sys.exc_info()[1]
    if isinstance(exc, DATABASE_UNAVAILABLE):
        return database_unavailable_response(request, exc)
    if is_api_request(request):
        return _api_error(drf_exceptions.APIException, 500)
    # Not Django's default: the page keeps the site's layout, yet needs neither
    # the database nor the context processors (which may be what failed).
    html = loader.get_template("500.html").render(standalone_context(status=500))
    return HttpResponse(html, status=500)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the form's check failed; say what to do, in the layout."""
    if is_api_request(request):
        return JsonResponse(
            {"detail": _("CSRF check failed."), "code": "csrf_failed"}, status=403
        )
    return render(request, "403_csrf.html", status=403)
