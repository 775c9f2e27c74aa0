"""Error answers of the whole site: JSON under /api/, a short page elsewhere.

Django's handler400/403/404/500 (ppid_portal/urls.py), the input guard and the
database-unavailable answer of apps.core.middleware and the API's exception
handler all answer through here, so a client sees one shape per kind of error.
"""

import logging
import sys

from rest_framework import exceptions as drf_exceptions

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
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


def _page(*, title: str, message: str, status: int, hint: str = "") -> HttpResponse:
    """A standalone page: no context processors, so no database query."""
    html = loader.get_template("core/error.html").render(
        {"title": title, "message": message, "hint": hint, "status": status}
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
    return defaults.server_error(request)
