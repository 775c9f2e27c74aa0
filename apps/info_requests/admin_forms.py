"""Forms of the officers' back office for requests: intake and each workflow step."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Unit
from apps.core.applicant_forms import ApplicantFormMixin
from apps.core.applicants import APPLICANT_FIELDS
from apps.core.periods import PASAL_17_LETTERS
from apps.core.widgets import NativeDateInput
from apps.info_requests.models import (
    CopyFormat,
    DeliveryMethod,
    InformationRequest,
    NoticeControl,
    NoticeDecision,
    RefusalReason,
)

PASAL_17_CHOICES = [(letter, letter) for letter in PASAL_17_LETTERS]


class OfficerIntakeForm(ApplicantFormMixin, forms.ModelForm):
    """An officer records a request that came by walk-in, letter, phone, e-mail or
    social media, with the actual time of receipt (earlier allowed, future refused)."""

    applicant_check_files = True

    class Meta:
        model = InformationRequest
        fields = [
            "channel",
            "received_at",
            *APPLICANT_FIELDS,
            "information_requested",
            "purpose",
            "access_method",
            "copy_format",
            "delivery_method",
            "unit",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_at"].initial = timezone.now
        self.fields["received_at"].help_text = _(
            "When the request actually arrived (the deadline counts from this day)."
        )


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.active())
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea)


class AskCompletionForm(forms.Form):
    missing = forms.CharField(
        label=_("What the applicant must complete"), widget=forms.Textarea
    )


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea)


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("Written reason for the extension"),
        widget=forms.Textarea,
        help_text=_("UU 14/2008 Pasal 22(8): the applicant receives this reason."),
    )


class DecideForm(forms.Form):
    control = forms.ChoiceField(
        label=_("Control of the information"), choices=NoticeControl.choices
    )
    holding_body = forms.CharField(
        label=_("Body that holds the information"), required=False, max_length=200
    )
    decision = forms.ChoiceField(label=_("Decision"), choices=NoticeDecision.choices)
    refusal_reason = forms.ChoiceField(
        label=_("Reason for refusal"),
        choices=[("", "—"), *RefusalReason.choices],
        required=False,
    )
    exemption_letters = forms.MultipleChoiceField(
        label=_("UU 14/2008 Pasal 17 letters"),
        choices=PASAL_17_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    exemption_reference = forms.CharField(
        label=_("Exempt register entry"), required=False, max_length=300
    )
    information_given = forms.CharField(
        label=_("Information given"), required=False, widget=forms.Textarea
    )
    redactions = forms.CharField(
        label=_("Blacked-out parts and reasons"), required=False, widget=forms.Textarea
    )
    form_given = forms.ChoiceField(
        label=_("Form"), choices=[("", "—"), *CopyFormat.choices], required=False
    )
    delivery_method = forms.ChoiceField(
        label=_("Delivered by"),
        choices=[("", "—"), *DeliveryMethod.choices],
        required=False,
    )
    cost = forms.DecimalField(
        label=_("Copying and delivery cost (Rp)"),
        min_value=0,
        decimal_places=0,
        initial=0,
    )
    payment_method = forms.CharField(
        label=_("Payment method"), required=False, max_length=200
    )
    time_needed = forms.CharField(
        label=_("Time needed"), required=False, max_length=200
    )
    explanation = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea
    )


class DocumentForm(forms.Form):
    upload = forms.FileField(label=_("File"))


class RegisterBookForm(forms.Form):
    start = forms.DateField(label=_("From date"), widget=NativeDateInput())
    end = forms.DateField(label=_("Until date"), widget=NativeDateInput())
    format = forms.ChoiceField(
        label=_("Format"), choices=[("xlsx", "XLSX"), ("pdf", "PDF")], initial="xlsx"
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise ValidationError(_("The period ends before it starts."))
        return data
