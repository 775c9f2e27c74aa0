"""In a real browser: the Content-Security-Policy blocks nothing the portal needs,
on the public pages and in the admin, and an officer enrols and signs in with
two-factor login through the forms."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts.roles import Role

PASSWORD = "correct-horse-battery"
PUBLIC = [
    "/",
    "/informasi/",
    "/permohonan/ajukan/",
    "/pengaduan/ajukan/",
    "/keberatan/ajukan/",
    "/statistik/",
    "/halaman/tata-cara/",
]
ADMIN = [
    "/admin/",
    "/admin/info_requests/informationrequest/",
    "/admin/info_requests/informationrequest/add/",
    "/admin/complaints/complaint/",
    "/admin/pages/page/",
    "/admin/two-factor/",
]


def csp_watch(page) -> list[str]:
    """Collects every Content-Security-Policy refusal the page reports."""
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return refused


def _code(device: TOTPDevice) -> str:
    device.refresh_from_db()
    number = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{number:0{device.digits}d}"


def test_public_pages_work_under_the_policy(demo_site, new_page):
    page = new_page()
    refused = csp_watch(page)
    for path in PUBLIC:
        response = page.goto(demo_site.url + path)
        assert response.status == 200, path
        assert "default-src 'none'" in response.headers["content-security-policy"]
    assert refused == []


@pytest.mark.django_db(transaction=True)
def test_enrol_and_sign_in_with_two_factor_then_the_admin_works(
    demo_site, new_page, officer, settings
):
    settings.OFFICER_2FA_REQUIRED = True
    user = officer(Role.PPID_UTAMA, username="utama")
    base = demo_site.url
    page = new_page()
    refused = csp_watch(page)

    page.goto(base + "/admin/login/")
    page.fill("#id_username", "utama")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(base + "/admin/two-factor/")
    assert page.locator(".two-factor-qr svg").count() == 1
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page.fill("#id_code", _code(device))
    page.locator("input[type=submit]").click()
    codes = page.locator(".two-factor-codes code").all_inner_texts()
    assert len(codes) == 10

    # A new browser: password alone is refused, password and code let in.
    other = new_page()
    refused_other = csp_watch(other)
    other.goto(base + "/admin/login/")
    other.fill("#id_username", "utama")
    other.fill("#id_password", PASSWORD)
    other.locator("input[type=submit]").click()
    assert other.locator(".errornote").count() >= 1
    other.fill("#id_password", PASSWORD)
    other.fill("#id_otp_token", codes[0])
    other.locator("input[type=submit]").click()
    other.wait_for_url(base + "/admin/")
    for path in ADMIN:
        response = other.goto(base + path)
        assert response.status == 200, path
    assert refused == []
    assert refused_other == []
