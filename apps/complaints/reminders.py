"""Daily reminders of overdue and soon-due complaints."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django_tasks import task

from django.conf import settings

from apps.complaints.models import Complaint, Status
from apps.complaints.notifications import lead_recipients, unit_recipients
from apps.core.periods import DUE_SOON_DAYS
from apps.core.tasks import queue_templated_email
from apps.core.workdays import Calendar


def complaint_send_reminders(*, today: dt.date) -> int:
    """E-mail each officer the open complaints that are overdue or due within
    DUE_SOON_DAYS working days: units for forwarded ones, the PPID Utama for
    the ones still to verify or forward. Returns the number of e-mails."""
    calendar = Calendar()
    horizon = calendar.add(today, DUE_SOON_DAYS)
    due = (
        Complaint.objects.due_by(horizon)
        .filter(status__in=[Status.RECEIVED, Status.VERIFIED, Status.FORWARDED])
        .select_related("unit", "unit__parent")
        .order_by("due_date", "number")
    )
    per_recipient: dict[str, list[dict]] = defaultdict(list)
    unit_cache: dict[int | None, list[str]] = {}
    leads = lead_recipients()
    for complaint in due:
        row = {
            "complaint": complaint,
            "days_left": calendar.count_between(today, complaint.due_date),
            "overdue": complaint.due_date < today,
        }
        if complaint.status == Status.FORWARDED:
            if complaint.unit_id not in unit_cache:
                unit_cache[complaint.unit_id] = unit_recipients(complaint.unit)
            recipients = unit_cache[complaint.unit_id]
        else:
            recipients = leads
        for address in recipients:
            per_recipient[address].append(row)
    for address, rows in per_recipient.items():
        queue_templated_email(
            to=[address],
            template="complaints/reminder",
            context={
                "rows": rows,
                "today": today,
                "overdue_count": sum(1 for r in rows if r["overdue"]),
                "site_url": settings.SITE_URL,
            },
        )
    return len(per_recipient)


@task()
def send_complaint_reminders(*, today: str) -> int:
    """The daily reminder as a background task, like those of requests and
    objections; returns the number of e-mails."""
    return complaint_send_reminders(today=dt.date.fromisoformat(today))
