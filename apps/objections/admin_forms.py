"""Forms of the officers' steps on objections and disputes (each calls one service)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.widgets import NativeDateInput
from apps.objections.models import Dispute, DisputeOutcome, DisputeStage, Outcome


class DecideForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Outcome.choices)
    release_ordered = forms.CharField(
        label=_("Information the PPID must release"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the objection is upheld in full or in part."),
    )
    reasons = forms.CharField(
        label=_("Written reasons / terms agreed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Required when the PPID's decision is affirmed (Pasal 36(3))."),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class RegisterForm(forms.Form):
    start = forms.DateField(label=_("From date"), widget=NativeDateInput())
    end = forms.DateField(label=_("Until date"), widget=NativeDateInput())
    format = forms.ChoiceField(
        label=_("Format"), choices=[("xlsx", "XLSX"), ("pdf", "PDF")]
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end comes before the start."))
        return data


class DisputeRecordForm(forms.ModelForm):
    class Meta:
        model = Dispute
        fields = [
            "register_number",
            "commission_level",
            "commission_name",
            "objection",
            "request",
            "filed_on",
            "registered_on",
            "respondent_representatives",
        ]


class AdvanceForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage reached"), choices=DisputeStage.choices)
    on = forms.DateField(
        label=_("Date"),
        initial=timezone.localdate,
        widget=NativeDateInput(),
    )
    note = forms.CharField(label=_("Note"), required=False)


class HearingForm(forms.Form):
    on = forms.DateField(label=_("Hearing date"), widget=NativeDateInput())
    note = forms.CharField(label=_("Note"), required=False)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=DisputeOutcome.choices)
    on = forms.DateField(label=_("Decided on"), widget=NativeDateInput())
    summary = forms.CharField(
        label=_("What was decided"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    execution = forms.CharField(
        label=_("How it was carried out"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    court_outcome = forms.CharField(
        label=_("Outcome in court"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
