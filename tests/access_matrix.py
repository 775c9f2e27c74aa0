"""What an admin or API answer means for the access matrix (apps/accounts/matrix.py).

`admin_action(case)` names the matrix action an admin URL of tests/admin_cases.py
exercises; `outcome(response)` says whether the answer let the officer in.
"""

from __future__ import annotations

from apps.accounts import matrix
from apps.accounts.roles import visible_unit_ids
from tests.admin_cases import MISSING_ID, NO_SUCH_STEP, NOT_AN_ID

ALLOW, DENY, UNKNOWN = "allow", "deny", "unknown"


def admin_action(case) -> str | None:
    """The matrix action of an admin case; None for the site's own pages."""
    if case.kind in {"site", "change_redirect"}:
        return None  # the site's pages; `<id>/` only redirects to `<id>/change/`
    if case.kind in {"changelist", "change", "history"}:
        return "view"
    if case.kind == "history_version":
        return "view"
    if case.kind in {"add", "delete"}:
        return case.kind
    if case.kind == "autocomplete":
        return "view"
    if case.kind == "action":
        return f"action:{case.name}"
    if case.kind == "custom":
        action = matrix.ADMIN_URL_ACTIONS.get(case.name)
        if action is None:
            raise LookupError(f"{case.name}: not in matrix.ADMIN_URL_ACTIONS")
        if action == "step":
            step = case.url.rstrip("/").rsplit("/", 1)[-1]
            return f"step:{step}"
        return action
    raise LookupError(f"{case}: unknown kind")


def action_offered(model_admin, user, name: str) -> bool:
    """Whether the changelist offers `user` the action `name` (it must open)."""
    from tests.admin_cases import request_as

    request = request_as(user)
    return model_admin.has_view_or_change_permission(
        request
    ) and name in model_admin.get_actions(request)


def is_missing_object(case) -> bool:
    return (
        f"/{MISSING_ID}/" in case.url
        or f"/{NOT_AN_ID}/" in case.url
        or (NO_SUCH_STEP in case.url)
    )


def model_label(case) -> str:
    """The model an admin URL belongs to, from its URL (/admin/<app>/<model>/)."""
    parts = case.url.split("?")[0].strip("/").split("/")
    if case.kind == "autocomplete":
        query = dict(p.split("=", 1) for p in case.url.split("?", 1)[1].split("&"))
        return f"{query['app_label']}.{query['model_name']}"
    return f"{parts[1]}.{parts[2]}"


def unit_id_of(label: str, obj) -> int | None:
    path = matrix.UNIT_OF.get(label)
    if path is None or obj is None:
        return None
    value = obj
    for part in path.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value.pk


def inside(user, label: str, obj) -> bool:
    """Whether `obj` lies in `user`'s units (objects without a unit: only for
    officers of all units); for an officer account: one whose rights `user`
    holds (apps.accounts.grants)."""
    if obj is None:
        return True  # a list, an add form, an export: no object to be outside
    if label in ("core.statuschange", "core.delivery"):
        from apps.core.models import Delivery, StatusChange

        model = StatusChange if label == "core.statuschange" else Delivery
        return model.objects.visible_to(user).filter(pk=obj.pk).exists()
    if label == "accounts.user":
        from apps.accounts.grants import can_manage_user

        return can_manage_user(user, obj)
    if label not in matrix.UNIT_OF:
        return True
    unit_ids = visible_unit_ids(user)
    if unit_ids is None:
        return True
    unit_id = unit_id_of(label, obj)
    return unit_id is not None and unit_id in unit_ids


# Actions serving a stored file or a format: a 404 there means nothing to
# serve (no letter yet, an unknown format), not a refusal.
NOTHING_TO_SERVE = {"file", "export"}


def outcome(response, action: str = "") -> str:
    if response.status_code == 404 and action in NOTHING_TO_SERVE:
        return UNKNOWN
    if response.status_code == 200:
        return ALLOW
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.rstrip("/") in {"/admin"} or "/admin/login/" in location:
            return DENY  # Django's "does not exist" or login redirect
        return ALLOW
    return DENY


