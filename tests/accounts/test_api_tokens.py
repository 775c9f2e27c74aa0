"""API keys are stored as digests, shown once when made and never in full
afterwards; `manage.py drf_create_token USER` still makes one (issue 12 item 2:
the token list showed every officer's key)."""

import hashlib
import io

import pytest

from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from apps.accounts.models import ApiToken
from apps.accounts.roles import Role
from apps.accounts.tokens import api_token_issue

TOKENS = "/admin/accounts/apitoken"


def _authenticated_user(api, key):
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = api.get("/api/v1/requests/")
    return response.status_code, response.wsgi_request.user


@pytest.fixture
def api():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.mark.django_db
def test_only_the_digest_is_stored(officer):
    user = officer(Role.PPID_UTAMA)
    key = api_token_issue(user=user)
    token = ApiToken.objects.get(user=user)
    assert len(key) == 40
    assert token.digest == hashlib.sha256(key.encode()).hexdigest()
    assert token.prefix == key[:8]
    stored = [str(value) for value in ApiToken.objects.values_list().get()]
    assert key not in stored


@pytest.mark.django_db
def test_a_key_authenticates_and_a_replaced_one_does_not(api, officer):
    user = officer(Role.PPID_UTAMA)
    first = api_token_issue(user=user)
    assert _authenticated_user(api, first) == (200, user)
    second = api_token_issue(user=user)
    assert _authenticated_user(api, second) == (200, user)
    status, _user = _authenticated_user(api, first)
    assert status == 401
    # The digest itself is no key.
    status, _user = _authenticated_user(api, ApiToken.objects.get().digest[:40])
    assert status == 401


@pytest.mark.django_db
def test_an_inactive_officers_key_is_refused(api, officer):
    user = officer(Role.PPID_UTAMA, is_active=False)
    status, _user = _authenticated_user(api, api_token_issue(user=user))
    assert status == 401


@pytest.mark.django_db
def test_the_token_list_never_shows_a_key(client, officer):
    utama = officer(Role.PPID_UTAMA)
    key = api_token_issue(user=utama)
    token = ApiToken.objects.get()
    client.force_login(officer(Role.ADMINISTRATOR))
    for url in [f"{TOKENS}/", f"{TOKENS}/{token.pk}/change/", f"{TOKENS}/?q=a"]:
        response = client.get(url)
        assert response.status_code == 200
        assert key.encode() not in response.content
        assert token.digest.encode() not in response.content
    assert f"{key[:8]}…".encode() in client.get(f"{TOKENS}/").content


@pytest.mark.django_db
def test_a_key_made_in_the_admin_is_shown_once(client, api, officer):
    administrator = officer(Role.ADMINISTRATOR)
    integration = officer(None, username="integrasi.lapor")
    client.force_login(administrator)
    response = client.post(f"{TOKENS}/add/", {"user": integration.pk})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = response.context["key"]
    assert key.encode() in response.content
    assert _authenticated_user(api, key)[1] == integration
    # Afterwards: its first characters only.
    token = ApiToken.objects.get(user=integration)
    page = client.get(f"{TOKENS}/{token.pk}/change/")
    assert key.encode() not in page.content


@pytest.mark.django_db
def test_no_key_for_an_account_with_rights_the_maker_lacks(client, officer):
    """The Administrator read a confidential reporter's identity with the PPID
    Utama's key: it may not make one either."""
    utama = officer(Role.PPID_UTAMA)
    root = officer(None, username="root", is_superuser=True)
    client.force_login(officer(Role.ADMINISTRATOR))
    for target in [utama, root]:
        response = client.post(f"{TOKENS}/add/", {"user": target.pk})
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["user"]
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_an_administrator_revokes_any_key(client, officer):
    api_token_issue(user=officer(Role.PPID_UTAMA))
    token = ApiToken.objects.get()
    client.force_login(officer(Role.ADMINISTRATOR))
    response = client.post(f"{TOKENS}/{token.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_drf_create_token_prints_the_key_once_and_stores_its_digest(api, officer):
    user = officer(Role.PPID_UTAMA, username="integrasi")
    out = io.StringIO()
    call_command("drf_create_token", "integrasi", stdout=out)
    key = out.getvalue().split()[2]
    assert ApiToken.objects.get(user=user).digest == (
        hashlib.sha256(key.encode()).hexdigest()
    )
    assert _authenticated_user(api, key) == (200, user)
    with pytest.raises(CommandError, match="--reset"):
        call_command("drf_create_token", "integrasi", stdout=io.StringIO())
    out = io.StringIO()
    call_command("drf_create_token", "--reset", "integrasi", stdout=out)
    new_key = out.getvalue().split()[2]
    assert new_key != key
    assert _authenticated_user(api, key)[0] == 401
    assert _authenticated_user(api, new_key) == (200, user)
    with pytest.raises(CommandError, match="does not exist"):
        call_command("drf_create_token", "nobody", stdout=io.StringIO())


OLD_TABLE_SQL = {
    "sqlite": "CREATE TABLE authtoken_token (key varchar(40) NOT NULL PRIMARY KEY, "
    "created datetime NOT NULL, user_id bigint NOT NULL UNIQUE)",
    "postgresql": "CREATE TABLE authtoken_token (key varchar(40) NOT NULL PRIMARY "
    "KEY, created timestamp with time zone NOT NULL, user_id bigint NOT NULL UNIQUE)",
}


@pytest.mark.django_db(transaction=True)
def test_migration_hashes_the_keys_of_rest_framework_authtoken(api, officer):
    """An installation from before keeps its keys working, without the clear
    keys in its database."""
    user = officer(Role.PPID_UTAMA, username="lama")
    old_key = "0123456789abcdef0123456789abcdef01234567"
    executor = MigrationExecutor(connection)
    executor.migrate([("accounts", "0003_api_token")])
    try:
        with connection.cursor() as cursor:
            cursor.execute(OLD_TABLE_SQL[connection.vendor])
            cursor.execute(
                "INSERT INTO authtoken_token (key, created, user_id) "
                "VALUES (%s, %s, %s)",
                [old_key, "2026-03-02 01:00:00+00:00", user.pk],
            )
        executor = MigrationExecutor(connection)
        executor.migrate([("accounts", "0004_hash_existing_api_tokens")])
        token = ApiToken.objects.get(user=user)
        assert token.prefix == "01234567"
        assert token.created_at.year == 2026
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM authtoken_token")
            assert cursor.fetchone() == (0,)
        assert _authenticated_user(api, old_key) == (200, user)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS authtoken_token")
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
