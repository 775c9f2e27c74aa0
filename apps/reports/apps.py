from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "apps.reports"
    label = "reports"
    verbose_name = _("Statistics, reports and survey")

    def ready(self):
        from apps.core.panels import register_panel
        from apps.reports import signals
        from apps.reports.panels import survey_link

        signals.connect()
        register_panel(
            "request",
            template="reports/_survey_link.html",
            context=survey_link,
            order=20,
        )
