"""The database refuses what full_clean() would: the constraints of units, users
and API tokens (tests/db_constraints.py). A unit's code and kind are pinned in
test_models.py."""

import pytest

from apps.accounts.models import ApiToken, Unit, User
from tests.db_constraints import covers, violates
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@covers("accounts_unit_not_own_parent")
def test_a_unit_is_not_its_own_parent(units):
    rows = Unit.objects.filter(pk=units["dinkes"].pk)
    with violates("accounts_unit_not_own_parent"):
        rows.update(parent=units["dinkes"])
    assert rows.get().parent == units["body"]


@covers("accounts.Unit.slug")
def test_unit_slugs_are_unique(units):
    with violates("accounts.Unit.slug"):
        Unit.objects.filter(pk=units["bpbd"].pk).update(slug=units["dinkes"].slug)


@covers("accounts.User.username")
def test_usernames_are_unique():
    UserFactory(username="atasan")
    with violates("accounts.User.username"):
        User.objects.bulk_create([User(username="atasan")])


def _token(user, digest):
    return ApiToken.objects.create(user=user, digest=digest, prefix=digest[:8])


@covers("accounts.ApiToken.user")
def test_one_api_token_per_user():
    user = UserFactory()
    _token(user, "a" * 64)
    with violates("accounts.ApiToken.user"):
        _token(user, "b" * 64)


@covers("accounts.ApiToken.digest")
def test_token_digests_are_unique():
    _token(UserFactory(), "a" * 64)
    with violates("accounts.ApiToken.digest"):
        _token(UserFactory(), "a" * 64)
