"""Daily: e-mail officers their overdue and soon-due requests (run from cron)."""

from apps.core.management.reminders import ReminderCommand
from apps.info_requests.notifications import REMINDER


class Command(ReminderCommand):
    help = (
        "E-mail each unit's officers their overdue and soon-due information requests."
    )
    kinds = [REMINDER]
