from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObjectionsConfig(AppConfig):
    name = "apps.objections"
    label = "objections"
    verbose_name = _("Objections and disputes")

    def ready(self):
        from apps.core.deadlines import register_recount
        from apps.core.panels import register_panel
        from apps.objections.panels import objection_panel
        from apps.objections.services import OBJECTION_DEADLINES

        register_recount(OBJECTION_DEADLINES)
        register_panel(
            "request",
            template="objections/_request_panel.html",
            context=objection_panel,
            order=10,
        )
