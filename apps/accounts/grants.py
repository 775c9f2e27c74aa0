"""Who may give which rights: nobody raises their own or grants what they lack.

Only a superuser makes or changes a superuser. Anyone else may grant a group
or a permission only if they hold every permission it carries, and may change
an account (its groups, units, password, API key) only if that account holds
no permission they lack: otherwise a new password or an API key for it would
let them act with its rights. Rights are read from the database, whether the
account is active or not (a deactivated PPID Utama is not "harmless").
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db.models import Count, Q


def _names(permissions) -> frozenset[str]:
    return frozenset(
        f"{app_label}.{codename}"
        for app_label, codename in permissions.values_list(
            "content_type__app_label", "codename"
        )
    )


def granted_permissions(user) -> frozenset[str]:
    """'app.codename' of every permission the account holds, itself or by group."""
    if user.pk is None:
        return frozenset()
    cached = getattr(user, "_granted_permissions", None)
    if cached is None:
        cached = _names(
            Permission.objects.filter(Q(user=user) | Q(group__user=user)).distinct()
        )
        user._granted_permissions = cached
    return cached


def grantable_permissions(actor):
    """The permissions `actor` may give (a queryset)."""
    if actor.is_superuser:
        return Permission.objects.all()
    return Permission.objects.filter(Q(user=actor) | Q(group__user=actor)).distinct()


def grantable_groups(actor):
    """The groups `actor` may give: those carrying no permission `actor` lacks."""
    if actor.is_superuser:
        return Group.objects.all()
    held = grantable_permissions(actor).values("pk")
    return Group.objects.annotate(
        foreign=Count("permissions", filter=~Q(permissions__in=held))
    ).filter(foreign=0)


def can_manage_user(actor, target) -> bool:
    """Whether `actor` may change `target`'s account, password or API key."""
    if actor.is_superuser:
        return True
    if target.is_superuser:
        return False
    return granted_permissions(target) <= granted_permissions(actor)


def manageable_users(actor):
    """The accounts `actor` may change (can_manage_user, as a queryset)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Exists, OuterRef

    users = get_user_model().objects.all()
    if actor.is_superuser:
        return users
    lacking = Permission.objects.filter(
        Q(user=OuterRef("pk")) | Q(group__user=OuterRef("pk"))
    ).exclude(pk__in=grantable_permissions(actor).values("pk"))
    return users.filter(is_superuser=False).exclude(Exists(lacking))
