from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "apps.disclosure"
    label = "disclosure"
    verbose_name = _("Disclosure log, redaction and OCR")

    def ready(self):
        from apps.disclosure import signals  # noqa: F401 - OCR of register uploads
