from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfoRequestsConfig(AppConfig):
    name = "apps.info_requests"
    label = "info_requests"
    verbose_name = _("Information requests")

    def ready(self):
        from apps.core.deadlines import register_recount
        from apps.info_requests.services import REQUEST_DEADLINES

        register_recount(REQUEST_DEADLINES)
