from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "apps.complaints"
    label = "complaints"
    verbose_name = _("Complaints")

    def ready(self):
        from apps.complaints import notifications
        from apps.complaints.services import COMPLAINT_DEADLINES
        from apps.core.cases import register_case_kind
        from apps.core.deadlines import register_recount
        from apps.core.notify import register_notice, register_reminder

        register_recount(COMPLAINT_DEADLINES)
        register_case_kind(notifications.CASE_KIND)
        for notice in notifications.NOTICES:
            register_notice(notice)
        for reminder in notifications.REMINDERS:
            register_reminder(reminder)
