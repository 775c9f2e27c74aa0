"""manage.py backup DIR: one tar with the database, every file and a manifest."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.core.backup import BackupError, create_backup, prune_backups


class Command(BaseCommand):
    help = (
        "Back up the database, all uploaded and generated files and a manifest "
        "with checksums into one tar file in DIR. The encryption key is never "
        "included: keep FIELD_ENCRYPTION_KEY separately."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help="Afterwards delete all but the newest N backups in DIR (0: keep all).",
        )

    def handle(self, *args, directory, keep, **options):
        try:
            result = create_backup(directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{result.path} ({result.files} files, {result.size} bytes)")
        for removed in prune_backups(directory, keep) if keep else []:
            self.stdout.write(f"removed {removed}")
