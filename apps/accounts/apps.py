from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = _("Organisation and officers")

    def ready(self):
        from apps.accounts.roles import sync_role_permissions

        # After each app's migrations (and its permissions) give the roles their
        # permissions for that app; every app declares them in its roles.py.
        post_migrate.connect(sync_role_permissions, dispatch_uid="accounts_roles")
