"""Daily (cron): e-mail officers the complaints that are overdue or due soon."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from apps.complaints.reminders import send_complaint_reminders


class Command(BaseCommand):
    help = "E-mail unit officers and the PPID Utama overdue and soon-due complaints."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="Count from this date (YYYY-MM-DD) instead of today.",
        )

    def handle(self, *args, today=None, **options):
        day = today or timezone.localdate()
        result = send_complaint_reminders.enqueue(today=day.isoformat())
        if result.is_finished:
            self.stdout.write(f"Complaint reminders sent: {result.return_value}")
        else:
            self.stdout.write(f"Complaint reminders queued as task {result.id}.")
