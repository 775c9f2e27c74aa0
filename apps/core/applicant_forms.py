"""The applicant's fields in forms: the public forms of requests and objections,
the officers' intake forms, and the complaint variant (apps.core.applicants)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.core.applicants import (
    APPLICANT_FIELDS,
    IDENTITY_FIELDS,
    REPORTER_FIELDS,
    REPORTER_NAMES,
    REPRESENTATIVE_FIELDS,
    ApplicantType,
    applicant_errors,
    clean_phone_value,
    clean_reporter,
)
from apps.core.files import IDENTITY_KINDS, validate_upload

FILE_ACCEPT = "application/pdf,image/jpeg,image/png,image/webp"
# The order the public forms ask in: who applies, then who acts for them.
IDENTITY_ORDER = ("applicant_type", *IDENTITY_FIELDS, "identity_document")
REPRESENTATIVE_ORDER = (*REPRESENTATIVE_FIELDS, "power_of_attorney")


class ApplicantFormMixin:
    """Cleans whichever applicant fields a form has, by the one set of rules.

    Each field is normalised on its own (phones in E.164); then the rules
    (`applicant_errors`: the NIK, the type's requirements, a contact) run on the
    fields that passed. A
    ModelForm of an ApplicantIdentity model leaves those to the model's
    `clean()`, which applies the same rules. Put it before the form base.
    """

    # The public forms ask for the identity document and, with a representative
    # (or for a group), the power of attorney.
    applicant_documents = False
    # A community group acts through an attorney (apps.core.applicants).
    applicant_group_attorney = True
    # Check uploads by their content here (the services check them otherwise).
    applicant_check_files = False
    # {field: {"label": ..., "help_text": ...}}: a form's own wording.
    applicant_texts: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, texts in self.applicant_texts.items():
            if name in self.fields:
                for attribute, text in texts.items():
                    setattr(self.fields[name], attribute, text)

    def clean_nik(self):
        return (self.cleaned_data.get("nik") or "").strip()  # checked with the rules

    def clean_phone(self):
        return clean_phone_value(self.cleaned_data.get("phone"))

    def clean_representative_phone(self):
        return clean_phone_value(self.cleaned_data.get("representative_phone"))

    def _clean_upload(self, name):
        upload = self.cleaned_data.get(name)
        if upload and self.applicant_check_files:
            validate_upload(upload, IDENTITY_KINDS)
        return upload

    def clean_identity_document(self):
        return self._clean_upload("identity_document")

    def clean_power_of_attorney(self):
        return self._clean_upload("power_of_attorney")

    def clean(self):
        data = super().clean()
        if isinstance(self, forms.BaseModelForm):
            return data  # ApplicantIdentity.clean() runs the same rules
        values = {
            name: data[name]
            for name in APPLICANT_FIELDS
            if name in self.fields and name in data
        }
        errors = applicant_errors(
            values,
            documents=self.applicant_documents,
            group_attorney=self.applicant_group_attorney,
        )
        for field, messages in errors.items():
            self.add_error(field if field in self.fields else None, messages)
        return data


class RepresentativeFields(forms.Form):
    """Someone who applies or files on the applicant's behalf (kuasa)."""

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


class ApplicantFields(RepresentativeFields):
    """The applicant's identity as the public forms ask it (Perki 1/2021)."""

    field_order = [*IDENTITY_ORDER, *REPRESENTATIVE_ORDER]

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


class ReporterFormMixin:
    """The complaint variant: the reporter_ fields, checked by `clean_reporter`.

    An anonymous report keeps no identity and cannot be confidential. Where the
    form asks the choice apart from the fields (the public form), the choice wins
    and what was typed is dropped; elsewhere typed identity is refused.
    """

    reporter_anonymous_drops_identity = False

    def reporter_is_anonymous(self, data) -> bool:
        return bool(data.get("is_anonymous"))

    def clean(self):
        data = super().clean()
        anonymous = self.reporter_is_anonymous(data)
        if anonymous:
            data["is_confidential"] = False
            if self.reporter_anonymous_drops_identity:
                data.update(dict.fromkeys(REPORTER_FIELDS, ""))
        if any(field in self.errors for field in REPORTER_FIELDS):
            return data
        try:
            identity = clean_reporter(
                is_anonymous=anonymous,
                **{key: data.get(field) or "" for key, field in REPORTER_NAMES.items()},
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            data.update({REPORTER_NAMES[key]: value for key, value in identity.items()})
        return data
