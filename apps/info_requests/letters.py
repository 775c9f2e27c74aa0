"""PDF letters of a request: the receipt (tanda bukti) and the written notice."""

from django.conf import settings
from django.urls import reverse

from apps.core.pdf import official_document, render_pdf
from apps.core.tracking import make_status_token
from apps.core.workdays import explain_period, receipt_date
from apps.info_requests.models import InformationRequest, WrittenNotice

TRACKING_KIND = "request"


def status_url(info_request: InformationRequest) -> str:
    token = make_status_token(TRACKING_KIND, info_request.registration_number)
    return settings.SITE_URL + reverse("info_requests:status_link", args=[token])


@official_document
def render_receipt_pdf(info_request: InformationRequest) -> bytes:
    explanation = explain_period(receipt_date(info_request.received_at), 10)
    return render_pdf(
        "pdf/info_requests/receipt.html",
        {
            "req": info_request,
            "status_url": status_url(info_request),
            "lookup_url": settings.SITE_URL + reverse("info_requests:status"),
            "explanation": explanation,
        },
    )


@official_document
def render_notice_pdf(notice: WrittenNotice) -> bytes:
    return render_pdf(
        "pdf/info_requests/notice.html",
        {
            "notice": notice,
            "req": notice.request,
            "status_url": status_url(notice.request),
        },
    )
