"""Two-factor login of officers (django-otp TOTP + recovery codes) on /admin/."""

import datetime as dt
import re

import pytest
import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.test import Client

from apps.accounts import two_factor
from apps.accounts.roles import Role
from apps.accounts.tokens import api_token_issue

LOGIN = "/admin/login/?next=/admin/"
SETUP = "/admin/two-factor/"
PASSWORD = "correct-horse-battery"
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def code_for(device: TOTPDevice) -> str:
    """The authenticator app's current code, computed from the device's key."""
    number = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{number:0{device.digits}d}"


def log_in(client, username="utama", code=None):
    data = {"username": username, "password": PASSWORD}
    if code is not None:
        data["otp_token"] = code
    return client.post(LOGIN, data)


@pytest.fixture(autouse=True)
def _required(settings):
    settings.OFFICER_2FA_REQUIRED = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def clock():
    """Every test at a fixed time (TOTP codes and sessions depend on it)."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def utama(officer):
    return officer(Role.PPID_UTAMA, username="utama")


@pytest.fixture
def enrolled(utama, clock):
    """utama with a confirmed authenticator and ten recovery codes; a minute later
    (the enrolment code is used up)."""
    device = two_factor.totp_device_pending(user=utama)
    codes = two_factor.totp_device_confirm(
        user=utama, device=device, code=code_for(device)
    )
    assert codes is not None
    device.refresh_from_db()
    clock.shift(dt.timedelta(minutes=1))
    return device, codes


@pytest.mark.django_db
class TestEnrolment:
    def test_without_a_device_the_password_leads_to_the_setup_page(self, utama):
        client = Client()
        response = log_in(client)
        assert response.status_code == 302
        assert response["Location"] == SETUP
        index = client.get("/admin/")
        assert index.status_code == 302
        assert client.get("/admin/info_requests/informationrequest/").status_code == 302

    def test_enrol_with_the_apps_code_then_the_back_office_opens(self, utama):
        client = Client()
        log_in(client)
        page = client.get(SETUP)
        assert page.status_code == 200
        html = page.content.decode()
        assert "<svg" in html  # the QR code, drawn on the server
        assert "qrline" in html
        device = TOTPDevice.objects.get(user=utama, confirmed=False)
        assert client.get(SETUP).context["secret"] == page.context["secret"]
        done = client.post(SETUP, {"action": "confirm", "code": code_for(device)})
        assert done.status_code == 200
        codes = done.context["codes"]
        assert len(codes) == two_factor.RECOVERY_CODE_COUNT
        assert all(code in done.content.decode() for code in codes)
        device.refresh_from_db()
        assert device.confirmed
        assert client.get("/admin/").status_code == 200

    def test_a_wrong_code_does_not_enrol(self, utama):
        client = Client()
        log_in(client)
        client.get(SETUP)
        device = TOTPDevice.objects.get(user=utama)
        wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
        response = client.post(SETUP, {"action": "confirm", "code": wrong})
        assert response.status_code == 200
        assert response.context["form"].errors["code"]
        assert not TOTPDevice.objects.filter(confirmed=True).exists()
        assert client.get("/admin/").status_code == 302

    def test_the_setup_page_needs_a_password_login(self, utama):
        response = Client().get(SETUP)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
class TestLogin:
    def test_without_a_code_is_refused(self, enrolled):
        client = Client()
        response = log_in(client)
        assert response.status_code == 200
        assert response.context["form"].errors
        assert "_auth_user_id" not in client.session
        assert client.get("/admin/").status_code == 302

    def test_with_a_valid_totp_is_accepted(self, enrolled):
        device, _codes = enrolled
        client = Client()
        response = log_in(client, code=code_for(device))
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
        assert client.get("/admin/").status_code == 200

    def test_a_totp_code_is_not_accepted_twice(self, enrolled):
        device, _codes = enrolled
        code = code_for(device)
        assert log_in(Client(), code=code).status_code == 302
        assert log_in(Client(), code=code).status_code == 200

    def test_a_wrong_totp_is_refused(self, enrolled):
        device, _codes = enrolled
        wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
        response = log_in(Client(), code=wrong)
        assert response.status_code == 200
        assert response.context["form"].errors

    def test_a_recovery_code_works_once(self, enrolled):
        _device, codes = enrolled
        client = Client()
        response = log_in(client, code=codes[0].upper())
        assert response.status_code == 302
        assert client.get("/admin/").status_code == 200
        assert log_in(Client(), code=codes[0]).status_code == 200
        assert StaticToken.objects.count() == two_factor.RECOVERY_CODE_COUNT - 1

    def test_wrong_codes_count_towards_the_lockout(self, enrolled, settings):
        settings.AXES_FAILURE_LIMIT = 3
        codes = [log_in(Client(), code="00000000").status_code for _ in range(3)]
        assert codes == [200, 200, 429]

    def test_an_enrolled_officer_needs_the_code_even_when_not_required(
        self, enrolled, settings
    ):
        settings.OFFICER_2FA_REQUIRED = False
        assert log_in(Client()).status_code == 200

    def test_not_required_and_no_device_logs_in_with_the_password(
        self, utama, settings
    ):
        settings.OFFICER_2FA_REQUIRED = False
        client = Client()
        assert log_in(client)["Location"] == "/admin/"
        assert client.get("/admin/").status_code == 200

    def test_api_tokens_are_separate_credentials(self, utama):
        token = api_token_issue(user=utama)
        response = Client().get(
            "/api/v1/requests/", HTTP_AUTHORIZATION=f"Token {token}"
        )
        assert response.status_code == 200


@pytest.mark.django_db
class TestPasswordOnlySession:
    """Signed in with the password but not enrolled: no officer anywhere."""

    def test_the_api_session_login_is_refused(self, utama):
        client = Client()
        log_in(client)
        assert client.get("/api/v1/requests/").status_code in (401, 403)

    def test_private_files_are_refused(self, utama, units, sample_png):
        from django.core.files.uploadedfile import SimpleUploadedFile

        from tests.info_requests.factories import InformationRequestFactory

        case = InformationRequestFactory(
            unit=units["dinkes"],
            identity_document=SimpleUploadedFile("ktp.png", sample_png),
        )
        client = Client()
        log_in(client)
        response = client.get(f"/permohonan/berkas/{case.pk}/identity/")
        assert response.status_code in (302, 403)
        assert not response.get("Content-Disposition")

    def test_every_admin_page_sends_it_to_enrol(self, utama):
        client = Client()
        log_in(client)
        for path in ("/admin/", "/admin/password_change/", "/admin/auth/group/"):
            response = client.get(path)
            assert response.status_code == 302, path
            assert response["Location"] == SETUP, path

    def test_it_may_log_out(self, utama):
        client = Client()
        log_in(client)
        client.post("/admin/logout/")
        assert "_auth_user_id" not in client.session


@pytest.mark.django_db
class TestRecoveryCodesAndReset:
    def test_renewing_replaces_the_recovery_codes(self, enrolled, clock):
        device, old = enrolled
        client = Client()
        log_in(client, code=code_for(device))
        assert client.get(SETUP).context["state"] == "active"
        renewed = client.post(SETUP, {"action": "renew"})
        new = renewed.context["codes"]
        assert set(new).isdisjoint(old)
        assert log_in(Client(), code=old[1]).status_code == 200
        clock.shift(dt.timedelta(seconds=5))  # django-otp's throttle after a miss
        assert log_in(Client(), code=new[0]).status_code == 302

    def test_an_unverified_session_cannot_renew(self, enrolled, settings, utama):
        settings.OFFICER_2FA_REQUIRED = False
        client = Client()
        client.force_login(utama)  # a session without the second factor
        response = client.post(SETUP, {"action": "renew"})
        assert response.context["state"] == "reauth"
        assert StaticToken.objects.count() == two_factor.RECOVERY_CODE_COUNT

    def test_an_administrator_removes_a_lost_device(
        self, enrolled, officer, utama, clock
    ):
        device, _codes = enrolled
        admin = officer(Role.ADMINISTRATOR, username="admin-officer")
        client = Client()
        client.force_login(admin)
        # Administrators need the second factor themselves.
        assert client.get("/admin/").status_code == 302
        admin_device = two_factor.totp_device_pending(user=admin)
        two_factor.totp_device_confirm(
            user=admin, device=admin_device, code=code_for(admin_device)
        )
        admin_device.refresh_from_db()
        clock.shift(dt.timedelta(minutes=1))
        log_in(client, username="admin-officer", code=code_for(admin_device))
        assert client.get("/admin/").status_code == 200
        change = client.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/")
        assert change.status_code == 200
        assert device.key not in change.content.decode()  # the key stays hidden
        for view in ("config", "qrcode"):
            url = f"/admin/otp_totp/totpdevice/{device.pk}/{view}/"
            assert client.get(url).status_code == 403
        assert client.get("/admin/otp_totp/totpdevice/add/").status_code == 403
        client.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})
        static = StaticDevice.objects.get(user=utama)
        client.post(
            f"/admin/otp_static/staticdevice/{static.pk}/delete/", {"post": "yes"}
        )
        assert not TOTPDevice.objects.filter(user=utama).exists()
        assert not StaticDevice.objects.filter(user=utama).exists()
        # The officer enrols again after the password.
        assert log_in(Client())["Location"] == SETUP


def test_recovery_codes_look_like_codes():
    token = StaticToken.random_token()
    assert re.fullmatch(r"[a-z2-7]{8}", token)
