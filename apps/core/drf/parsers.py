"""DRF's parsers, refusing bodies no text column can hold (apps.core.inputs).

JSON nested deeper than MAX_JSON_DEPTH is a parse error (400), not a
RecursionError (500); a NUL byte or lone surrogate in any field is a 400 on that
field. The site middleware guards the path, query string and headers.
"""

from rest_framework import parsers
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.utils import json

from apps.core.inputs import (
    JSONTooDeep,
    first_unstorable,
    json_unstorable_path,
    load_json,
    too_deep_message,
    unstorable_message,
)


def _refuse(field: str | None):
    if field:
        raise ValidationError({field: [unstorable_message()]})
    raise ParseError(unstorable_message())


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = parsers.get_encoding(parser_context or {})
        parse_constant = json.strict_constant if self.strict else None
        try:
            data = load_json(
                stream.read().decode(encoding), parse_constant=parse_constant
            )
        except JSONTooDeep as error:
            raise ParseError(too_deep_message(error.args[0])) from None
        except ValueError as error:
            raise ParseError(f"JSON parse error - {error}") from None
        path = json_unstorable_path(data)
        if path is not None:
            _refuse(path)
        return data


def _check_form(data):
    # Uploaded file names need no check: Django drops unprintable characters.
    field = first_unstorable(
        (name, value) for name, values in data.lists() for value in values
    )
    if field is not None:
        _refuse(field)


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        _check_form(data)
        return data


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        result = super().parse(stream, media_type, parser_context)
        _check_form(result.data)
        return result
