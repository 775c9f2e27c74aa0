"""Background work of the core: sending e-mail through the task layer."""

import base64

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


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


def queue_templated_email(
    *,
    to: list[str],
    template: str,
    context: dict,
    language: str = "id",
    attachments: list[tuple[str, bytes, str]] | None = None,
) -> None:
    """Render templates/emails/<template>_{subject,body}.txt and send after commit."""
    recipients = [address for address in to if address]
    if not recipients:
        return
    with translation.override(language):
        subject = render_to_string(f"emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"emails/{template}_body.txt", context)
    encoded = [
        (name, base64.b64encode(content).decode("ascii"), mimetype)
        for name, content, mimetype in attachments or []
    ]
    transaction.on_commit(
        lambda: send_email.enqueue(
            to=recipients,
            subject=" ".join(subject.split()),
            body=body,
            attachments=encoded,
        )
    )


@task()
def recount_deadlines(*, run_id: int) -> int:
    """Recount the open deadlines after a calendar correction (a DeadlineRecount
    run); returns the number of cases whose dates changed."""
    from apps.core.deadlines import run_recount

    return run_recount(run_id).changed
