"""OpenAPI operations that say who may call them and how they fail.

drf-spectacular marks an operation public only when a view lists AllowAny; ours
often decide per method or action (get_permissions), so the permissions are asked
directly what they answer an anonymous caller. The error answers every operation
can give (400, 401, 403, 404, 429) follow from its parameters, body, permissions,
pagination and throttles, and are added unless the view documents them itself.
"""

from drf_spectacular import openapi
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework.test import APIRequestFactory

from django.contrib.auth.models import AnonymousUser

PAGINATION_PARAMETERS = {"page", "page_size"}

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
    },
    "required": ["detail"],
}
VALIDATION_ERROR_SCHEMA = {
    "type": "object",
    "description": "Each field in error with its messages, e.g. "
    '{"email": ["Enter a valid email address."]}; `detail` and `code` for an '
    "error not tied to one field (a workflow step refused, unreadable JSON).",
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
    },
    "additionalProperties": {},
}

DESCRIPTIONS = {
    "400": "Bad input: field messages, or `detail` and `code`.",
    "401": "Not authenticated, or the token is not valid.",
    "403": "Authenticated, but without the permission this needs.",
    "404": "Nothing found here (unknown number or slug, or a page past the end).",
    "429": "Too many requests from this IP; try again later.",
}


class AutoSchema(openapi.AutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(
            path, path_regex, path_prefix, method, registry
        )
        if operation is None:
            return None
        public = self._allows_anonymous()
        schemes = [
            requirement for requirement in operation.get("security", []) if requirement
        ]
        operation["security"] = [*schemes, {}] if public else schemes
        self._add_error_responses(operation, public=public, authenticates=bool(schemes))
        return operation

    def _allows_anonymous(self) -> bool:
        """Whether every permission of the view lets an anonymous caller in."""
        mock = self.view.request
        probe = self.view.initialize_request(
            getattr(APIRequestFactory(), self.method.lower())(self.path)
        )
        probe.user = AnonymousUser()
        self.view.request = probe
        try:
            return all(
                permission.has_permission(probe, self.view)
                for permission in self.view.get_permissions()
            )
        except Exception:  # noqa: BLE001 - a permission that cannot tell is not public
            return False
        finally:
            self.view.request = mock

    def _error_codes(self, operation, *, public: bool, authenticates: bool) -> list:
        parameters = operation.get("parameters", [])
        query = [
            p
            for p in parameters
            if p["in"] == "query" and p["name"] not in PAGINATION_PARAMETERS
        ]
        paginated = any(p["in"] == "query" and p["name"] == "page" for p in parameters)
        has_path_parameters = any(p["in"] == "path" for p in parameters)
        codes = []
        if operation.get("requestBody") or query:
            codes.append("400")
        if authenticates:
            codes.append("401")
        if not public:
            codes.append("403")
        if has_path_parameters or paginated:
            codes.append("404")
        if self.view.get_throttles():
            codes.append("429")
        return codes

    def _add_error_responses(self, operation, *, public: bool, authenticates: bool):
        responses = operation["responses"]
        codes = self._error_codes(operation, public=public, authenticates=authenticates)
        # Those the view documents itself get the error body too.
        codes += [code for code in DESCRIPTIONS if code in responses]
        for code in sorted(set(codes)):
            response = responses.setdefault(code, {"description": DESCRIPTIONS[code]})
            if "content" not in response:
                response["content"] = {
                    "application/json": {"schema": self._error_component(code)}
                }

    def _error_component(self, code: str) -> dict:
        name, schema = (
            ("ValidationError", VALIDATION_ERROR_SCHEMA)
            if code == "400"
            else ("Error", ERROR_SCHEMA)
        )
        component = ResolvedComponent(
            name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema
        )
        self.registry.register_on_missing(component)
        return component.ref
