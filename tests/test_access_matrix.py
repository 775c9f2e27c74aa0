"""The access matrix (apps/accounts/matrix.py) proven on the demo data: every
admin URL (tests/admin_cases.py) and every API endpoint, as every role, on
objects inside and outside the role's units, answers as the matrix says, and
nothing answers that the matrix does not list (issue 12 item 10).

The demo is loaded once for this module (tests/test_admin_smoke.py's fixture);
each request runs in a savepoint rolled back afterwards.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from rest_framework.test import APIClient

from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.test import Client

from apps.accounts import matrix
from apps.accounts.roles import Role
from apps.accounts.tokens import api_token_issue
from tests import access_matrix as am
from tests.admin_cases import admin_cases, admin_targets
from tests.test_admin_smoke import _media_in_tmp, demo  # noqa: F401 (fixtures)

# One demo officer per role; the demo's "admin" is a superuser, so the
# Administrator role gets an account of its own (matrix_users).
DEMO_USERNAMES = {
    Role.PPID_UTAMA: "utama",
    Role.PPID_PELAKSANA: "pelaksana.dinkes",
    Role.ATASAN_PPID: "atasan",
    Role.PETUGAS_LAYANAN: "petugas",
    matrix.SUPERUSER: "superuser",
}


@pytest.fixture
def matrix_users(demo):  # noqa: F811 (the imported fixture)
    from apps.accounts.models import User

    users = {str(role): demo.users[name] for role, name in DEMO_USERNAMES.items()}
    administrator = User.objects.create_user("administrator.matrix", is_staff=True)
    administrator.groups.add(Group.objects.get(name=Role.ADMINISTRATOR))
    users[str(Role.ADMINISTRATOR)] = administrator
    return users


def _expected(scope: str, where: str) -> str:
    if scope == matrix.NONE:
        return am.DENY
    if scope == matrix.OWN and where == "out":
        return am.DENY
    return am.ALLOW


def _open(client, url):
    with transaction.atomic():
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        transaction.set_rollback(True)
    return response


def _model_admin(label):
    return next(
        a for m, a in admin.site._registry.items() if m._meta.label_lower == label
    )


@pytest.mark.django_db
@pytest.mark.parametrize("target", [t for t in admin_targets() if t != "site"])
def test_admin_urls_answer_as_the_matrix_says(matrix_users, target):
    clients = {}
    for role, user in matrix_users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    wrong, reached, tried = [], defaultdict(set), defaultdict(set)
    for case in admin_cases(matrix_users, targets=[target]):
        action = am.admin_action(case)
        if action is None:
            continue  # `<id>/`: a redirect to `<id>/change/`, opened itself
        label = am.model_label(case)
        if am.is_missing_object(case):
            # An object that does not exist, a malformed id, an unknown step.
            response = _open(clients[case.role], case.url)
            if am.outcome(response, action) == am.ALLOW:
                wrong.append(f"{case}: a missing object answered")
            continue
        scopes = matrix.ADMIN.get(label, {}).get(action)
        if scopes is None:
            wrong.append(f"{case}: ({label}, {action}) is not in the matrix")
            continue
        scope = scopes.get(case.role, matrix.NONE)
        user = matrix_users[case.role]
        if case.kind == "action":
            allowed = am.action_offered(_model_admin(label), user, case.name)
            if allowed != (scope != matrix.NONE):
                wrong.append(f"{case}: action offered={allowed}, matrix {scope}")
            continue
        where = "in" if am.inside(user, label, case.obj) else "out"
        response = _open(clients[case.role], case.url)
        got = am.outcome(response, action)
        checks = [(action, scope, got)]
        if case.kind == "change" and got == am.ALLOW:
            change = scopes_of(label, "change").get(case.role, matrix.NONE)
            editable = am.ALLOW if am.page_is_editable(response) else am.DENY
            checks.append(("change", change, editable))
        for name, expected_scope, observed in checks:
            expected = _expected(expected_scope, where)
            if expected == am.ALLOW:
                tried[case.role, name].add(where)
            if name.startswith("step:") and expected == am.ALLOW:
                # A step opens only in the statuses it applies to.
                if observed == am.ALLOW:
                    reached[case.role, name].add(where)
                continue
            if observed == am.UNKNOWN:
                continue  # nothing stored to serve: neither open nor shut
            if observed != expected:
                wrong.append(
                    f"{case} [{where}]: {name} {observed}, matrix says "
                    f"{expected_scope} ({response.status_code})"
                )
            elif observed == am.ALLOW:
                reached[case.role, name].add(where)
    assert not wrong, f"{len(wrong)} answers off the matrix:\n" + "\n".join(wrong)
    # Every door the matrix opens, and a case knocked on, was opened by one of
    # them (a step opens in some status only; a file may not be stored yet).
    unreached = [
        f"{role} {action}"
        for (role, action), places in tried.items()
        if places and (role, action) not in reached
    ]
    assert not unreached, f"{target}: allowed but never reached: {unreached}"


def scopes_of(label, action) -> dict:
    return matrix.ADMIN.get(label, {}).get(action, {})


@pytest.mark.django_db
def test_api_endpoints_answer_as_the_matrix_says(matrix_users):
    clients = {matrix.ANONYMOUS: APIClient()}
    for role, user in matrix_users.items():
        clients[role] = APIClient()
        clients[role].credentials(
            HTTP_AUTHORIZATION=f"Token {api_token_issue(user=user)}"
        )
    wrong = []
    endpoints = am.api_endpoints()
    assert len(endpoints) > 30
    for name, method, pattern in endpoints:
        scopes = matrix.API.get((name, method))
        if scopes is None:
            wrong.append(f"{method.upper()} {name}: not in the matrix")
            continue
        label = am.api_label(name)
        for url, obj in am.api_urls(name, pattern):
            for caller, client in clients.items():
                user = matrix_users.get(caller)
                where = "in"
                if user is not None and obj is not None:
                    where = "in" if am.inside(user, label, obj) else "out"
                expected = _expected(scopes.get(caller, matrix.NONE), where)
                with transaction.atomic():
                    response = getattr(client, method)(url, {}, format="json")
                    transaction.set_rollback(True)
                got = am.api_outcome(response, name)
                if got == am.UNKNOWN and expected == am.ALLOW:
                    continue  # e.g. no letter yet for this request
                if got != expected and not (got == am.UNKNOWN and expected == am.DENY):
                    wrong.append(
                        f"{caller} {method.upper()} {url} [{where}]: "
                        f"{response.status_code}, matrix says "
                        f"{scopes.get(caller, matrix.NONE)}"
                    )
    assert not wrong, f"{len(wrong)} answers off the matrix:\n" + "\n".join(wrong)
    listed = set(matrix.API)
    assert listed == {(name, method) for name, method, _p in endpoints}


def test_every_registered_admin_is_in_the_matrix():
    assert set(matrix.ADMIN) == {m._meta.label_lower for m in admin.site._registry}


@pytest.mark.django_db
def test_the_matrix_never_exceeds_the_role_permissions():
    """A door the matrix opens needs the model permission behind it."""
    for label, actions in matrix.ADMIN.items():
        app_label, model_name = label.split(".")
        for action in ("view", "add", "change", "delete"):
            for role, scope in actions.get(action, {}).items():
                if role == matrix.SUPERUSER or scope == matrix.NONE:
                    continue
                codenames = {f"{action}_{model_name}"}
                if action == "view":
                    codenames.add(f"change_{model_name}")
                held = Permission.objects.filter(
                    group__name=role,
                    content_type__app_label=app_label,
                    codename__in=codenames,
                )
                assert held.exists(), (label, action, role)


def test_the_readme_role_table_is_the_matrix():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    start = readme.index("<!-- role-matrix -->\n") + len("<!-- role-matrix -->\n")
    end = readme.index("<!-- /role-matrix -->")
    assert readme[start:end] == matrix.role_table()
