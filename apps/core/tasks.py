"""Background work of the core: the notification pipeline (apps.core.notify) and
sending e-mail through the task layer."""

import base64
import datetime as dt

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from apps.core import notify
from apps.core.models import Delivery


@task()
def send_email(
    *,
    to: list[str],
    subject: str,
    body: str,
    html: str = "",
    attachments: list[tuple[str, str, str]] | None = None,
) -> int:
    """Send one e-mail; attachments are (filename, base64 content, mimetype)."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message.send()


@task()
def send_notices(
    *, notices: list[str], content_type_id: int, object_id: int, event_id=None
) -> int:
    """Render and deliver announced notices (apps.core.notify.announce)."""
    return notify.send_notices(
        notices=notices,
        content_type_id=content_type_id,
        object_id=object_id,
        event_id=event_id,
    )


@task()
def retry_delivery(*, delivery_id: int) -> int:
    delivery = Delivery.objects.filter(pk=delivery_id).first()
    return notify.redeliver(delivery) if delivery is not None else 0


@task()
def retry_deliveries() -> int:
    """Failed deliveries whose pause is over (run from cron without a worker
    that defers tasks)."""
    return notify.retry_deliveries()


@task()
def send_reminders(*, today: str, kinds: list[str] | None = None) -> int:
    """The daily reminders of every registered case kind (or of `kinds`)."""
    return notify.send_reminders(today=dt.date.fromisoformat(today), kinds=kinds)


@task()
def recount_deadlines(*, run_id: int) -> int:
    """Recount the open deadlines after a calendar correction (a DeadlineRecount
    run); returns the number of cases whose dates changed."""
    from apps.core.deadlines import run_recount

    return run_recount(run_id).changed
