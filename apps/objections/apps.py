from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObjectionsConfig(AppConfig):
    name = "apps.objections"
    label = "objections"
    verbose_name = _("Objections and disputes")

    def ready(self):
        from apps.objections import signals  # noqa: F401
