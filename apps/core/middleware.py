"""Site-wide answers to input and outages the views cannot handle themselves.

InputGuardMiddleware refuses (400) what no text column can hold (apps.core.inputs)
before a view can put it in a query: in the path, the query string, headers, form
fields and JSON bodies. API views parse their own bodies and guard them in
apps.core.drf.parsers. DatabaseUnavailableMiddleware turns a lost database into 503.
"""

from rest_framework.views import APIView

from apps.core.http_errors import (
    DATABASE_UNAVAILABLE,
    bad_input_response,
    database_unavailable_response,
)
from apps.core.inputs import (
    JSONTooDeep,
    first_unstorable,
    has_unstorable,
    json_unstorable_path,
    load_json,
    too_deep_message,
    unstorable_message,
)


def raw_body(view):
    """Mark a view that keeps its body as bytes (webhooks): the guard skips it."""
    view.input_guard_raw_body = True
    return view


def _is_api_view(view_func) -> bool:
    cls = getattr(view_func, "cls", None)
    return isinstance(cls, type) and issubclass(cls, APIView)


def _is_json(content_type: str) -> bool:
    return content_type == "application/json" or content_type.endswith("+json")


class InputGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if has_unstorable(request.path_info):
            return bad_input_response(request, unstorable_message())
        field = first_unstorable(
            (name, value) for name, values in request.GET.lists() for value in values
        )
        if field is not None:
            return bad_input_response(request, unstorable_message(), field or None)
        headers = (
            (name, value)
            for name, value in request.META.items()
            if name.startswith("HTTP_") and isinstance(value, str)
        )
        if first_unstorable(headers) is not None:
            return bad_input_response(request, unstorable_message())
        if getattr(view_func, "input_guard_raw_body", False) or _is_api_view(view_func):
            return None
        return self._check_body(request)

    def _check_body(self, request):
        if _is_json(request.content_type or ""):
            try:
                data = load_json(request.body)
            except JSONTooDeep as error:
                return bad_input_response(request, too_deep_message(error.args[0]))
            except ValueError:
                return None  # Not JSON at all: the view says so in its own words.
            path = json_unstorable_path(data)
            if path is not None:
                return bad_input_response(request, unstorable_message(), path or None)
            return None
        if request.method != "POST":
            return None
        # Uploaded file names need no check: Django drops unprintable characters.
        field = first_unstorable(
            (name, value) for name, values in request.POST.lists() for value in values
        )
        if field is not None:
            return bad_input_response(request, unstorable_message(), field or None)
        return None


class DatabaseUnavailableMiddleware:
    """503 with Retry-After, not 500, when a view cannot reach the database.

    The API's exception handler and Django's handler500 answer the same way for
    errors that do not pass through here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable_response(request, exception)
        return None
