"""Daily: e-mail the Atasan PPID the objections due soon and overdue (run from cron)."""

from apps.core.management.reminders import ReminderCommand
from apps.objections.notifications import REMINDER


class Command(ReminderCommand):
    help = "E-mail the Atasan PPID the objections due soon or overdue."
    kinds = [REMINDER]
