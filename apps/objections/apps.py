from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObjectionsConfig(AppConfig):
    name = "apps.objections"
    label = "objections"
    verbose_name = _("Objections and disputes")

    def ready(self):
        from django.apps import apps

        from apps.core.cases import register_case_kind
        from apps.core.deadlines import register_recount
        from apps.core.notify import register_notice, register_reminder
        from apps.core.panels import register_panel
        from apps.objections import notifications
        from apps.objections.panels import objection_panel
        from apps.objections.services import OBJECTION_DEADLINES

        register_recount(OBJECTION_DEADLINES)
        if apps.is_installed("apps.reports"):
            from apps.objections.selectors import objection_statistics
            from apps.reports.statistics import register_figures

            register_figures("objections", objection_statistics)
        register_case_kind(notifications.CASE_KIND)
        for notice in notifications.NOTICES:
            register_notice(notice)
        for reminder in notifications.REMINDERS:
            register_reminder(reminder)
        register_panel(
            "request",
            template="objections/_request_panel.html",
            context=objection_panel,
            order=10,
        )
