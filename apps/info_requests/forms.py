"""The public request form (/permohonan/ajukan/) and the status lookup form."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Unit
from apps.core.antispam import SpamProtectedForm, add_bootstrap_classes
from apps.core.applicant_forms import ApplicantFields, ApplicantFormMixin
from apps.info_requests.models import (
    AccessMethod,
    CopyFormat,
    DeliveryMethod,
)


class RequestForm(ApplicantFormMixin, ApplicantFields, SpamProtectedForm):
    applicant_documents = True

    information_requested = forms.CharField(
        label=_("Information requested"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Describe the information as precisely as you can (title, year)."),
    )
    purpose = forms.CharField(
        label=_("Purpose of use"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What you will use the information for (UU 14/2008 Pasal 4(3))."),
    )
    access_method = forms.ChoiceField(
        label=_("How do you want to obtain it?"),
        choices=AccessMethod.choices,
        widget=forms.RadioSelect,
        initial=AccessMethod.COPY,
    )
    copy_format = forms.ChoiceField(
        label=_("Form of the copy"),
        choices=[("", "—"), *CopyFormat.choices],
        required=False,
    )
    delivery_method = forms.ChoiceField(
        label=_("How to receive the copy"),
        choices=[("", "—"), *DeliveryMethod.choices],
        required=False,
    )
    unit = forms.ModelChoiceField(
        label=_("Unit that holds the information"),
        queryset=Unit.objects.active(),
        required=False,
        to_field_name="slug",
        empty_label=_("I don't know: the PPID Utama will route it"),
    )
    publication_consent = forms.BooleanField(
        label=_("The request and its answer may be published"),
        required=False,
        help_text=_(
            "Without your name or any other personal data, in the public log of "
            "answered requests, so the next person finds the answer too."
        ),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    @property
    def had_files(self) -> bool:
        """The browser drops chosen files when the form comes back with errors."""
        return bool(self.files) and bool(self.errors)


class StatusLookupForm(forms.Form):
    registration_number = forms.CharField(
        label=_("Registration number"),
        max_length=40,
        help_text=_("As on your receipt, e.g. PPID-KUTIM-2026-00012."),
    )
    contact = forms.CharField(
        label=_("E-mail or phone number on file"),
        max_length=200,
        help_text=_("The e-mail address or phone number you gave with the request."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_bootstrap_classes(self)

    def clean_registration_number(self):
        return self.cleaned_data["registration_number"].strip().upper()
