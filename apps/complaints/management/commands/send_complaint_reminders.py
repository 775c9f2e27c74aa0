"""Daily (cron): e-mail officers the complaints that are overdue or due soon."""

from apps.complaints.notifications import REMINDER
from apps.core.management.reminders import ReminderCommand


class Command(ReminderCommand):
    help = "E-mail unit officers and the PPID Utama overdue and soon-due complaints."
    kinds = [REMINDER]
    label = "Complaint reminders"
