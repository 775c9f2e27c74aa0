from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.antispam import add_bootstrap_classes


class VerifyCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("Printed beside the QR code, e.g. ABCD-EFGH-IJKL-MNOP."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_bootstrap_classes(self)


class VerifyFileForm(forms.Form):
    file = forms.FileField(
        label=_("PDF to check"),
        help_text=_(
            "The file is compared with the document issued and then discarded."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_bootstrap_classes(self)
