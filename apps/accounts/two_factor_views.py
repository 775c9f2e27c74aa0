"""The back office's login form (password, then the code when the officer has a
device) and the page where an officer enrols an authenticator app."""

import base64

import segno
from django_otp import login as otp_login
from django_otp import user_has_device

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from apps.accounts import two_factor

CODE_WIDGET = forms.TextInput(
    attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "size": 12}
)


class OfficerLoginForm(AdminAuthenticationForm):
    """Username and password (Axes checks the lockout first), then the code of an
    officer who has a device: a TOTP code or one recovery code."""

    otp_token = forms.CharField(
        label=_("Authentication code"),
        required=False,
        max_length=20,
        widget=CODE_WIDGET,
        help_text=_(
            "The 6 digits shown by your authenticator app, or one of your "
            "recovery codes. Leave empty if you have not set up two-factor login."
        ),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_code": _(
            "Please enter a correct username, password and authentication code. "
            "A recovery code works only once."
        ),
    }

    def clean(self):
        cleaned = super().clean()
        user = self.user_cache
        if user is not None and user_has_device(user):
            device = two_factor.verify_code(user, self.cleaned_data.get("otp_token"))
            if device is None:
                # Counts as a failed login for the lockout, like a wrong password.
                user_login_failed.send(
                    sender=__name__,
                    credentials={"username": self.cleaned_data.get("username")},
                    request=self.request,
                )
                raise ValidationError(
                    self.error_messages["invalid_code"], code="invalid_code"
                )
            user.otp_device = device  # django_otp keeps it in the session on login
        return cleaned


class ConfirmCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code shown by the app"), max_length=10, widget=CODE_WIDGET
    )


def _qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(
        scale=5, light="#fff", title=str(_("QR code for your authenticator app"))
    )


def _grouped_secret(device) -> str:
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def two_factor_setup_view(site):
    """/admin/two-factor/: enrol, see the state, or renew the recovery codes."""

    @never_cache
    @csrf_protect
    @require_http_methods(["GET", "POST"])
    def view(request):
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        context = {
            **site.each_context(request),
            "title": _("Two-factor login"),
            "required": two_factor.two_factor_required(),
        }
        template = "admin/two_factor.html"
        if user_has_device(user):
            if not two_factor.is_verified(user):
                # Changing the factors needs a session signed in with one.
                context["state"] = "reauth"
                return TemplateResponse(request, template, context)
            if request.method == "POST" and request.POST.get("action") == "renew":
                context.update(
                    state="codes", codes=two_factor.recovery_codes_issue(user=user)
                )
                return TemplateResponse(request, template, context)
            context.update(state="active", left=two_factor.recovery_codes_left(user))
            return TemplateResponse(request, template, context)

        device = two_factor.totp_device_pending(user=user)
        form = ConfirmCodeForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            codes = two_factor.totp_device_confirm(
                user=user, device=device, code=form.cleaned_data["code"]
            )
            if codes is not None:
                device.refresh_from_db()
                otp_login(request, device)
                context.update(state="codes", codes=codes, enrolled=True)
                return TemplateResponse(request, template, context)
            form.add_error(
                "code",
                _(
                    "That code is not right. Check that the time on your phone is "
                    "correct and type the code that is shown now."
                ),
            )
        context.update(
            state="enrol",
            form=form,
            qr_svg=_qr_svg(device.config_url),
            secret=_grouped_secret(device),
        )
        return TemplateResponse(request, template, context)

    return view
