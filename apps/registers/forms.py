"""Back-office forms of the registers (admin); they parse, the services write."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Unit
from apps.accounts.roles import scope_to_user
from apps.core.files import DOCUMENT_KINDS, IDENTITY_KINDS, validate_upload
from apps.core.periods import PASAL_17_CHOICES
from apps.registers.models import (
    Announcement,
    Category,
    Document,
    ExemptInformation,
    InformationItem,
)


def unit_choices_for(user):
    return scope_to_user(Unit.objects.active(), user, unit_field="pk")


class DocumentInlineForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["title", "file", "external_url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A stored file is never replaced in place: remove it and add a new one.
            # (Shown read-only, for officers who may only view, they are no fields.)
            for name in ["file", "external_url"]:
                if name in self.fields:
                    self.fields[name].disabled = True

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and not self.instance.pk and hasattr(upload, "content_type"):
            validate_upload(
                upload, kinds=DOCUMENT_KINDS, max_mb=settings.REGISTERS_MAX_DOCUMENT_MB
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        one_of_two = bool(cleaned.get("file")) != bool(cleaned.get("external_url"))
        if not self.instance.pk and self.has_changed() and not one_of_two:
            raise ValidationError(
                _("Upload a file or give an external link (one of the two).")
            )
        return cleaned

    def validate_constraints(self, exclude=None):
        # The file/link constraint is checked in clean(): the file is only stored
        # by the service, after validation.
        return None


class ExemptInformationAdminForm(forms.ModelForm):
    pasal17 = forms.MultipleChoiceField(
        label=_("UU 14/2008 Pasal 17 letters"),
        choices=PASAL_17_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    minutes = forms.FileField(
        label=_("Minutes (berita acara), PDF or scan"),
        required=False,
        help_text=_("Never public: only officers of the unit can open it."),
    )

    class Meta:
        model = ExemptInformation
        fields = [
            "title",
            "unit",
            "item",
            "other_legal_basis",
            "reason",
            "consequence_if_opened",
            "interest_if_closed",
            "period_kind",
            "period_until",
            "period_event",
            "test_stage",
            "tested_on",
            "decided_by",
            "decision_number",
            "decision_date",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["pasal17"].initial = list(self.instance.pasal17_letters)

    def clean_minutes(self):
        upload = self.cleaned_data.get("minutes")
        if upload:
            validate_upload(
                upload, kinds=IDENTITY_KINDS, max_mb=settings.REGISTERS_MAX_DOCUMENT_MB
            )
        return upload

    def _post_clean(self):
        self.instance.pasal17_letters = "".join(
            sorted(self.cleaned_data.get("pasal17") or [])
        )
        super()._post_clean()


class AnnouncementAdminForm(forms.ModelForm):
    class Meta:
        model = Announcement
        fields = ["item", "message", "severity", "starts_at", "ends_at"]


class ImportForm(forms.Form):
    workbook = forms.FileField(
        label=_("DIP workbook (XLSX)"),
        help_text=_("The same format as the export: one row per information item."),
    )
    dry_run = forms.BooleanField(
        label=_("Only check (dry run): show the rows and their errors, save nothing"),
        required=False,
        initial=True,
    )

    def clean_workbook(self):
        upload = self.cleaned_data["workbook"]
        if upload.size > settings.REGISTERS_MAX_DOCUMENT_MB * 1024 * 1024:
            raise ValidationError(
                _("The file is larger than %(limit)s MB.")
                % {"limit": settings.REGISTERS_MAX_DOCUMENT_MB}
            )
        return upload


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason for withdrawal"), widget=forms.Textarea)


def serta_merta_items_for(user):
    return scope_to_user(
        InformationItem.objects.filter(category=Category.SERTA_MERTA), user
    )
