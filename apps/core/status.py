"""One public status page for every case kind (requests, objections, complaints).

Each case app registers its kind once (`register_status_lookup`): the lookup form
and its number field, how a number and a contact find the case, the lookup
template, the status page, the queryset of its private links and the throttle
group. Two views serve them all:

- `StatusLookupView` (GET the form; POST the number and the contact: a contact is
  personal data and never travels in a URL). One throttling policy, that of the
  status API (apps.core.drf.lookup): every lookup from a client counts against
  PUBLIC_FORM_RATE; past it, HTTP 429 and no page. A wrong number and a wrong
  contact give the same answer.
- `StatusLinkView` (GET the private link: a signed token, apps.core.tracking).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache

from apps.core.antispam import over_limit
from apps.core.cases import case_from_token, case_kind
from apps.core.tracking import make_status_token

TOO_MANY = _("Too many attempts. Please try again later.")


@dataclass(frozen=True)
class StatusLookup:
    kind: str  # a registered case kind (apps.core.cases), also its token kind
    form: type[forms.Form]
    number_field: str  # the form's field with the number; the other is "contact"
    find: Callable[[str, str], models.Model | None]
    lookup_template: str
    # The status page of a case: page(http_request, case, token).
    page: Callable[[HttpRequest, models.Model, str], HttpResponse]
    not_found: str
    throttle: str  # the rate-limit group of apps.core.antispam.over_limit
    # What a private link loads (select_related for the page).
    queryset: Callable[[], models.QuerySet] | None = None


_LOOKUPS: dict[str, StatusLookup] = {}


def register_status_lookup(lookup: StatusLookup) -> StatusLookup:
    _LOOKUPS[lookup.kind] = lookup
    return lookup


def status_lookup(kind: str) -> StatusLookup:
    return _LOOKUPS[kind]


@method_decorator(never_cache, name="dispatch")
class StatusLookupView(View):
    kind = ""
    http_method_names = ["get", "post"]

    def get(self, request):
        lookup = status_lookup(self.kind)
        return render(request, lookup.lookup_template, {"form": lookup.form()})

    def post(self, request):
        lookup = status_lookup(self.kind)
        form = lookup.form(request.POST)
        if over_limit(request, group=lookup.throttle, increment=True):
            form.add_error(None, TOO_MANY)
            return render(request, lookup.lookup_template, {"form": form}, status=429)
        if form.is_valid():
            case = lookup.find(
                form.cleaned_data[lookup.number_field], form.cleaned_data["contact"]
            )
            if case is not None:
                number = case_kind(self.kind).number(case)
                token = make_status_token(self.kind, number)
                return lookup.page(request, case, token)
            form.add_error(None, lookup.not_found)
        return render(request, lookup.lookup_template, {"form": form})


@method_decorator(never_cache, name="dispatch")
class StatusLinkView(View):
    kind = ""
    http_method_names = ["get"]

    def get(self, request, token):
        lookup = status_lookup(self.kind)
        case = case_from_token(
            token,
            kind=self.kind,
            queryset=lookup.queryset() if lookup.queryset else None,
        )
        return lookup.page(request, case, token)
