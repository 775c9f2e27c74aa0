"""Daily: e-mail officers their overdue and soon-due requests (run from cron)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from apps.info_requests.reminders import send_request_reminders


class Command(BaseCommand):
    help = (
        "E-mail each unit's officers their overdue and soon-due information requests."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Pretend today is YYYY-MM-DD (for checks).")

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError("--today takes a date as YYYY-MM-DD.") from exc
        result = send_request_reminders.enqueue(today=today.isoformat())
        if result.is_finished:
            self.stdout.write(f"Reminders sent: {result.return_value}")
        else:
            self.stdout.write(f"Reminders queued as task {result.id}.")
