"""Officer roles as Django groups with exact permissions, and what each role may see.

Each app declares its role permissions in `apps/<app>/roles.py` as
PERMISSIONS = {role: [codename, ...]} (codenames of that app's models). After
an app migrates, its declared permissions become exactly the group's
permissions for that app: anything else of that app is removed.
"""

from __future__ import annotations

import importlib

from django.apps import apps as global_apps
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PPID_UTAMA = "PPID Utama", _("PPID Utama (lead PPID, all units)")
    PPID_PELAKSANA = "PPID Pelaksana", _("PPID Pelaksana (unit PPID)")
    ATASAN_PPID = "Atasan PPID", _("Atasan PPID (decides objections)")
    PETUGAS_LAYANAN = "Petugas Layanan", _("Petugas Layanan (service desk)")
    ADMINISTRATOR = "Administrator", _("Administrator (accounts and settings)")


# Roles that see every unit's cases and entries; the others see their own units.
ALL_UNITS_ROLES = frozenset(
    {Role.PPID_UTAMA, Role.ATASAN_PPID, Role.PETUGAS_LAYANAN, Role.ADMINISTRATOR}
)

# Permissions of apps that declare no roles.py (third-party apps, and the core,
# which knows no roles), by app label.
THIRD_PARTY_PERMISSIONS: dict[str, dict[str, list[str]]] = {
    "django_tasks_database": {
        Role.ADMINISTRATOR: ["view_dbtaskresult"],
    },
}


def declared_permissions(app_config) -> dict[str, list[str]] | None:
    """The app's {role: [codename]} or None when the app declares nothing."""
    if app_config.label in THIRD_PARTY_PERMISSIONS:
        return THIRD_PARTY_PERMISSIONS[app_config.label]
    try:
        module = importlib.import_module(f"{app_config.name}.roles")
    except ModuleNotFoundError:
        return None
    return getattr(module, "PERMISSIONS", None)


def sync_role_permissions(sender, apps=global_apps, using="default", **kwargs):
    """post_migrate: give each role exactly its declared permissions of `sender`."""
    declared = declared_permissions(sender)
    if declared is None:
        return
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_permissions = {
        p.codename: p
        for p in Permission.objects.using(using).filter(
            content_type__app_label=sender.label
        )
    }
    for role in Role:
        group, _created = Group.objects.using(using).get_or_create(name=role.value)
        wanted = set(declared.get(role, []))
        missing = wanted - set(app_permissions)
        if missing:
            raise LookupError(
                f"{sender.label}/roles.py: unknown permissions for {role}: {missing}"
            )
        current = set(
            group.permissions.filter(content_type__app_label=sender.label).values_list(
                "codename", flat=True
            )
        )
        to_remove = [app_permissions[c] for c in current - wanted]
        to_add = [app_permissions[c] for c in wanted - current]
        if to_remove:
            group.permissions.remove(*to_remove)
        if to_add:
            group.permissions.add(*to_add)


def user_roles(user) -> frozenset[str]:
    """The role names of a user, read once per user object."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_ppid_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._ppid_roles = cached
    return cached


def sees_all_units(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or bool(user_roles(user) & ALL_UNITS_ROLES)


def visible_unit_ids(user) -> frozenset[int] | None:
    """Ids of the units whose work a user may see: None means all units.

    A PPID Pelaksana sees the units they belong to and every unit below them.
    """
    if sees_all_units(user):
        return None
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_ppid_unit_ids", None)
    if cached is not None:
        return cached
    from apps.accounts.models import Unit

    own = set(user.units.values_list("id", flat=True))
    children: dict[int | None, list[int]] = {}
    for unit_id, parent_id in Unit.objects.values_list("id", "parent_id"):
        children.setdefault(parent_id, []).append(unit_id)
    result, stack = set(), list(own)
    while stack:
        unit_id = stack.pop()
        if unit_id not in result:
            result.add(unit_id)
            stack.extend(children.get(unit_id, []))
    user._ppid_unit_ids = frozenset(result)
    return user._ppid_unit_ids


def scope_to_user(queryset: models.QuerySet, user, unit_field: str = "unit"):
    """The objects of `queryset` that `user` may see, by the unit they belong to."""
    unit_ids = visible_unit_ids(user)
    if unit_ids is None:
        return queryset
    if not unit_ids:
        return queryset.none()
    return queryset.filter(**{f"{unit_field}__in": unit_ids})


def can_act_on_unit(user, unit_id: int | None) -> bool:
    unit_ids = visible_unit_ids(user)
    if unit_ids is None:
        return True
    return unit_id is not None and unit_id in unit_ids


# The core's models (apps.core knows no roles, so they are declared here): every
# officer reads the body profile, the calendar, case events and deliveries; the
# PPID Utama and the Administrator keep the profile and the calendar.
_CORE_VIEW = [
    "view_bodyprofile",
    "view_nonworkingday",
    "view_statuschange",
    "view_delivery",
]
_CORE_KEEP = [
    *_CORE_VIEW,
    "change_bodyprofile",
    "add_nonworkingday",
    "change_nonworkingday",
    "delete_nonworkingday",
]
THIRD_PARTY_PERMISSIONS["core"] = {
    Role.PPID_UTAMA: _CORE_KEEP,
    Role.PPID_PELAKSANA: _CORE_VIEW,
    Role.ATASAN_PPID: _CORE_VIEW,
    Role.PETUGAS_LAYANAN: _CORE_VIEW,
    Role.ADMINISTRATOR: _CORE_KEEP,
}

THIRD_PARTY_PERMISSIONS["auth"] = {Role.ADMINISTRATOR: ["view_group"]}

# Login security (issue 12, item 5): Administrators see failed logins and unlock an
# account (delete its access attempts), and remove a lost authenticator or the
# recovery codes of an officer (who then enrols again). Nobody adds or edits
# another officer's device.
THIRD_PARTY_PERMISSIONS["axes"] = {
    Role.ADMINISTRATOR: [
        "view_accessattempt",
        "delete_accessattempt",
        "view_accesslog",
        "view_accessfailurelog",
    ],
}
THIRD_PARTY_PERMISSIONS["otp_totp"] = {
    Role.ADMINISTRATOR: ["view_totpdevice", "delete_totpdevice"],
}
THIRD_PARTY_PERMISSIONS["otp_static"] = {
    Role.ADMINISTRATOR: ["view_staticdevice", "delete_staticdevice"],
}

# This app's own permissions (units and officers).
PERMISSIONS = {
    Role.PPID_UTAMA: ["view_unit", "add_unit", "change_unit", "view_user"],
    Role.PPID_PELAKSANA: ["view_unit"],
    Role.ATASAN_PPID: ["view_unit"],
    Role.PETUGAS_LAYANAN: ["view_unit"],
    Role.ADMINISTRATOR: [
        "view_unit",
        "add_unit",
        "change_unit",
        "view_user",
        "add_user",
        "change_user",
        # API keys: made for accounts whose rights they hold, revoked for any.
        "view_apitoken",
        "add_apitoken",
        "delete_apitoken",
    ],
}


def cases_by_unit_visible_to(user):
    """The rule of apps.core.scope: None for an officer of all units, else per model
    with a unit, the cases of the officer's units."""
    from apps.accounts.models import Unit

    if visible_unit_ids(user) is None:
        return None
    return {
        model: scope_to_user(model._default_manager.all(), user)
        for model in global_apps.get_models()
        if any(f.name == "unit" and f.related_model is Unit for f in model._meta.fields)
    }
