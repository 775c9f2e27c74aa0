"""The OpenAPI document: valid, honest about nulls, who may call and how calls fail."""

import json

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from openapi_spec_validator import validate
from rest_framework import relations, serializers
from rest_framework.test import APIClient

from django.core import checks
from django.core.exceptions import FieldDoesNotExist

import ppid_portal.urls  # noqa: F401 - every API view and serializer imported
from apps.accounts.tokens import api_token_issue


def _schema() -> dict:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(schema))


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield method.upper(), path, operation


def test_the_schema_is_valid_openapi():
    schema = _schema()
    assert schema["openapi"].startswith("3.0")
    validate(schema)  # openapi-spec-validator: raises on the first error


def test_blank_email_fields_offer_no_invalid_default():
    components = _schema()["components"]["schemas"]
    for name in ["ObjectionSubmit", "ObjectionSubmitRequest", "RequestSubmitRequest"]:
        # An address, or blank: the two ways the field may be given, and no
        # default ('' is no e-mail address, so no valid default for the first).
        alternatives = components[name]["properties"]["email"]["oneOf"]
        assert [a.get("format") for a in alternatives] == ["email", None]
        assert ["default" in a for a in alternatives] == [False, False]


def test_nullable_relations_are_declared_nullable():
    components = _schema()["components"]["schemas"]
    for component, field in [
        ("Unit", "parent"),
        ("RequestList", "unit"),
        ("RequestDetail", "unit"),
        ("OfficerObjection", "request"),
        ("OfficerObjection", "unit"),
        ("OfficerComplaint", "unit"),
    ]:
        assert components[component]["properties"][field]["nullable"] is True, (
            component,
            field,
        )


def _subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


def _nullable_source(model, source: str) -> bool:
    """Whether a dotted source (unit, unit.name) can be None on `model`."""
    nullable = False
    for part in source.split("."):
        field = model._meta.get_field(part)
        if field.many_to_many or field.one_to_many:
            return False
        nullable = nullable or field.null
        model = field.related_model
        if model is None:
            break
    return nullable


def test_every_declared_field_on_a_nullable_relation_allows_null():
    """Fields declared by hand on a ModelSerializer (ModelSerializer's own fields
    get allow_null from the model) say so when their relation can be empty."""
    missing = []
    for cls in set(_subclasses(serializers.ModelSerializer)):
        if not cls.__module__.startswith("apps."):
            continue
        for name, field in cls._declared_fields.items():
            source = field.source or name
            if source == "*" or isinstance(field, relations.ManyRelatedField):
                continue
            try:
                nullable = _nullable_source(cls.Meta.model, source)
            except FieldDoesNotExist:
                continue  # a method or property: its own schema hint applies
            if nullable and not field.allow_null:
                missing.append(f"{cls.__module__}.{cls.__name__}.{name}")
    assert missing == []


@pytest.fixture
def clients(officer, units, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    no_role = APIClient()
    token = api_token_issue(user=officer(None, username="no-role"))
    no_role.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return {"anonymous": APIClient(), "officer without a role": no_role}


def _call(client, method: str, path: str):
    url = path.replace("{", "").replace("}", "")  # {number} -> number: unknown
    return client.generic(method, url, "{}", content_type="application/json")


@pytest.mark.django_db
def test_documented_security_and_errors_match_what_callers_meet(clients):
    """Anonymous callers and officers without permissions meet exactly the answers
    documented: public operations let the anonymous in, the others answer 401 or
    403, and every 4xx met is among the operation's documented responses."""
    wrong = []
    for method, path, operation in _operations(_schema()):
        public = {} in operation["security"]
        for caller, client in clients.items():
            status = _call(client, method, path).status_code
            if status >= 400 and str(status) not in operation["responses"]:
                wrong.append((caller, method, path, status, "undocumented"))
            content = operation["responses"].get(str(status), {}).get("content")
            if status >= 400 and not content:
                wrong.append((caller, method, path, status, "no error body"))
            if caller == "anonymous" and public == (status in (401, 403)):
                wrong.append((caller, method, path, status, f"public={public}"))
    assert wrong == []


def test_error_answers_follow_from_each_operation():
    operations = {(m, p): o for m, p, o in _operations(_schema())}
    for (method, path), operation in operations.items():
        codes = set(operation["responses"])
        if "requestBody" in operation:
            assert "400" in codes, (method, path)
        if "{" in path:
            assert "404" in codes, (method, path)
        if {} not in operation["security"]:
            assert {"401", "403"} <= codes, (method, path)
    submit = operations[("POST", "/api/v1/requests/")]
    assert {} in submit["security"]
    assert {"201", "400", "401", "429"} <= set(submit["responses"])
    work_list = operations[("GET", "/api/v1/requests/")]
    assert {} not in work_list["security"]
    assert {"200", "400", "401", "403", "404"} <= set(work_list["responses"])
    assert {} in operations[("GET", "/api/v1/information/")]["security"]
    assert {} not in operations[("POST", "/api/v1/information/")]["security"]


def test_deploy_checks_raise_no_schema_warning():
    messages = checks.run_checks(include_deployment_checks=True, tags=None)
    assert [m.id for m in messages if m.id.startswith("drf_spectacular")] == []
