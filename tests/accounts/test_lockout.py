"""Officer login lockout (django-axes): per account and per address, with a back-off,
the client address of TRUSTED_PROXY_COUNT, and an unlock path for Administrators."""

import datetime as dt

import pytest
import time_machine
from axes.models import AccessAttempt

from django.core.management import call_command
from django.test import Client

from apps.accounts.roles import Role

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "correct-horse-battery"
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def attempt(username, password, *, address="203.0.113.5", forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def logged_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


@pytest.fixture
def desk(officer):
    return officer(Role.PETUGAS_LAYANAN, username="petugas")


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.LOGIN_LOCKOUT_MINUTES = 15
    # Hundreds of password checks: a fast hasher keeps the file quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.django_db
class TestLockout:
    def test_thirty_wrong_passwords_then_the_right_one_is_refused(self, desk):
        with time_machine.travel(START, tick=False):
            for _ in range(30):
                assert attempt("petugas", "wrong").status_code in (200, 429)
            response = attempt("petugas", PASSWORD)
        assert response.status_code == 429
        assert not logged_in(response)
        assert "Too many failed logins" in response.content.decode()

    def test_locked_after_the_limit_and_not_before(self, desk):
        with time_machine.travel(START, tick=False):
            codes = [attempt("petugas", "wrong").status_code for _ in range(5)]
            assert codes == [200, 200, 200, 200, 429]
            assert attempt("petugas", PASSWORD).status_code == 429

    def test_four_failures_then_success_resets_the_count(self, desk):
        with time_machine.travel(START, tick=False):
            for _ in range(4):
                attempt("petugas", "wrong")
            assert logged_in(attempt("petugas", PASSWORD))
            for _ in range(4):
                attempt("petugas", "wrong")
            assert logged_in(attempt("petugas", PASSWORD))

    def test_per_account_from_any_address(self, desk):
        with time_machine.travel(START, tick=False):
            for n in range(5):
                attempt("petugas", "wrong", address=f"198.51.100.{n + 1}")
            response = attempt("petugas", PASSWORD, address="198.51.100.99")
        assert response.status_code == 429

    def test_per_address_on_any_account(self, officer, desk):
        officer(Role.PPID_UTAMA, username="utama")
        with time_machine.travel(START, tick=False):
            for n in range(5):
                attempt(f"guess{n}", "wrong", address="198.51.100.50")
            assert attempt("utama", PASSWORD, address="198.51.100.50").status_code == (
                429
            )
            # The same officer from another address is not affected.
            assert logged_in(attempt("utama", PASSWORD, address="198.51.100.51"))

    def test_forged_forwarded_for_does_not_escape_the_address_lock(
        self, settings, officer
    ):
        settings.TRUSTED_PROXY_COUNT = 0
        officer(Role.PPID_UTAMA, username="utama")
        with time_machine.travel(START, tick=False):
            for n in range(5):
                attempt(f"guess{n}", "wrong", forwarded=f"192.0.2.{n}")
            response = attempt("utama", PASSWORD, forwarded="192.0.2.200")
        assert response.status_code == 429

    def test_behind_a_proxy_the_client_address_is_locked_not_the_proxy(
        self, settings, officer
    ):
        settings.TRUSTED_PROXY_COUNT = 1
        officer(Role.PPID_UTAMA, username="utama")
        proxy = "10.0.0.2"
        with time_machine.travel(START, tick=False):
            for n in range(5):
                attempt(
                    f"guess{n}",
                    "wrong",
                    address=proxy,
                    forwarded=f"192.0.2.{n}, 198.51.100.7",
                )
            locked = attempt(
                "utama", PASSWORD, address=proxy, forwarded="1.2.3.4, 198.51.100.7"
            )
            other_client = attempt(
                "utama", PASSWORD, address=proxy, forwarded="198.51.100.8"
            )
        assert locked.status_code == 429
        assert logged_in(other_client)
        assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {
            "198.51.100.7"
        }


@pytest.mark.django_db
class TestBackOff:
    def test_the_lock_ends_after_the_cool_off(self, desk):
        with time_machine.travel(START, tick=False) as clock:
            for _ in range(5):
                attempt("petugas", "wrong")
            clock.shift(dt.timedelta(minutes=14))
            assert attempt("petugas", PASSWORD).status_code == 429
        # The refused login above counted too: 15 minutes from that one.
        with time_machine.travel(START + dt.timedelta(minutes=30), tick=False):
            assert logged_in(attempt("petugas", PASSWORD))

    def test_every_further_round_of_failures_doubles_the_lock(self, desk):
        with time_machine.travel(START, tick=False) as clock:
            for _ in range(5):
                attempt("petugas", "wrong")
            clock.shift(dt.timedelta(minutes=16))
            # Second round: five more failures within the day.
            codes = [attempt("petugas", "wrong").status_code for _ in range(5)]
            assert codes[-1] == 429
            clock.shift(dt.timedelta(minutes=16))
            assert attempt("petugas", "wrong").status_code == 429  # 30 minutes now
            clock.shift(dt.timedelta(minutes=29))
            assert attempt("petugas", PASSWORD).status_code == 429
            clock.shift(dt.timedelta(minutes=31))
            assert logged_in(attempt("petugas", PASSWORD))


@pytest.mark.django_db
class TestUnlock:
    def _lock(self):
        for _ in range(5):
            attempt("petugas", "wrong")
        assert attempt("petugas", PASSWORD).status_code == 429

    def test_axes_reset_username_unlocks(self, desk):
        with time_machine.travel(START, tick=False):
            self._lock()
            call_command("axes_reset_username", "petugas")
            assert logged_in(attempt("petugas", PASSWORD))

    def test_an_administrator_unlocks_in_the_admin(self, desk, officer):
        admin = officer(Role.ADMINISTRATOR, username="admin-officer")
        client = Client()
        client.force_login(admin)
        with time_machine.travel(START, tick=False):
            self._lock()
            changelist = client.get("/admin/axes/accessattempt/")
            assert changelist.status_code == 200
            assert "petugas" in changelist.content.decode()
            response = client.post(
                "/admin/axes/accessattempt/",
                {
                    "action": "delete_selected",
                    "_selected_action": list(
                        AccessAttempt.objects.values_list("pk", flat=True)
                    ),
                    "post": "yes",
                },
            )
            assert response.status_code == 302
            assert not AccessAttempt.objects.exists()
            assert logged_in(attempt("petugas", PASSWORD))

    def test_other_roles_cannot_unlock(self, desk, officer):
        client = Client()
        client.force_login(officer(Role.PPID_UTAMA))
        assert client.get("/admin/axes/accessattempt/").status_code == 403

    def test_password_is_never_stored_with_the_attempt(self, desk):
        with time_machine.travel(START, tick=False):
            Client().post(
                LOGIN,
                {"username": "petugas", "password": "s3cret-guess", "otp_token": "x1"},
            )
        stored = AccessAttempt.objects.get()
        assert "s3cret-guess" not in stored.post_data
        assert "x1" not in stored.post_data
