"""The registry of case kinds (requests, objections, complaints): what the shared
kit needs to know of each without importing the case apps.

Each case app registers its kind once in AppConfig.ready (`register_case_kind`);
the notification pipeline, the status lookup and the tracking tokens read it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.http import Http404

from apps.core.tracking import read_status_token, register_token_kind


@dataclass(frozen=True)
class CaseKind:
    name: str  # "request": also the kind of its signed status tokens
    model: type[models.Model]
    number_field: str
    label: object  # lazy, "information request"
    # The applicant's e-mail address ("" when there is none or they are anonymous).
    applicant_email: Callable[[models.Model], str]
    # The applicant's private status link (absolute).
    status_url: Callable[[models.Model], str]
    # The BodyProfile field with the prefix of its numbers (request_number_prefix).
    number_prefix_field: str = ""

    def number(self, case) -> str:
        return getattr(case, self.number_field)


_KINDS: dict[str, CaseKind] = {}


def register_case_kind(kind: CaseKind) -> CaseKind:
    """Once per kind, in its AppConfig.ready; its name is its token kind too."""
    _KINDS[kind.name] = kind
    register_token_kind(kind.name)
    return kind


def case_kind(name: str) -> CaseKind:
    return _KINDS[name]


def case_kind_of(case: models.Model) -> CaseKind:
    for kind in _KINDS.values():
        if isinstance(case, kind.model):
            return kind
    raise LookupError(f"{type(case).__name__} is not a registered case kind")


def case_kinds() -> list[CaseKind]:
    return list(_KINDS.values())


def case_from_token(token: str, *, kind: str, queryset: models.QuerySet | None = None):
    """The case of `kind` a valid status token names (from `queryset`); else 404."""
    number = read_status_token(token, kind=kind)
    if number is None:
        raise Http404
    registered = case_kind(kind)
    cases = queryset if queryset is not None else registered.model._default_manager
    case = cases.filter(**{registered.number_field: number}).first()
    if case is None:
        raise Http404
    return case
