from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True
    name = "apps.accounts"
    label = "accounts"
    verbose_name = _("Organisation and officers")

    def ready(self):
        from apps.accounts import recipients
        from apps.accounts.roles import cases_by_unit_visible_to, sync_role_permissions
        from apps.core import notify
        from apps.core.scope import register_case_scope

        register_case_scope(cases_by_unit_visible_to)
        notify.register_officer_rule(recipients.officer_recipients)

        # After each app's migrations (and its permissions) give the roles their
        # permissions for that app; every app declares them in its roles.py.
        post_migrate.connect(sync_role_permissions, dispatch_uid="accounts_roles")


class PPIDAdminConfig(admin_apps.AdminConfig):
    """The Django admin: the officers' back office, with their two-factor login,
    branded with the body profile (see PPIDAdminSite)."""

    default = False
    default_site = "apps.accounts.admin_site.PPIDAdminSite"
