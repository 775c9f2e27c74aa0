"""Load the demo body (Kabupaten Kutai Timur): idempotent, it updates in place."""

import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings


class Command(BaseCommand):
    help = "Create or refresh the demo data of Kabupaten Kutai Timur (idempotent)."

    def handle(self, *args, **options):
        context: dict = {}
        # Demo cases go through the real services; their e-mails go nowhere.
        with (
            override_settings(
                EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"
            ),
            transaction.atomic(),
        ):
            # Each app may contribute apps/<app>/demo.py: load(*, stdout, **context).
            for app_config in apps.get_app_configs():
                if not app_config.name.startswith("apps."):
                    continue
                try:
                    module = importlib.import_module(f"{app_config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{app_config.name}.demo":
                        raise
                    continue
                result = module.load(stdout=self.stdout, **context)
                context.update(result or {})
        self.stdout.write(
            self.style.SUCCESS("Demo data of Kabupaten Kutai Timur loaded.")
        )
