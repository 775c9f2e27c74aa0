"""One public status lookup for every case kind (requests, objections, complaints).

The caller gives the case's number and the contact on file (for an anonymous
complaint, its secret code). POST keeps the contact out of URLs and logs; GET with
the contact in the query string is still answered for existing clients and is
marked deprecated in the schema. One throttling policy: every lookup from a client
counts against PUBLIC_FORM_RATE (StatusLookupThrottle), past it HTTP 429. A wrong
number and a wrong contact give the same 404.
"""

from __future__ import annotations

from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from django.utils.cache import add_never_cache_headers

from apps.core.drf.throttles import PublicSubmitThrottle


class StatusLookupThrottle(PublicSubmitThrottle):
    """Status lookups have their own budget per client: guessing contacts is slow."""

    scope = "status_lookup"


class CaseStatusView(APIView):
    """Subclasses set `query` (a serializer of `number_field` and `contact`) and
    `not_found`, and implement `find(number, contact)` and `payload(case)`."""

    permission_classes = [AllowAny]
    throttle_classes = [StatusLookupThrottle]
    query: type[serializers.Serializer]
    number_field = "registration_number"
    not_found = ""

    def find(self, number: str, contact: str):
        raise NotImplementedError

    def payload(self, case) -> dict:
        raise NotImplementedError

    def lookup(self, data) -> Response:
        query = self.query(data=data)
        query.is_valid(raise_exception=True)
        case = self.find(
            query.validated_data[self.number_field], query.validated_data["contact"]
        )
        if case is None:
            raise NotFound(self.not_found)
        response = Response(self.payload(case))
        add_never_cache_headers(response)
        return response

    def get(self, request):
        return self.lookup(request.query_params)

    def post(self, request):
        return self.lookup(request.data)


def lookup_schema(kind: str, *, answer):
    """The OpenAPI description of a CaseStatusView (class decorator): POST with
    the view's `query` in the body, the deprecated GET with it in the query
    string (the number under the view's `number_field`)."""
    responses = {
        200: answer,
        400: OpenApiResponse(description="Number or contact missing."),
        404: OpenApiResponse(description=f"No {kind} matches number and contact."),
        429: OpenApiResponse(description="Too many lookups from this client."),
    }
    article = "an" if kind[0] in "aeiou" else "a"

    def decorate(view):
        return extend_schema_view(
            get=extend_schema(
                summary=f"Public status of {article} {kind} (deprecated: use POST)",
                parameters=[
                    OpenApiParameter(view.number_field, str, required=True),
                    OpenApiParameter("contact", str, required=True),
                ],
                responses=responses,
                deprecated=True,
            ),
            post=extend_schema(
                summary=f"Public status (contact kept out of the URL): {kind}",
                request=view.query,
                responses=responses,
            ),
        )(view)

    return decorate
