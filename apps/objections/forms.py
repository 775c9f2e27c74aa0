"""Public forms: find the request, file the objection, ground b with identity, and
the status lookup."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Unit
from apps.core.antispam import SpamProtectedForm
from apps.core.applicant_forms import (
    IDENTITY_ORDER,
    ApplicantFields,
    ApplicantFormMixin,
    RepresentativeFields,
)


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


class ObjectionForm(ApplicantFormMixin, RepresentativeFields, SpamProtectedForm):
    applicant_documents = True
    applicant_group_attorney = False  # as apps.objections.models.Objection
    applicant_texts = {
        "representative_name": {
            "help_text": _("Only if someone files on your behalf.")
        },
        "power_of_attorney": {
            "help_text": _("Required when a representative files. PDF, JPEG or PNG.")
        },
    }

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

    @property
    def had_files(self) -> bool:
        return bool(self.files) and bool(self.errors)


class PeriodicObjectionForm(ObjectionForm, ApplicantFields):
    """Ground b without a request: the identity is given as for a request."""

    # Not asked of an objector (apps.objections.models.Objection).
    legal_entity_decree = None
    applicant_texts = {
        **ObjectionForm.applicant_texts,
        "applicant_type": {"label": _("I object as")},
        "identity_document": {
            "help_text": _(
                "A scan or photo of your KTP (or the legalised deed). PDF, JPEG or PNG."
            )
        },
    }

    unit = forms.ModelChoiceField(
        label=_("Unit that should publish the information"),
        queryset=Unit.objects.active(),
        required=False,
        to_field_name="slug",
        empty_label=_("I don't know"),
    )

    field_order = [
        *IDENTITY_ORDER,
        "unit",
        "grounds",
        "reason",
        "purpose",
    ]
