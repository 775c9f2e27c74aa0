"""Daily reminders: officers get the overdue and soon-due requests of their units."""

import datetime as dt
from collections import defaultdict

from django_tasks import task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from apps.accounts.roles import Role, visible_unit_ids
from apps.core import periods
from apps.core.tasks import send_email
from apps.core.workdays import Calendar
from apps.info_requests.models import InformationRequest


def reminder_batches(today: dt.date) -> dict:
    """{officer: {"overdue": [...], "soon": [...]}} for officers with something due."""
    horizon = Calendar().add(today, periods.DUE_SOON_DAYS)
    overdue = list(InformationRequest.objects.overdue(today).select_related("unit"))
    soon = list(
        InformationRequest.objects.due_soon(today, horizon).select_related("unit")
    )
    if not overdue and not soon:
        return {}
    officers = (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__name__in=[Role.PPID_PELAKSANA, Role.PPID_UTAMA],
        )
        .exclude(email="")
        .distinct()
    )
    batches: dict = defaultdict(lambda: {"overdue": [], "soon": []})
    for officer in officers:
        units = visible_unit_ids(officer)
        is_router = officer.has_role(Role.PPID_UTAMA)
        for key, requests in (("overdue", overdue), ("soon", soon)):
            for request in requests:
                if request.unit_id is None:
                    if is_router:
                        batches[officer][key].append(request)
                elif units is None and is_router:
                    # The PPID Utama hears of other units' requests only when overdue.
                    if key == "overdue":
                        batches[officer][key].append(request)
                elif units is not None and request.unit_id in units:
                    batches[officer][key].append(request)
    return {officer: lists for officer, lists in batches.items() if any(lists.values())}


@task()
def send_request_reminders(*, today: str) -> int:
    """E-mail every officer their reminder; returns the number of e-mails sent."""
    from django.template.loader import render_to_string

    day = dt.date.fromisoformat(today)
    sent = 0
    admin_url = settings.SITE_URL + reverse(
        "admin:info_requests_informationrequest_changelist"
    )
    for officer, lists in reminder_batches(day).items():
        with translation.override("id"):
            context = {
                "officer": officer,
                "today": day,
                "admin_url": admin_url,
                "site_url": settings.SITE_URL,
                **lists,
            }
            subject = render_to_string(
                "emails/info_requests/reminder_subject.txt", context
            )
            body = render_to_string("emails/info_requests/reminder_body.txt", context)
        sent += send_email.call(
            to=[officer.email], subject=" ".join(subject.split()), body=body
        )
    return sent
