"""Daily reminders: the Atasan PPID gets the objections due soon and overdue; the
PPID gets the releases ordered on objection that are still open."""

import datetime as dt

from django_tasks import task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from apps.accounts.roles import Role
from apps.core import periods
from apps.core.tasks import send_email
from apps.core.workdays import Calendar
from apps.objections.models import Objection


def reminder_lists(today: dt.date) -> dict:
    horizon = Calendar().add(today, periods.DUE_SOON_DAYS)
    return {
        "overdue": list(Objection.objects.overdue(today).order_by("due_date", "pk")),
        "soon": list(
            Objection.objects.due_soon(today, horizon).order_by("due_date", "pk")
        ),
    }


@task()
def send_objection_reminders(*, today: str) -> int:
    """E-mail each Atasan PPID the objections awaiting their answer; returns count."""
    day = dt.date.fromisoformat(today)
    lists = reminder_lists(day)
    if not lists["overdue"] and not lists["soon"]:
        return 0
    admin_url = settings.SITE_URL + reverse("admin:objections_objection_changelist")
    officers = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=Role.ATASAN_PPID)
        .exclude(email="")
        .distinct()
    )
    sent = 0
    for officer in officers:
        context = {"officer": officer, "today": day, "admin_url": admin_url, **lists}
        with translation.override("id"):
            subject = render_to_string(
                "emails/objections/reminder_subject.txt", context
            )
            body = render_to_string("emails/objections/reminder_body.txt", context)
        sent += send_email.call(
            to=[officer.email], subject=" ".join(subject.split()), body=body
        )
    return sent
