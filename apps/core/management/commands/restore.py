"""manage.py restore FILE: a backup into an empty database and empty storage."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an EMPTY database and "
        "EMPTY file storage (never over a running portal), then check row counts, "
        "case numbers and file checksums against its manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path)
        parser.add_argument(
            "--allow-other-key",
            action="store_true",
            help="Restore although FIELD_ENCRYPTION_KEY differs from the backup's "
            "(the encrypted files will not be readable).",
        )

    def handle(self, *args, backup, allow_other_key, **options):
        try:
            result = restore_backup(backup, allow_other_key=allow_other_key)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if result.mismatches:
            raise CommandError(
                "Restored, but it differs from the manifest:\n"
                + "\n".join(result.mismatches)
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {backup}: {result.files} files; counts, case numbers "
                "and checksums match the manifest."
            )
        )
