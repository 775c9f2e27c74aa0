"""Two-factor login of officers (django-otp): a TOTP authenticator app and
single-use recovery codes.

Each officer has at most one confirmed TOTP device ("Authenticator app") and one
static device ("Recovery codes"). An officer with a device always signs in with a
code; with OFFICER_2FA_REQUIRED an officer without one must enrol before the back
office opens. API tokens are separate credentials and are not affected.
"""

from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.db import transaction

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def two_factor_required() -> bool:
    return bool(settings.OFFICER_2FA_REQUIRED)


def is_verified(user) -> bool:
    """Did this session sign in with a second factor (OTPMiddleware, otp login)?"""
    return getattr(user, "otp_device", None) is not None


def needs_enrolment(user) -> bool:
    """2FA is required and this officer has no device yet."""
    return two_factor_required() and not user_has_device(user)


def _normal(code: str) -> str:
    return "".join((code or "").split()).lower()


def verify_code(user, code: str):
    """The confirmed device that accepts `code` (used up if a recovery code), or
    None. Six digits are tried as a TOTP code, anything else as a recovery code,
    so that a mistyped code counts against one device's throttle only."""
    code = _normal(code)
    if not code:
        return None
    is_totp = code.isdigit() and len(code) == 6
    model = TOTPDevice if is_totp else StaticDevice
    with transaction.atomic():
        devices = model.objects.devices_for_user(user, confirmed=True)
        for device in devices.select_for_update():
            if device.verify_token(code):
                return device
    return None


def totp_device_pending(*, user) -> TOTPDevice:
    """The officer's unconfirmed TOTP device (made once, so reloading the setup
    page keeps the same QR code)."""
    device = (
        TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    )
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=TOTP_DEVICE_NAME, confirmed=False
        )
    return device


def recovery_codes_issue(*, user) -> list[str]:
    """Replace the officer's recovery codes with RECOVERY_CODE_COUNT new ones."""
    with transaction.atomic():
        device = StaticDevice.objects.filter(user=user).order_by("pk").first()
        if device is None:
            device = StaticDevice.objects.create(
                user=user, name=RECOVERY_DEVICE_NAME, confirmed=True
            )
        StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(
            StaticToken(device=device, token=code) for code in codes
        )
    return codes


def totp_device_confirm(*, user, device: TOTPDevice, code: str):
    """unconfirmed → confirmed when `code` is the app's current code. Removes any
    other TOTP device of the officer and issues fresh recovery codes.
    Returns the recovery codes, or None for a wrong code."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(
            pk=device.pk, user=user, confirmed=False
        )
        if not device.verify_token(_normal(code)):
            return None
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return recovery_codes_issue(user=user)


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()
