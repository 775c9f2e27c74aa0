"""The public request form (/permohonan/ajukan/) and the status lookup form."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Unit
from apps.core.antispam import SpamProtectedForm, add_bootstrap_classes
from apps.info_requests.models import (
    AccessMethod,
    ApplicantType,
    CopyFormat,
    DeliveryMethod,
)

FILE_ACCEPT = "application/pdf,image/jpeg,image/png,image/webp"


class RequestForm(SpamProtectedForm):
    applicant_type = forms.ChoiceField(
        label=_("I apply as"),
        choices=ApplicantType.choices,
        widget=forms.RadioSelect,
        initial=ApplicantType.INDIVIDUAL,
    )
    name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("As on your KTP, or the name of the legal entity or group."),
    )
    nik = forms.CharField(
        label=_("NIK"),
        max_length=16,
        min_length=16,
        required=False,
        help_text=_("The 16-digit number on your KTP. Required for individuals."),
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "pattern": "[0-9]{16}",
                "autocomplete": "off",
            }
        ),
    )
    legal_entity_decree = forms.CharField(
        label=_("Legalisation decree number"),
        max_length=120,
        required=False,
        help_text=_("Number of the SK Kemenkumham. Required for legal entities."),
    )
    address = forms.CharField(
        label=_("Address"), widget=forms.Textarea(attrs={"rows": 2}), max_length=500
    )
    phone = forms.CharField(
        label=_("Phone / WhatsApp"),
        max_length=30,
        required=False,
        help_text=_("E.g. 0812 3456 7890. Give a phone number or an e-mail address."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("The receipt and every status change are sent here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    occupation = forms.CharField(label=_("Occupation"), max_length=120, required=False)
    identity_document = forms.FileField(
        label=_("Identity document"),
        required=False,
        help_text=_(
            "Individual: a scan or photo of your KTP. Legal entity: the legalised "
            "deed. Group: the KTP of the attorney. PDF, JPEG or PNG."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
    )
    representative_name = forms.CharField(
        label=_("Name of the representative (kuasa)"),
        max_length=200,
        required=False,
        help_text=_("Only if someone applies on your behalf; required for groups."),
    )
    representative_address = forms.CharField(
        label=_("Address of the representative"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    representative_phone = forms.CharField(
        label=_("Phone of the representative"), max_length=30, required=False
    )
    power_of_attorney = forms.FileField(
        label=_("Power of attorney (surat kuasa khusus)"),
        required=False,
        help_text=_("Required when a representative applies. PDF, JPEG or PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
    )
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

    def clean(self):
        data = super().clean()
        applicant_type = data.get("applicant_type")
        has_identity = bool(data.get("identity_document"))
        if applicant_type == ApplicantType.INDIVIDUAL and not data.get("nik"):
            self.add_error("nik", _("An individual applicant gives their NIK."))
        if applicant_type and not has_identity:
            self.add_error(
                "identity_document",
                _("Attach the identity document this applicant type needs."),
            )
        representative = data.get("representative_name")
        if (
            applicant_type == ApplicantType.COMMUNITY_GROUP or representative
        ) and not data.get("power_of_attorney"):
            self.add_error(
                "power_of_attorney",
                _("Attach the special power of attorney of the representative."),
            )
        return data

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
