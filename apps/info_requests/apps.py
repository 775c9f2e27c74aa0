from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfoRequestsConfig(AppConfig):
    name = "apps.info_requests"
    label = "info_requests"
    verbose_name = _("Information requests")

    def ready(self):
        from apps.core.cases import register_case_kind
        from apps.core.deadlines import register_recount
        from apps.core.notify import register_notice, register_reminder
        from apps.info_requests import notifications
        from apps.info_requests.services import REQUEST_DEADLINES

        register_recount(REQUEST_DEADLINES)
        register_case_kind(notifications.CASE_KIND)
        for notice in notifications.NOTICES:
            register_notice(notice)
        for reminder in notifications.REMINDERS:
            register_reminder(reminder)
