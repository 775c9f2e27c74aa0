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
