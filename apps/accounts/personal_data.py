"""Personal data of applicants, objectors and reporters: one rule per field and role.

Whether an officer sees a case's personal data (name, NIK, address, phone,
e-mail, identity scans) is decided here only, and the admin (forms, lists,
search, history), the API serializers, the exports and the officer e-mails all
ask `may_see()`:

- information request: the permission view_identity_informationrequest
  (PPID Utama, PPID Pelaksana, Petugas Layanan; not the Atasan PPID);
- objection: view_identity_objection (PPID Utama, Atasan PPID; not the PPID
  Pelaksana or the Petugas Layanan);
- complaint: view_complaint, except that a confidential reporter is known to
  the PPID Utama only and an anonymous one to nobody (Perpres 76/2013,
  Permenpan-RB 62/2018).

Which cases an officer sees at all (their units) is apps.accounts.roles'
business; this module decides only the fields of a case already visible.
Officer e-mails name case numbers and links, never these fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from apps.accounts.roles import Role
from apps.core.applicants import ApplicantIdentity, ReporterIdentity


def _complaint_reporter_known(user, complaint) -> bool:
    if complaint.is_anonymous:
        return False
    if complaint.is_confidential:
        return user.has_role(Role.PPID_UTAMA)
    return True


@dataclass(frozen=True)
class Rule:
    """Who sees `fields` of a model: holders of `permission`, and, for one
    object, only where `object_rule(user, obj)` also agrees. `displays` are
    admin displays built from those fields (hidden with them)."""

    fields: tuple[str, ...]
    permission: str
    object_rule: Callable | None = None
    displays: tuple[str, ...] = ()

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.fields) | frozenset(self.displays)


RULES: dict[str, Rule] = {
    "info_requests.informationrequest": Rule(
        fields=ApplicantIdentity.personal_fields,
        permission="info_requests.view_identity_informationrequest",
        displays=("identity_files",),
    ),
    "objections.objection": Rule(
        fields=ApplicantIdentity.personal_fields,
        permission="objections.view_identity_objection",
    ),
    "complaints.complaint": Rule(
        fields=ReporterIdentity.personal_fields,
        permission="complaints.view_complaint",
        object_rule=_complaint_reporter_known,
    ),
}


def _label(model_or_obj) -> str:
    return model_or_obj._meta.label_lower


def rule_for(model_or_obj) -> Rule | None:
    return RULES.get(_label(model_or_obj))


def may_see(user, model_or_obj) -> bool:
    """Whether `user` sees the personal data of this case (an object) or of the
    model's cases in general (a model: e.g. a list column)."""
    rule = rule_for(model_or_obj)
    if rule is None:
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if not user.has_perm(rule.permission):
        return False
    if rule.object_rule is not None and isinstance(model_or_obj, models.Model):
        return rule.object_rule(user, model_or_obj)
    return True


def hidden_fields(user, model_or_obj) -> frozenset[str]:
    """Field (and display) names of this model that `user` may not see."""
    rule = rule_for(model_or_obj)
    if rule is None or may_see(user, model_or_obj):
        return frozenset()
    return rule.names


def _name(entry) -> str:
    return getattr(entry, "__name__", entry) if callable(entry) else entry


def without_hidden(names, hidden: frozenset[str]) -> list:
    """`names` (field names, display callables, tuples of them) minus `hidden`."""
    kept = []
    for entry in names:
        if isinstance(entry, list | tuple):
            line = [n for n in entry if _name(n) not in hidden]
            if line:
                kept.append(line[0] if len(line) == 1 else tuple(line))
        elif _name(entry) not in hidden:
            kept.append(entry)
    return kept


class PersonalDataAdminMixin:
    """A ModelAdmin of a model in RULES: an officer who may not see its personal
    data gets no field, column, search or history entry made of it.

    Put it before the ModelAdmin base; an admin that builds its own fieldsets
    returns them through super().get_fieldsets() or `without_hidden()`.
    """

    def personal_hidden(self, request, obj=None) -> frozenset[str]:
        return hidden_fields(request.user, obj if obj is not None else self.model)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets  # the intake form: the officer types the data in
        hidden = self.personal_hidden(request, obj)
        if not hidden:
            return fieldsets
        kept = []
        for title, options in fieldsets:
            lines = without_hidden(options["fields"], hidden)
            if lines:
                kept.append((title, {**options, "fields": lines}))
        return kept

    def get_list_display(self, request):
        hidden = self.personal_hidden(request)
        return without_hidden(super().get_list_display(request), hidden)

    def get_search_fields(self, request):
        hidden = self.personal_hidden(request)
        return [
            name
            for name in super().get_search_fields(request)
            if name.lstrip("^=@").split("__")[0] not in hidden
        ]


def personal_values(obj) -> list[str]:
    """The non-empty personal values of `obj` (names of stored files included):
    what an e-mail to an officer, or a page for one who may not see them, must
    not contain."""
    rule = rule_for(obj)
    if rule is None:
        return []
    values = []
    for name in rule.fields:
        value = getattr(obj, name, "")
        value = getattr(value, "name", value)  # a FieldFile
        if value:
            values.append(str(value))
    return values
