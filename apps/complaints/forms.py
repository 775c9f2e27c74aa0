"""Public forms of the complaint service (they parse; services.py decides)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Unit
from apps.complaints.models import Classification
from apps.core.antispam import SpamProtectedForm
from apps.core.applicant_forms import ReporterFormMixin
from apps.core.widgets import NativeDateInput


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ComplaintForm(ReporterFormMixin, SpamProtectedForm):
    IDENTIFIED, ANONYMOUS = "identified", "anonymous"
    # The choice wins: whatever was typed in the identity fields is dropped.
    reporter_anonymous_drops_identity = True

    form_token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    identity = forms.ChoiceField(
        label=_("How do you want to report?"),
        choices=[
            (IDENTIFIED, _("With my name and contact")),
            (ANONYMOUS, _("Anonymously")),
        ],
        initial=IDENTIFIED,
        widget=forms.RadioSelect,
        help_text=_(
            "Anonymous: we store no name or contact; you get a secret code to "
            "follow the status, and we cannot ask you questions."
        ),
    )
    is_confidential = forms.BooleanField(
        label=_("Keep my identity confidential"),
        required=False,
        help_text=_(
            "Only the PPID Utama sees your name and contact; the unit concerned "
            "does not. Recommended for whistle-blowing."
        ),
    )
    reporter_name = forms.CharField(
        label=_("Name (as on your KTP)"), max_length=150, required=False
    )
    reporter_nik = forms.CharField(
        label=_("NIK (optional)"),
        max_length=16,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    reporter_phone = forms.CharField(
        label=_("Phone or WhatsApp"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    reporter_email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    classification = forms.ChoiceField(
        label=_("Kind of report"), choices=Classification.choices
    )
    unit = forms.ModelChoiceField(
        label=_("Unit concerned"),
        queryset=Unit.objects.active(),
        required=False,
        empty_label=_("I do not know"),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What happened?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
    )
    event_date = forms.DateField(
        label=_("Date of the event"),
        required=False,
        widget=NativeDateInput(),
    )
    event_place = forms.CharField(
        label=_("Place of the event"), max_length=255, required=False
    )
    latitude = forms.DecimalField(
        label=_("Latitude (optional)"),
        required=False,
        min_value=-90,
        max_value=90,
        max_digits=9,
        decimal_places=6,
    )
    longitude = forms.DecimalField(
        label=_("Longitude (optional)"),
        required=False,
        min_value=-180,
        max_value=180,
        max_digits=9,
        decimal_places=6,
    )
    attachments = MultipleFileField(
        label=_("Evidence (photos or PDF, optional)"),
        required=False,
        help_text=_("Up to 5 files."),
    )

    def reporter_is_anonymous(self, data) -> bool:
        return data.get("identity") == self.ANONYMOUS


class StatusLookupForm(SpamProtectedForm):
    tracking_number = forms.CharField(label=_("Tracking number"), max_length=40)
    contact = forms.CharField(
        label=_("E-mail, phone number or secret code"),
        max_length=150,
        help_text=_(
            "The e-mail or phone you gave, or the secret code of an anonymous report."
        ),
    )
