import importlib

from django.apps import apps
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from apps.accounts import two_factor
from apps.accounts.two_factor_views import OfficerLoginForm, two_factor_setup_view
from apps.core.models import BodyProfile


class PPIDAdminSite(admin.AdminSite):
    """The officers' back office, titled with the body's name from the body profile."""

    site_title = _("PPID back office")
    index_title = _("Back office")

    # Two-factor login (apps/accounts/two_factor.py): the login form asks for the
    # code of an officer with a device; with OFFICER_2FA_REQUIRED only a session
    # signed in with a second factor opens the back office.
    login_form = OfficerLoginForm
    login_template = "admin/officer_login.html"

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not two_factor.two_factor_required() or two_factor.is_verified(
            request.user
        )

    def login(self, request, extra_context=None):
        response = super().login(request, extra_context)
        user = request.user
        if (
            user.is_authenticated
            and user.is_active
            and user.is_staff
            and not two_factor.is_verified(user)
            and two_factor.needs_enrolment(user)
        ):
            return redirect("admin:two_factor")
        return response

    def get_urls(self):
        setup = two_factor_setup_view(self)
        # Logging out needs no permission: a session waiting to enrol may leave.
        logout = csrf_protect(never_cache(self.logout))
        return [
            path("two-factor/", setup, name="two_factor"),
            path("logout/", logout, name="logout"),
            *super().get_urls(),
        ]

    def each_context(self, request):
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
