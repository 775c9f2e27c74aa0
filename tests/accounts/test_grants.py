"""Nobody raises their own rights or grants rights they lack; only a superuser
makes a superuser (apps/accounts/grants.py, the officer admin). Issue 12 item 2:
a non-superuser Administrator gave itself superuser and PPID Utama."""

import pytest

from django.contrib.auth.models import Group, Permission

from apps.accounts.grants import can_manage_user, grantable_groups, manageable_users
from apps.accounts.models import User
from apps.accounts.roles import Role

pytestmark = pytest.mark.django_db

USERS = "/admin/accounts/user"


def _group(role) -> Group:
    return Group.objects.get(name=role)


def _account_data(user, **changes):
    """What the officer change form sends for `user`, with `changes`."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on",
        "groups": [str(g.pk) for g in user.groups.all()],
        "user_permissions": [],
        "units": [],
        "position": "",
        "nip": "",
        "phone": "",
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-05",
        "date_joined_1": "08:00:00",
    }
    return {**data, **changes}


@pytest.fixture
def administrator(officer):
    return officer(Role.ADMINISTRATOR, username="admin.sistem")


def test_an_administrator_cannot_make_itself_superuser_or_ppid_utama(
    client, administrator
):
    client.force_login(administrator)
    url = f"{USERS}/{administrator.pk}/change/"
    groups = [str(_group(Role.ADMINISTRATOR).pk), str(_group(Role.PPID_UTAMA).pk)]
    response = client.post(
        url, _account_data(administrator, is_superuser="on", groups=groups)
    )
    assert response.status_code == 200  # the form again, with an error
    assert response.context["adminform"].form.errors["groups"]
    # Without the group the flag alone is not taken either.
    response = client.post(url, _account_data(administrator, is_superuser="on"))
    assert response.status_code == 302
    administrator.refresh_from_db()
    assert not administrator.is_superuser
    assert set(administrator.groups.values_list("name", flat=True)) == {
        Role.ADMINISTRATOR
    }


def test_an_administrator_cannot_give_itself_a_permission_it_lacks(
    client, administrator
):
    identity = Permission.objects.get(codename="view_identity_informationrequest")
    client.force_login(administrator)
    response = client.post(
        f"{USERS}/{administrator.pk}/change/",
        _account_data(administrator, user_permissions=[str(identity.pk)]),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["user_permissions"]
    assert not administrator.user_permissions.exists()


def test_an_administrator_only_offers_what_it_holds(client, administrator):
    client.force_login(administrator)
    form = client.get(f"{USERS}/add/").context["adminform"].form
    assert {g.name for g in form.fields["groups"].queryset} == {Role.ADMINISTRATOR}
    response = client.get(f"{USERS}/{administrator.pk}/change/")
    form = response.context["adminform"].form
    assert "is_superuser" not in form.fields
    offered = set(form.fields["user_permissions"].queryset)
    assert offered == set(Permission.objects.filter(group__name=Role.ADMINISTRATOR))


def test_an_administrator_cannot_make_a_ppid_utama_account(client, administrator):
    client.force_login(administrator)
    response = client.post(
        f"{USERS}/add/",
        {
            "username": "utama.baru",
            "usable_password": "true",
            "password1": "Kutim-Sangatta-2026!",
            "password2": "Kutim-Sangatta-2026!",
            "first_name": "Baru",
            "last_name": "Utama",
            "email": "baru@example.go.id",
            "groups": [str(_group(Role.PPID_UTAMA).pk)],
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="utama.baru").exists()


def test_an_administrator_makes_accounts_with_the_rights_it_holds(
    client, administrator
):
    client.force_login(administrator)
    response = client.post(
        f"{USERS}/add/",
        {
            "username": "admin.kedua",
            "usable_password": "true",
            "password1": "Kutim-Sangatta-2026!",
            "password2": "Kutim-Sangatta-2026!",
            "first_name": "Kedua",
            "last_name": "Admin",
            "email": "kedua@example.go.id",
            "groups": [str(_group(Role.ADMINISTRATOR).pk)],
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    created = User.objects.get(username="admin.kedua")
    assert created.has_role(Role.ADMINISTRATOR)
    assert not created.is_superuser


@pytest.mark.parametrize("active", [True, False])
def test_an_administrator_cannot_take_over_an_account_with_more_rights(
    client, officer, administrator, active
):
    """A new password (or an API key) for the PPID Utama would give its rights;
    a deactivated account keeps them for when it is switched on again."""
    utama = officer(Role.PPID_UTAMA, username="utama", is_active=active)
    client.force_login(administrator)
    page = client.get(f"{USERS}/{utama.pk}/change/")
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    response = client.post(
        f"{USERS}/{utama.pk}/change/", _account_data(utama, email="x@evil.test")
    )
    assert response.status_code == 403
    password = f"{USERS}/{utama.pk}/password/"
    assert client.get(password).status_code == 403
    response = client.post(
        password,
        {
            "password1": "Diambil-Alih-2026!",
            "password2": "Diambil-Alih-2026!",
            "set_usable_password": "true",
        },
    )
    assert response.status_code == 403
    utama.refresh_from_db()
    assert utama.check_password("correct-horse-battery")
    assert utama.email != "x@evil.test"


def test_an_administrator_may_manage_an_account_without_rights(
    client, officer, administrator
):
    newcomer = officer(None, username="pegawai.baru")
    client.force_login(administrator)
    response = client.post(
        f"{USERS}/{newcomer.pk}/change/",
        _account_data(newcomer, email="baru@kutaitimurkab.go.id"),
    )
    assert response.status_code == 302
    newcomer.refresh_from_db()
    assert newcomer.email == "baru@kutaitimurkab.go.id"


def test_a_superuser_grants_superuser_and_every_role(client, officer):
    root = User.objects.create_superuser("root", "root@example.org", "x")
    target = officer(Role.ADMINISTRATOR, username="calon.utama")
    client.force_login(root)
    response = client.post(
        f"{USERS}/{target.pk}/change/",
        _account_data(
            target, is_superuser="on", groups=[str(_group(Role.PPID_UTAMA).pk)]
        ),
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.is_superuser
    assert target.has_role(Role.PPID_UTAMA)


def test_the_rule_itself(officer):
    administrator = officer(Role.ADMINISTRATOR)
    utama = officer(Role.PPID_UTAMA)
    other_admin = officer(Role.ADMINISTRATOR)
    root = User.objects.create_superuser("root", "root@example.org", "x")
    assert can_manage_user(administrator, other_admin)
    assert can_manage_user(administrator, administrator)
    assert not can_manage_user(administrator, utama)
    assert not can_manage_user(administrator, root)
    assert not can_manage_user(utama, administrator)  # add_user, change_user...
    assert can_manage_user(root, utama)
    assert set(manageable_users(administrator)) == {administrator, other_admin}
    assert set(grantable_groups(utama)) == {
        g
        for g in Group.objects.all()
        if not g.permissions.exclude(
            pk__in=Permission.objects.filter(group__name=Role.PPID_UTAMA)
        ).exists()
    }
