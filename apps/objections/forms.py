"""Public forms: find the request, file the objection, ground b with identity, and
the status lookup."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Unit
from apps.core.antispam import SpamProtectedForm
from apps.core.validators import normalize_phone, validate_nik
from apps.info_requests.forms import FILE_ACCEPT
from apps.info_requests.models import ApplicantType


class NumberContactForm(forms.Form):
    number_label = _("Registration number of the request")
    number_help = _("As on the receipt of your request, e.g. PPID-KUTIM-2026-00012.")

    number = forms.CharField(max_length=40)
    contact = forms.CharField(
        label=_("E-mail or phone number on file"),
        max_length=200,
        help_text=_("The e-mail address or phone number you gave with the request."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].label = self.number_label
        self.fields["number"].help_text = self.number_help

    def clean_number(self):
        return self.cleaned_data["number"].strip().upper()


class StatusLookupForm(NumberContactForm):
    number_label = _("Objection number")
    number_help = _("As on the receipt of your objection, e.g. OBJ-2026-00003.")


class ObjectionForm(SpamProtectedForm):
    grounds = forms.MultipleChoiceField(
        label=_("Grounds of the objection (UU 14/2008 Pasal 35(1))"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one ground.")},
    )
    reason = forms.CharField(
        label=_("The case in your own words (kasus posisi)"),
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What happened, and what you ask the Atasan PPID to decide."),
    )
    purpose = forms.CharField(
        label=_("Purpose of use of the information"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    representative_name = forms.CharField(
        label=_("Name of the representative (kuasa)"),
        max_length=200,
        required=False,
        help_text=_("Only if someone files on your behalf."),
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
        help_text=_("Required when a representative files. PDF, JPEG or PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, windows=None, **kwargs):
        super().__init__(*args, **kwargs)
        windows = windows or {}
        self.fields["grounds"].choices = [
            (letter, window.label) for letter, window in windows.items()
        ]
        self.windows = windows
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def clean(self):
        data = super().clean()
        if data.get("representative_name") and not data.get("power_of_attorney"):
            self.add_error(
                "power_of_attorney",
                _("Attach the special power of attorney of the representative."),
            )
        return data

    @property
    def had_files(self) -> bool:
        return bool(self.files) and bool(self.errors)


class PeriodicObjectionForm(ObjectionForm):
    """Ground b without a request: the identity is given as for a request."""

    applicant_type = forms.ChoiceField(
        label=_("I object as"),
        choices=ApplicantType.choices,
        widget=forms.RadioSelect,
        initial=ApplicantType.INDIVIDUAL,
    )
    name = forms.CharField(label=_("Full name"), max_length=200)
    nik = forms.CharField(
        label=_("NIK"),
        max_length=16,
        min_length=16,
        required=False,
        help_text=_("The 16-digit number on your KTP. Required for individuals."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    address = forms.CharField(
        label=_("Address"), widget=forms.Textarea(attrs={"rows": 2}), max_length=500
    )
    phone = forms.CharField(
        label=_("Phone / WhatsApp"),
        max_length=30,
        required=False,
        help_text=_("Give a phone number or an e-mail address."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    occupation = forms.CharField(label=_("Occupation"), max_length=120, required=False)
    identity_document = forms.FileField(
        label=_("Identity document"),
        help_text=_(
            "A scan or photo of your KTP (or the legalised deed). PDF, JPEG or PNG."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
        error_messages={
            "required": _("Attach the identity document this applicant type needs.")
        },
    )
    unit = forms.ModelChoiceField(
        label=_("Unit that should publish the information"),
        queryset=Unit.objects.active(),
        required=False,
        to_field_name="slug",
        empty_label=_("I don't know"),
    )

    field_order = [
        "applicant_type",
        "name",
        "nik",
        "address",
        "phone",
        "email",
        "occupation",
        "identity_document",
        "unit",
        "grounds",
        "reason",
        "purpose",
    ]

    def clean_nik(self):
        nik = self.cleaned_data.get("nik", "").strip()
        if nik:
            validate_nik(nik)
        return nik

    def clean_phone(self):
        return normalize_phone(self.cleaned_data.get("phone", ""))

    def clean(self):
        data = super().clean()
        if data.get("applicant_type") == ApplicantType.INDIVIDUAL and not data.get(
            "nik"
        ):
            self.add_error("nik", _("An individual applicant gives their NIK."))
        if (
            not data.get("phone")
            and not data.get("email")
            and "email" not in self.errors
        ):
            self.add_error(
                "email",
                _("Give an e-mail address or a phone number so we can reach you."),
            )
        return data
