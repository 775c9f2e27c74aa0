import importlib

from django.apps import apps
from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class PPIDAdminSite(admin.AdminSite):
    """The officers' back office, titled with the body's name from the body profile."""

    site_title = _("PPID back office")
    index_title = _("Back office")

    def each_context(self, request):
        from apps.core.models import BodyProfile

        context = super().each_context(request)
        profile = BodyProfile.load()
        context["site_header"] = f"{profile.ppid_name} · {profile.name}"
        context["site_title"] = profile.ppid_name
        return context

    def index(self, request, extra_context=None):
        """Admin home: each app's queue for this officer (apps/<app>/dashboard.py)."""
        panels = []
        for app_config in apps.get_app_configs():
            if not app_config.name.startswith("apps."):
                continue
            try:
                module = importlib.import_module(f"{app_config.name}.dashboard")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app_config.name}.dashboard":
                    raise
                continue
            panels.extend(module.panels(request))
        extra_context = {**(extra_context or {}), "queue_panels": panels}
        return super().index(request, extra_context)
