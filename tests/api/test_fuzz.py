"""Hostile input to every API operation gets a JSON 4xx, never a 5xx.

The operations come from the OpenAPI schema, itself made from the URL resolver, so
a new endpoint is fuzzed without touching this file. Each is called anonymously
and with an officer's token (a superuser, so that permission checks let the input
through to the serializers and services), against real rows.
"""

import datetime as dt
import json
from urllib.parse import quote, urlencode

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accounts.tokens import api_token_issue
from apps.objections.models import Objection
from tests.complaints.factories import ComplaintFactory
from tests.info_requests.factories import InformationRequestFactory
from tests.registers.factories import ExemptInformationFactory, InformationItemFactory

NUL = "x\x00y"
LONG = "a" * 100_000
DEEP = "[" * 100_000 + "]" * 100_000
# Views under /api/ that the schema leaves out (they serve the schema itself).
UNDOCUMENTED = [("GET", "/api/v1/schema/"), ("GET", "/api/v1/docs/")]


def _schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


SCHEMA = _schema()
OPERATIONS = [
    (method.upper(), path)
    for path, operations in SCHEMA["paths"].items()
    for method in operations
]


def _operation(method, path) -> dict:
    return SCHEMA["paths"].get(path, {}).get(method.lower(), {})


def _body_fields(operation) -> list[str]:
    content = operation.get("requestBody", {}).get("content", {})
    for media in content.values():
        ref = media["schema"].get("$ref", "")
        component = SCHEMA["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {})
        return sorted(component.get("properties", {}))
    return []


def _query_names(operation) -> list[str]:
    return [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]


def _json_bodies(fields: list[str]) -> list[str]:
    """Raw JSON bodies: bad characters, sizes and types in every field, bad JSON."""
    fields = fields or ["name"]
    values = [NUL, LONG, {"a": [1]}, [1, 2], 10**30, -1, 1.5, True, None, ""]
    bodies = [json.dumps(dict.fromkeys(fields, value)) for value in values]
    bodies.append(json.dumps(dict.fromkeys(fields, "\ud800")))  # lone surrogate
    bodies.append(json.dumps({NUL: "x"}))
    bodies += [DEEP, "null", "[]", '"x"', "1", "{", '{"a": NaN}', "\udcff"]
    bodies.append(json.dumps(dict.fromkeys(fields, [NUL, {"b": NUL}])))
    return bodies


def _form_bodies(fields: list[str]) -> list[dict]:
    fields = fields or ["name"]
    upload = SimpleUploadedFile(
        "ktp\x00.pdf", b"%PDF-1.4 not really", "application/pdf"
    )
    return [
        dict.fromkeys(fields, NUL),
        dict.fromkeys(fields, LONG),
        dict.fromkeys(fields, ["a", "b"]),
        {fields[0]: upload},
    ]


def _queries(names: list[str]) -> list[dict]:
    names = [*names, "page", "page_size", "format"]
    values = [NUL, LONG, "-1", "0", "99999999999999999999", "abc", "1e400", ["a", "b"]]
    return [dict.fromkeys(names, value) for value in values] + [{NUL: "1"}]


@pytest.fixture
def rows(units):
    request = InformationRequestFactory(unit=units["dinkes"])
    complaint = ComplaintFactory(unit=units["dinkes"])
    objection = Objection.objects.create(  # as objection_submit leaves it
        number="KEB-2026-00001",
        unit=units["dinkes"],
        name="Budi Santoso",
        email="budi@example.com",
        ground_b=True,
        reason="Informasi berkala tidak diumumkan.",
        received_at=request.received_at,
        ground_arose_on=dt.date(2026, 3, 2),
        filing_window_end=dt.date(2026, 4, 13),
        due_date=dt.date(2026, 4, 14),
    )
    item = InformationItemFactory(unit=units["dinkes"], published=True)
    exemption = ExemptInformationFactory(unit=units["dinkes"])
    return {
        "registration_number": request.registration_number,
        "complaints": complaint.number,
        "objections": objection.number,
        "information": item.pk,
        "exemptions": exemption.pk,
        "slug": units["dinkes"].slug,
    }


def _paths(path: str, rows: dict) -> list[str]:
    """The path with real identifiers, and with hostile ones in their place."""
    if "{" not in path:
        return [path]
    collection = path.split("/")[3]
    name = path.split("{", 1)[1].split("}", 1)[0]
    real = rows.get(name, rows.get(collection, "x"))
    values = [real, "x", "0", "-1", "99999999999999999999", "a" * 5000, NUL]
    return [path.replace("{" + name + "}", quote(str(v), safe="")) for v in values]


@pytest.fixture
def callers(officer, settings):
    settings.PUBLIC_FORM_RATE = "100000/h"
    # The officer signs in with a token: no need to pay for a slow password hash.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    officer_client = APIClient(raise_request_exception=False)
    user = officer("PPID Utama", username="fuzz", is_superuser=True)
    token = api_token_issue(user=user)
    officer_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return {
        "anonymous": APIClient(raise_request_exception=False),
        "officer": officer_client,
    }


def _calls(client, method: str, path: str, rows: dict) -> list:
    """Every hostile call of one operation: bad identifiers in the path, then bad
    query strings and bodies on the path of a real row."""
    operation = _operation(method, path)
    send = getattr(client, method.lower())
    url, *hostile_urls = _paths(path, rows)
    calls = [lambda u=u: send(u) for u in hostile_urls]
    for query in _queries(_query_names(operation)):
        target = f"{url}?{urlencode(query, doseq=True)}"
        calls.append(lambda t=target: client.generic(method, t))
    if method not in ("POST", "PUT", "PATCH"):
        return calls
    fields = _body_fields(operation)
    for body in _json_bodies(fields):
        encoded = body.encode("utf-8", "surrogatepass")
        calls.append(
            lambda b=encoded: client.generic(
                method, url, b, content_type="application/json"
            )
        )
    for form in _form_bodies(fields):
        calls.append(lambda f=form: send(url, f, format="multipart"))
    urlencoded = "&".join(f"{quote(name)}=%00" for name in fields or ["name"])
    calls.append(
        lambda: client.generic(
            method,
            url,
            urlencoded,
            content_type="application/x-www-form-urlencoded",
        )
    )
    return calls


def _badly_answered(calls, *, json_errors: bool) -> list[tuple]:
    bad = []
    for call in calls:
        response = call()
        request = response.wsgi_request
        where = f"{request.method} {request.get_full_path()[:120]}"
        content_type = response.get("Content-Type", "")
        if response.status_code >= 500:
            bad.append((where, response.status_code))
        elif (
            json_errors
            and response.status_code >= 400
            and not content_type.startswith("application/json")
        ):
            bad.append((where, response.status_code, content_type))
    return bad


def test_the_schema_lists_the_api():
    assert len(OPERATIONS) >= 37
    for operation in [
        ("POST", "/api/v1/requests/"),
        ("POST", "/api/v1/complaints/"),
        ("POST", "/api/v1/objections/"),
        ("GET", "/api/v1/information/{id}/"),
    ]:
        assert operation in OPERATIONS


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path"), OPERATIONS + UNDOCUMENTED)
def test_hostile_input_never_gives_a_server_error(method, path, callers, rows):
    # The schema and docs views answer in their own formats (YAML, HTML).
    json_errors = (method, path) not in UNDOCUMENTED
    for caller, client in callers.items():
        calls = _calls(client, method, path, rows)
        assert _badly_answered(calls, json_errors=json_errors) == [], caller
