"""Roles: groups with exact permissions, and who sees which unit's work."""

import pytest

from django.contrib.auth.models import AnonymousUser, Group

from apps.accounts.models import Unit
from apps.accounts.roles import (
    Role,
    can_act_on_unit,
    scope_to_user,
    sees_all_units,
    visible_unit_ids,
)


@pytest.mark.django_db
def test_every_role_exists_as_a_group():
    assert set(Group.objects.values_list("name", flat=True)) >= set(Role.values)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (
            Role.PPID_PELAKSANA,
            {
                "view_unit",
                "view_bodyprofile",
                "view_nonworkingday",
                "view_statuschange",
                "view_delivery",
            },
        ),
        (
            Role.PETUGAS_LAYANAN,
            {
                "view_unit",
                "view_bodyprofile",
                "view_nonworkingday",
                "view_statuschange",
                "view_delivery",
            },
        ),
    ],
)
def test_foundation_permissions_are_exact(role, expected):
    group = Group.objects.get(name=role)
    foundation = group.permissions.filter(
        content_type__app_label__in=["accounts", "core"]
    ).values_list("codename", flat=True)
    assert set(foundation) == expected


@pytest.mark.django_db
def test_only_utama_and_admin_may_edit_calendar_and_profile():
    editors = {
        g.name
        for g in Group.objects.filter(
            permissions__codename="change_nonworkingday"
        ).distinct()
    }
    assert editors == {Role.PPID_UTAMA, Role.ADMINISTRATOR}
    assert set(
        Group.objects.filter(permissions__codename="add_user").values_list(
            "name", flat=True
        )
    ) == {Role.ADMINISTRATOR}


@pytest.mark.django_db
def test_sync_removes_permissions_not_declared():
    from django.apps import apps
    from django.contrib.auth.models import Permission

    from apps.accounts.roles import sync_role_permissions

    group = Group.objects.get(name=Role.PPID_PELAKSANA)
    group.permissions.add(Permission.objects.get(codename="delete_unit"))
    sync_role_permissions(apps.get_app_config("accounts"))
    assert not group.permissions.filter(codename="delete_unit").exists()


@pytest.mark.django_db
class TestVisibility:
    def test_utama_sees_every_unit(self, units, officer):
        user = officer(Role.PPID_UTAMA, units=[units["bpbd"]])
        assert sees_all_units(user)
        assert visible_unit_ids(user) is None
        assert scope_to_user(Unit.objects.all(), user, "pk").count() == 4

    @pytest.mark.parametrize(
        "role", [Role.ATASAN_PPID, Role.PETUGAS_LAYANAN, Role.ADMINISTRATOR]
    )
    def test_body_wide_roles_see_every_unit(self, units, officer, role):
        assert sees_all_units(officer(role))

    def test_pelaksana_sees_own_unit_and_units_below(self, units, officer):
        user = officer(Role.PPID_PELAKSANA, units=[units["dinkes"]])
        assert visible_unit_ids(user) == {units["dinkes"].pk, units["rsud"].pk}
        scoped = scope_to_user(Unit.objects.all(), user, "pk")
        assert set(scoped) == {units["dinkes"], units["rsud"]}
        assert can_act_on_unit(user, units["rsud"].pk)
        assert not can_act_on_unit(user, units["bpbd"].pk)
        assert not can_act_on_unit(user, None)

    def test_pelaksana_without_units_sees_nothing(self, units, officer):
        user = officer(Role.PPID_PELAKSANA)
        assert scope_to_user(Unit.objects.all(), user, "pk").count() == 0

    def test_user_without_role_sees_nothing(self, units, officer):
        user = officer(None, units=[])
        assert not sees_all_units(user)
        assert scope_to_user(Unit.objects.all(), user, "pk").count() == 0

    def test_inactive_officer_sees_nothing(self, units, officer):
        user = officer(Role.PPID_UTAMA, is_active=False)
        assert scope_to_user(Unit.objects.all(), user, "pk").count() == 0

    def test_anonymous_sees_nothing(self, units):
        assert scope_to_user(Unit.objects.all(), AnonymousUser(), "pk").count() == 0

    def test_superuser_sees_everything(self, units, officer):
        user = officer(None, is_superuser=True)
        assert scope_to_user(Unit.objects.all(), user, "pk").count() == 4

    def test_visibility_costs_two_queries_once(
        self, units, officer, django_assert_num_queries
    ):
        user = officer(Role.PPID_PELAKSANA, units=[units["dinkes"]])
        with django_assert_num_queries(3):  # groups, own units, unit tree
            visible_unit_ids(user)
        with django_assert_num_queries(0):
            visible_unit_ids(user)
            user.has_role(Role.PPID_PELAKSANA)
