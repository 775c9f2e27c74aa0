"""Back-office forms of the disclosure log."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.accounts.roles import scope_to_user
from apps.disclosure import redaction
from apps.disclosure.models import PublishedAnswer
from apps.disclosure.services import PUBLISHABLE_REQUEST_STATUSES
from apps.info_requests.models import InformationRequest


def publishable_requests(user):
    """Decided requests whose applicants consented, not yet in the log."""
    return scope_to_user(
        InformationRequest.objects.filter(
            publication_consent=True,
            status__in=PUBLISHABLE_REQUEST_STATUSES,
            notice__isnull=False,
            published_answer__isnull=True,
        ),
        user,
    ).order_by("-received_at")


class PrepareForm(forms.ModelForm):
    """The add page: choose the request; the service drafts the rest."""

    class Meta:
        model = PublishedAnswer
        fields = ["request"]
        help_texts = {
            "request": _(
                "Only decided requests whose applicants agreed to publication, "
                "of your units, are offered."
            )
        }


class AnswerForm(forms.ModelForm):
    class Meta:
        model = PublishedAnswer
        fields = ["title", "question", "answer"]


class RedactForm(forms.Form):
    source = forms.ChoiceField(label=_("File"))
    title = forms.CharField(
        label=_("Title of the published copy"), max_length=300, required=False
    )
    marks = forms.CharField(
        label=_("Areas to redact, one a line"),
        widget=forms.Textarea(attrs={"rows": 10, "cols": 90}),
        help_text=_(
            "'<reason> | <text>' removes every occurrence of the text; "
            "'<reason> | p<page>: x0, y0, x1, y1' removes an area (points from the "
            "top left). The reason is a letter a–j of UU 14/2008 Pasal 17 or 'pdp' "
            "for personal data (UU 27/2022)."
        ),
    )

    def __init__(self, *args, sources=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = list(sources)

    def clean_marks(self):
        try:
            return redaction.parse_marks(self.cleaned_data["marks"])
        except ValidationError as error:
            raise ValidationError(error.messages) from None


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for unpublishing"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        max_length=2000,
    )
