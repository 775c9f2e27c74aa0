"""The daily reminder command (run from cron), one for every case kind: it queues
the one reminder task (apps.core.tasks.send_reminders) for `kinds`."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from apps.core.tasks import send_reminders


class ReminderCommand(BaseCommand):
    help = "E-mail officers their overdue and soon-due cases."
    kinds: list[str] | None = None  # None: every registered kind
    label = "Reminders"

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Pretend today is YYYY-MM-DD (for checks).")

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError("--today takes a date as YYYY-MM-DD.") from exc
        result = send_reminders.enqueue(today=today.isoformat(), kinds=self.kinds)
        if result.is_finished:
            self.stdout.write(f"{self.label} sent: {result.return_value}")
        else:
            self.stdout.write(f"{self.label} queued as task {result.id}.")
