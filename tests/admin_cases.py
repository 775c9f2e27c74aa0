"""Every URL of the back office made concrete with real objects, for every role.

The URLs come from the admin site's registry and from each ModelAdmin's
get_urls() (and the site's own get_urls()), so a newly registered model or URL
is covered without editing this file. A URL parameter this module cannot fill
raises UnresolvedURL: a new pattern is either opened or fails the test.

`admin_cases()` yields one AdminCase per (role, URL): tests/test_admin_smoke.py
asserts no server error on each; an allow/deny matrix (issue 12) can look each
case up in a table of expected outcomes instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.forms.models import _get_foreign_key
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, reverse
from django.urls.converters import IntConverter
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils import timezone

from apps.accounts.demo import OFFICERS

SUPERUSER = "superuser"
#: The demo officers (apps/accounts/demo.py) and a superuser without any role.
ROLES = tuple([username for username, *_rest in OFFICERS] + [SUPERUSER])

# The admin's own objects fill these parameters (Django's `object_id`, `<int:pk>`).
OWN_OBJECT_PARAMETERS = {"object_id", "pk", "id"}
# Each step name of a workflow admin, and one it does not have.
NO_SUCH_STEP = "no-such-step"
# Parameters whose pages depend on the object's status: opened for every sample.
STATUS_DEPENDENT_PARAMETERS = {"step"}
# Each per-object page is also opened for an object that does not exist (obj None).
MISSING_ID, NOT_AN_ID = "999999999", "no-such-object"


def _steps(model_admin) -> list[str]:
    steps = [step.name for step in getattr(model_admin, "admin_steps", ())]
    if not steps:
        raise UnresolvedURL(f"{model_admin}: where are its step names?")
    return [*steps, NO_SUCH_STEP]


def _attachments(model_admin) -> list[models.Model]:
    from apps.channels.models import Attachment

    return list(Attachment.objects.exclude(file="").order_by("pk")[:1]) + list(
        Attachment.objects.filter(file="").order_by("pk")[:1]
    )


# Values of the parameters that are not the admin's own object, by
# (URL name, parameter): function(model_admin) -> values (objects give their pk).
PARAMETER_VALUES: dict[tuple[str, str], Callable] = {
    ("info_requests_informationrequest_step", "step"): _steps,
    ("objections_objection_step", "step"): _steps,
    ("objections_dispute_step", "step"): _steps,
    ("complaints_complaint_step", "step"): _steps,
    ("reports_annualreport_download", "fmt"): lambda _admin: ["pdf", "xlsx", "doc"],
    ("channels_attachment_download", "pk"): _attachments,
}


def _period_queries() -> list[str]:
    year = timezone.localdate().year
    return [
        f"?start={year}-01-01&end={year}-12-31&format=pdf",
        f"?start={year}-01-01&end={year}-12-31&format=xlsx",
        f"?start={year}-12-31&end=kemarin&format=doc",
    ]


# Query strings opened besides the bare URL (exports, forms sent by GET), by URL name.
QUERIES: dict[str, Callable[[], list[str]]] = {
    "info_requests_informationrequest_register_book": _period_queries,
    "objections_objection_register": _period_queries,
    "core_nonworkingday_calculator": lambda: [
        f"?start={timezone.localdate().isoformat()}&days=10",
        "?start=bukan-tanggal&days=-1",
    ],
}


class UnresolvedURL(LookupError):
    """An admin URL pattern with a parameter this module has no values for."""


@dataclass(frozen=True)
class AdminURL:
    """One concrete URL. `kind`: changelist, add, change, delete, history,
    history_version, change_redirect (Django's `<id>/`), custom (get_urls()),
    action (POSTed to the changelist), autocomplete or site. `obj` is the real
    object the URL is about; None on a per-object kind means an id that does not
    exist or is malformed."""

    kind: str
    url: str
    name: str  # the URL pattern's name, or the action's name
    obj: models.Model | None = None
    method: str = "GET"
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class AdminCase:
    role: str
    url: str
    kind: str
    obj: models.Model | None
    name: str
    method: str = "GET"
    data: dict = field(default_factory=dict)

    def __str__(self):
        return f"{self.role} {self.method} {self.url} ({self.kind} {self.name})"


def admin_cases(
    users: dict[str, models.Model],
    *,
    site=admin.site,
    targets: Iterable[str] | None = None,
) -> Iterator[AdminCase]:
    """(role, URL, kind, object) of every admin URL; `users` maps role -> user.

    `targets` limits the cases to some model labels ("app.model") and/or "site".
    """
    for target in targets or admin_targets(site):
        urls = list(target_urls(target, users, site=site))
        for role in users:
            for url in urls:
                yield AdminCase(
                    role=role,
                    url=url.url,
                    kind=url.kind,
                    obj=url.obj,
                    name=url.name,
                    method=url.method,
                    data=url.data,
                )


def admin_targets(site=admin.site) -> list[str]:
    return ["site", *(model._meta.label_lower for model in site._registry)]


def target_urls(target: str, users, *, site=admin.site) -> Iterator[AdminURL]:
    if target == "site":
        yield from site_urls(site, users)
        return
    model = next(m for m in site._registry if m._meta.label_lower == target)
    yield from model_admin_urls(site._registry[model], users)


# -- objects ------------------------------------------------------------------


def request_as(user, path="/admin/"):
    request = RequestFactory().get(path)
    request.user = user
    return request


@dataclass
class Samples:
    """Real objects of one model: `every` for the change page and the workflow
    steps; `main` (fewer) for the other per-object pages (PDF, files, history)."""

    every: list = field(default_factory=list)
    main: list = field(default_factory=list)

    def add(self, obj, *, main=True):
        if obj is None:
            return
        if all(o.pk != obj.pk for o in self.every):
            self.every.append(obj)
        if main and all(o.pk != obj.pk for o in self.main):
            self.main.append(obj)


def sample_objects(model_admin, users) -> Samples:
    """main: the first object, one with each file, one with inline rows (and
    with inline files); every: also the last, one per status, the first one
    each officer sees and one on which each step is open to each officer."""
    model = model_admin.model
    rows = model._default_manager.order_by("pk")
    samples = Samples()
    samples.add(rows.first())
    samples.add(rows.last(), main=False)
    for db_field in model._meta.fields:
        if db_field.name in {"status", "stage"} and db_field.choices:
            values = rows.order_by().values_list(db_field.name, flat=True).distinct()
            for value in sorted(values):
                samples.add(rows.filter(**{db_field.name: value}).first(), main=False)
        if isinstance(db_field, models.FileField):
            samples.add(rows.exclude(**{db_field.name: ""}).first())
    for inline in model_admin.inlines:
        foreign_key = _get_foreign_key(model, inline.model, fk_name=inline.fk_name)
        related = inline.model._default_manager.order_by("pk")
        with_rows = [related]
        with_rows += [
            related.exclude(**{f.name: ""})
            for f in inline.model._meta.fields
            if isinstance(f, models.FileField)
        ]
        for queryset in with_rows:
            row = queryset.first()
            samples.add(getattr(row, foreign_key.name) if row else None)
    for user in users.values():
        queryset = model_admin.get_queryset(request_as(user))
        samples.add(queryset.order_by("pk").first(), main=False)
        _add_open_steps(model_admin, user, queryset, samples)
    return samples


def _add_open_steps(model_admin, user, queryset, samples) -> None:
    """For a case admin (apps/core/admin_steps.py): the first case on which each
    step is open to `user`, so every step a role may take is opened somewhere."""
    steps = {step.name for step in getattr(model_admin, "admin_steps", ())}
    if not steps:
        return
    request = request_as(user)

    def open_on(obj) -> set[str]:
        return {s.name for s in model_admin.open_steps(request, obj)}

    for obj in samples.every:
        steps -= open_on(obj)
    for obj in queryset.order_by("pk").iterator():
        if not steps:
            break
        found = open_on(obj) & steps
        if found:
            samples.add(obj, main=False)
            steps -= found


# -- URL patterns ---------------------------------------------------------------


def _parameters(pattern) -> tuple[list[str], int]:
    """(named parameters, number of positional groups) of a URL pattern."""
    if isinstance(pattern, RoutePattern):
        return list(pattern.converters), 0
    if isinstance(pattern, RegexPattern):
        named = list(pattern.regex.groupindex)
        return named, pattern.regex.groups - len(named)
    raise UnresolvedURL(f"unknown pattern type {type(pattern).__name__}")


def _kind(model_admin, name: str | None) -> str:
    info = f"{model_admin.opts.app_label}_{model_admin.opts.model_name}"
    if name is None:
        return "change_redirect"
    for kind in ["changelist", "add", "change", "delete", "history"]:
        if name == f"{info}_{kind}":
            return kind
    if name == f"{info}_simple_history":
        return "history_version"
    return "custom"


def _substitute(route: str, values: dict) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)


def _value(value):
    return value.pk if isinstance(value, models.Model) else value


def model_admin_urls(model_admin, users) -> Iterator[AdminURL]:
    opts = model_admin.opts
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    samples = sample_objects(model_admin, users)
    for pattern in model_admin.get_urls():
        if isinstance(pattern, URLResolver):
            raise UnresolvedURL(f"{model_admin}: nested URLs {pattern} not supported")
        yield from _pattern_urls(model_admin, pattern, samples, changelist)
    yield from _action_urls(model_admin, samples, changelist)
    yield from _autocomplete_urls(model_admin)


def _pattern_urls(model_admin, pattern: URLPattern, samples, changelist):
    name = pattern.name
    kind = _kind(model_admin, name)
    named, positional = _parameters(pattern.pattern)
    label = f"{model_admin}: {pattern.pattern} ({name})"
    if kind == "history_version":
        if named or positional != 2:
            raise UnresolvedURL(f"{label}: expected (object_id, history_id)")
        history = model_admin.model._meta.simple_history_manager_attribute
        for obj in samples.main:
            versions = getattr(obj, history).order_by("history_id")
            for version in {versions.first(), versions.last()} - {None}:
                url = reverse(f"admin:{name}", args=[obj.pk, version.history_id])
                yield AdminURL(kind, url, name, obj)
        some = getattr(model_admin.model, history).order_by("history_id").first()
        for args in [
            (samples.main[0].pk if samples.main else MISSING_ID, NOT_AN_ID),
            (NOT_AN_ID, some.history_id if some else MISSING_ID),
            (MISSING_ID, MISSING_ID),
        ]:
            yield AdminURL(kind, reverse(f"admin:{name}", args=args), name)
        return
    if positional:
        raise UnresolvedURL(f"{label}: positional parameters")
    own = [p for p in named if p in OWN_OBJECT_PARAMETERS]
    others = {}
    for parameter in named:
        if (name, parameter) in PARAMETER_VALUES:
            others[parameter] = PARAMETER_VALUES[name, parameter](model_admin)
        elif parameter not in OWN_OBJECT_PARAMETERS:
            raise UnresolvedURL(f"{label}: no values for <{parameter}>")
    own = [p for p in own if p not in others]
    if len(own) > 1:
        raise UnresolvedURL(f"{label}: several object parameters {own}")
    # The change page and the workflow steps depend on the status: every sample;
    # the other per-object pages (PDFs, files, history) need fewer.
    by_status = kind == "change" or STATUS_DEPENDENT_PARAMETERS & set(others)
    objects = samples.every if by_status else samples.main
    combinations = [{}] if not own else [{own[0]: obj} for obj in objects]
    for parameter, values in others.items():
        combinations = [{**c, parameter: v} for c in combinations for v in values]
    if own:
        missing = [MISSING_ID]
        if not isinstance(pattern.pattern.converters[own[0]], IntConverter):
            missing.append(NOT_AN_ID)
        first = {parameter: values[0] for parameter, values in others.items()}
        combinations += [{own[0]: value, **first} for value in missing]
    queries = [""] + (QUERIES[name]() if name in QUERIES else [])
    if kind == "changelist" and model_admin.search_fields:
        queries.append("?q=kutai")
    for values in combinations:
        concrete = {key: _value(value) for key, value in values.items()}
        if name is None:
            url = changelist + _substitute(str(pattern.pattern), concrete)
        else:
            url = reverse(f"admin:{name}", kwargs=concrete)
        obj = next((v for v in values.values() if isinstance(v, models.Model)), None)
        for query in queries:
            yield AdminURL(kind, url + query, name or "", obj)


def _action_urls(model_admin, samples, changelist):
    """Each action on one object, posted as the changelist does (without the
    confirmation of actions that ask for one)."""
    target = samples.main[0] if samples.main else None
    if target is None:
        return
    for _func, action, _description in model_admin._get_base_actions():
        data = {
            "action": action,
            "select_across": "0",
            "index": "0",
            admin.helpers.ACTION_CHECKBOX_NAME: str(target.pk),
        }
        yield AdminURL("action", changelist, action, target, "POST", data)


def _autocomplete_urls(model_admin):
    opts = model_admin.opts
    for field_name in model_admin.autocomplete_fields:
        url = (
            f"{reverse('admin:autocomplete')}?app_label={opts.app_label}"
            f"&model_name={opts.model_name}&field_name={field_name}&term=a"
        )
        yield AdminURL("autocomplete", url, field_name)


# -- the site's own URLs ----------------------------------------------------------


def site_urls(site, users) -> Iterator[AdminURL]:
    app_labels = sorted({model._meta.app_label for model in site._registry})
    on_site = [
        (model, obj)
        for model, model_admin in site._registry.items()
        if hasattr(model, "get_absolute_url")
        for obj in sample_objects(model_admin, users).main[:1]
    ]
    for pattern in site.get_urls():
        if isinstance(pattern, URLResolver):
            continue  # a model's URLs: model_admin_urls()
        named, positional = _parameters(pattern.pattern)
        label = f"admin site: {pattern.pattern} ({pattern.name})"
        if positional:
            raise UnresolvedURL(f"{label}: positional parameters")
        if not named:
            yield AdminURL("site", reverse(f"admin:{pattern.name}"), pattern.name)
        elif pattern.name == "app_list" and named == ["app_label"]:
            for app_label in app_labels:
                url = reverse("admin:app_list", kwargs={"app_label": app_label})
                yield AdminURL("site", url, pattern.name)
        elif pattern.name == "view_on_site":
            for model, obj in on_site:
                content_type = ContentType.objects.get_for_model(model)
                url = reverse("admin:view_on_site", args=[content_type.pk, obj.pk])
                yield AdminURL("site", url, pattern.name, obj)
        elif pattern.name is None and named == ["url"]:  # the catch-all
            yield AdminURL("site", reverse("admin:index") + "no-such-page/", "")
        else:
            raise UnresolvedURL(f"{label}: no values for {named}")
