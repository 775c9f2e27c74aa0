"""Encrypt, in place, every file of an encrypted FileField that is still plain on
disk (e.g. restored from a backup taken before the upgrade). Idempotent."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models

from apps.core.encrypt_files import rewrite_field_files
from apps.core.files import EncryptedPrivateStorage


def encrypted_fields():
    """(model, field name, historical model or None) of every encrypted FileField."""
    for model in apps.get_models():
        if model.__name__.startswith("Historical"):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField) and isinstance(
                field.storage, EncryptedPrivateStorage
            ):
                try:
                    history = apps.get_model(
                        model._meta.app_label, f"Historical{model.__name__}"
                    )
                except LookupError:
                    history = None
                yield model, field.name, history


class Command(BaseCommand):
    help = "Encrypt files of encrypted fields that are still plain on disk."

    def handle(self, *args, **options):
        for model, field_name, history in encrypted_fields():
            count = rewrite_field_files(
                model, field_name, encrypt=True, also=[history] if history else []
            )
            self.stdout.write(
                f"{model._meta.label}.{field_name}: {count.rewritten} encrypted, "
                f"{count.unchanged} already encrypted, {count.missing} missing"
            )
