"""API errors as JSON: field messages for bad input, 400 for refused workflow steps,
503 while the database is down (the same answer as the site's, apps.core.http_errors).
"""

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from django.core.exceptions import ValidationError as DjangoValidationError

from apps.core.errors import ApplicationError
from apps.core.http_errors import DATABASE_UNAVAILABLE, database_unavailable_response


def exception_handler(exc, context):
    if isinstance(exc, DATABASE_UNAVAILABLE):
        return database_unavailable_response(context["request"], exc)
    if isinstance(exc, ApplicationError):
        return Response(
            {"detail": str(exc), "code": exc.code, **exc.extra},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            data = {
                field: [str(m) for m in msgs]
                for field, msgs in exc.message_dict.items()
            }
        else:
            data = {"detail": " ".join(str(m) for m in exc.messages)}
        return Response(data, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
