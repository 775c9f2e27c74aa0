"""Background work of requests: the receipt and status e-mails."""

import base64

from django_tasks import task

from django.utils import translation

from apps.core.models import StatusChange
from apps.core.tasks import send_email
from apps.info_requests.letters import render_receipt_pdf, status_url
from apps.info_requests.models import InformationRequest, Status


def _render(template: str, context: dict) -> tuple[str, str]:
    from django.template.loader import render_to_string

    from apps.core.models import BodyProfile

    context = {**context, "body": BodyProfile.load()}
    subject = render_to_string(f"emails/info_requests/{template}_subject.txt", context)
    body = render_to_string(f"emails/info_requests/{template}_body.txt", context)
    return " ".join(subject.split()), body


@task()
def send_request_receipt(*, request_id: int) -> int:
    request = InformationRequest.objects.select_related("unit").get(pk=request_id)
    if not request.email:
        return 0
    pdf = render_receipt_pdf(request)  # an official document: always Indonesian
    with translation.override(request.language):
        subject, body = _render(
            "receipt", {"req": request, "status_url": status_url(request)}
        )
    return send_email.call(
        to=[request.email],
        subject=subject,
        body=body,
        attachments=[
            (
                f"tanda-bukti-{request.registration_number}.pdf",
                base64.b64encode(pdf).decode("ascii"),
                "application/pdf",
            )
        ],
    )


@task()
def send_request_status_email(*, request_id: int, change_id: int) -> int:
    request = InformationRequest.objects.select_related("unit").get(pk=request_id)
    if not request.email:
        return 0
    change = StatusChange.objects.get(pk=change_id)
    attachments = []
    notice = None
    if request.status == Status.DECIDED and hasattr(request, "notice"):
        notice = request.notice
        if notice.letter:
            with notice.letter.open("rb") as handle:
                attachments.append(
                    (
                        f"pemberitahuan-tertulis-{request.registration_number}.pdf",
                        base64.b64encode(handle.read()).decode("ascii"),
                        "application/pdf",
                    )
                )
    with translation.override(request.language):
        subject, body = _render(
            "status_changed",
            {
                "req": request,
                "change": change,
                "notice": notice,
                "status_url": status_url(request),
            },
        )
    return send_email.call(
        to=[request.email], subject=subject, body=body, attachments=attachments
    )