def page_is_editable(response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    return b'name="_save"' in response.content


# -- the API -----------------------------------------------------------------

HANDLERS = ("get", "post", "put", "patch", "delete")


def api_endpoints() -> list[tuple[str, str, object]]:
    """(URL name, HTTP method, pattern) of every endpoint under /api/v1/."""
    from django.urls import URLResolver, get_resolver

    found, seen = [], set()

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
                continue
            if "<format>" in str(pattern.pattern):
                continue  # DRF's format-suffix twins of the same view
            callback = pattern.callback
            actions = getattr(callback, "actions", None)
            if actions:
                # DRF adds "head" to a viewset's actions at its first GET (the
                # same handler as GET): the matrix lists GET.
                methods = [m for m in actions if m in HANDLERS]
            else:
                view = getattr(callback, "cls", None) or getattr(
                    callback, "view_class", None
                )
                methods = [m for m in HANDLERS if hasattr(view, m)]
            for method in methods:
                if (pattern.name, method) not in seen:
                    seen.add((pattern.name, method))
                    found.append((pattern.name, method, pattern))

    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and pattern.namespace == "api":
            walk(pattern.url_patterns)
    return found


def api_objects(name: str) -> list:
    """Demo objects for an endpoint's URL: one per unit kind is enough, first
    and last (inside and outside a Pelaksana's units)."""
    from apps.accounts.models import Unit
    from apps.complaints.models import Complaint
    from apps.info_requests.models import InformationRequest
    from apps.objections.models import Objection
    from apps.registers.models import ExemptInformation, InformationItem

    model = {
        "request": InformationRequest,
        "complaint": Complaint,
        "objection": Objection,
        "information": InformationItem,
        "exemption": ExemptInformation,
        "unit": Unit,
    }[name.split("-")[0]]
    rows = model._default_manager.order_by("pk")
    if model is InformationItem:
        from apps.registers.selectors import public_items

        rows = public_items().order_by("pk")  # drafts are nobody's public page
    objects = {o.pk: o for o in [rows.first(), rows.last()] if o is not None}
    if "unit" in [f.name for f in model._meta.fields]:
        for unit_id in rows.values_list("unit", flat=True).distinct():
            obj = rows.filter(unit=unit_id).first()
            objects.setdefault(obj.pk, obj)
    return list(objects.values())


API_URL_VALUES = {
    "registration_number": lambda obj: obj.registration_number,
    "number": lambda obj: obj.number,
    "pk": lambda obj: obj.pk,
    "slug": lambda obj: obj.slug,
}


def api_urls(name: str, pattern) -> list[tuple[str, object]]:
    """(URL, object) for an endpoint: objects from the demo for its parameter."""
    from django.urls import reverse

    parameters = list(getattr(pattern.pattern, "converters", {})) or list(
        pattern.pattern.regex.groupindex
    )
    if not parameters:
        return [(reverse(f"api:{name}"), None)]
    (parameter,) = parameters
    return [
        (reverse(f"api:{name}", kwargs={parameter: API_URL_VALUES[parameter](o)}), o)
        for o in api_objects(name)
    ]


# Endpoints where a 404 is an answer behind the door (no such case for that
# contact; no letter yet), not a refusal.
NOT_FOUND_IS_AN_ANSWER = {"request-status", "complaint-status", "objection-status"}
NOT_FOUND_MAY_BE_EMPTY = {"request-letter"}


def api_outcome(response, name: str = "") -> str:
    """Let in: any answer but 401, 403, 404, 405 (a 400 is the input refused
    after the door opened)."""
    if response.status_code == 404 and name in NOT_FOUND_IS_AN_ANSWER:
        return ALLOW
    if response.status_code == 404 and name in NOT_FOUND_MAY_BE_EMPTY:
        return UNKNOWN
    return DENY if response.status_code in (401, 403, 404, 405) else ALLOW


def api_label(name: str) -> str:
    from apps.complaints.models import Complaint
    from apps.info_requests.models import InformationRequest
    from apps.objections.models import Objection
    from apps.registers.models import ExemptInformation, InformationItem

    model = {
        "request": InformationRequest,
        "complaint": Complaint,
        "objection": Objection,
        "information": InformationItem,
        "exemption": ExemptInformation,
    }.get(name.split("-")[0])
    return model._meta.label_lower if model else ""
