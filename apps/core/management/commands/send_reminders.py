"""Daily: e-mail officers their overdue and soon-due cases of every kind (cron)."""

from apps.core.management.reminders import ReminderCommand


class Command(ReminderCommand):
    help = (
        "E-mail officers their overdue and soon-due requests, objections, complaints."
    )
