from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default = True
    name = "apps.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from apps.core import checks, deadlines, signals  # noqa: F401


class PPIDAdminConfig(admin_apps.AdminConfig):
    """The Django admin, branded with the body profile (see PPIDAdminSite)."""

    default = False
    default_site = "apps.core.admin_site.PPIDAdminSite"
