"""Spam protection of public forms: a per-IP rate limit in the cache, a honeypot
field, and a self-hosted captcha (django-simple-captcha) once a client is over it.
"""

from captcha.fields import CaptchaField
from django_ratelimit.core import is_ratelimited

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


def over_limit(request, *, group: str, increment: bool) -> bool:
    """Is this client past PUBLIC_FORM_RATE for `group`? Counts when `increment`."""
    return is_ratelimited(
        request,
        group=f"ppid:{group}",
        key="ip",
        rate=settings.PUBLIC_FORM_RATE,
        method=is_ratelimited.ALL,
        increment=increment,
    )


def add_bootstrap_classes(form: forms.BaseForm) -> None:
    """Give inputs Bootstrap's classes so they fit narrow (phone) screens."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(
            widget, forms.HiddenInput | forms.RadioSelect | forms.CheckboxInput
        ):
            continue
        if isinstance(widget, forms.CheckboxSelectMultiple):
            continue
        css = "form-select" if isinstance(widget, forms.Select) else "form-control"
        classes = widget.attrs.get("class", "")
        if "form-" not in classes:
            widget.attrs["class"] = f"{classes} {css}".strip()


class SpamProtectedForm(forms.Form):
    """Base of public forms: honeypot always, captcha when `require_captcha`."""

    def __init__(self, *args, require_captcha: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.require_captcha = require_captcha
        if require_captcha:
            self.fields["captcha"] = CaptchaField(
                label=_("Type the characters shown in the picture"),
                help_text=_("Many submissions came from your network; please confirm."),
            )
        add_bootstrap_classes(self)

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _("This field must stay empty."), code="honeypot"
            )
        return ""
