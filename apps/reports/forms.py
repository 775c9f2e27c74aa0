from django import forms
from django.utils.translation import gettext_lazy as _

from apps.reports.models import Score, SkmElement


class SurveyForm(forms.Form):
    """The nine SKM elements on a 1-4 scale and a comment."""

    comment = forms.CharField(
        label=_("Comments and suggestions (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Please do not write personal data here."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scores = {
            code: forms.TypedChoiceField(
                label=label,
                choices=Score.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a score from 1 to 4.")},
            )
            for code, label in SkmElement.choices
        }
        self.fields = {**scores, "comment": self.fields["comment"]}

    def score_fields(self):
        return [self[code] for code in SkmElement.values]
