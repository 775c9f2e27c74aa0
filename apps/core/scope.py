"""Which cases an officer sees, asked of the app that knows.

Core keeps case events and deliveries of every kind but does not know units or
roles: apps.accounts registers the rule in AppConfig.ready (`register_case_scope`).
The rule answers for a user either None (every case) or, per case model, the
queryset of the cases they see. Without a registered rule nothing is visible.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db import models

CaseScope = Callable[[object], "dict[type[models.Model], models.QuerySet] | None"]
_SCOPE: list[CaseScope] = []


def register_case_scope(scope: CaseScope) -> None:
    _SCOPE[:] = [scope]


def cases_visible_to(queryset: models.QuerySet, user) -> models.QuerySet:
    """Rows of `queryset` (content_type/object_id naming a case) of the cases
    `user` sees; rows naming no case only for an officer who sees every case."""
    if not _SCOPE:
        return queryset.none()
    visible_cases = _SCOPE[0](user)
    if visible_cases is None:
        return queryset
    visible = models.Q(pk__in=[])
    for model, cases in visible_cases.items():
        visible |= models.Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=cases.values("pk"),
        )
    return queryset.filter(visible)
