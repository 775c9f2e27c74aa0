from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "apps.complaints"
    label = "complaints"
    verbose_name = _("Complaints")

    def ready(self):
        from apps.complaints.services import COMPLAINT_DEADLINES
        from apps.core.deadlines import register_recount

        register_recount(COMPLAINT_DEADLINES)
