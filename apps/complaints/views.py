"""Public pages of the complaint service, and the officers' attachment download."""

from __future__ import annotations

import secrets

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from apps.complaints import selectors
from apps.complaints.forms import ComplaintForm, StatusLookupForm
from apps.complaints.models import (
    Complaint,
    ComplaintAttachment,
    ComplaintSettings,
    Status,
)
from apps.complaints.notifications import TRACKING_KIND, status_link
from apps.complaints.services import complaint_submit
from apps.complaints.workflow import COMPLAINT_WORKFLOW
from apps.core.antispam import over_limit
from apps.core.client import bound_submission_key
from apps.core.files import private_file_response
from apps.core.pdf import render_pdf
from apps.core.periods import COMPLAINT_FOLLOW_UP_DAYS, COMPLAINT_VERIFICATION_DAYS
from apps.core.status import StatusLookup, register_status_lookup
from apps.core.workdays import explain_period, receipt_date

RECEIPTS_KEY = "complaint_receipts"
# The same answer for a wrong number and a wrong contact (DECISIONS.md, tracking).
NOT_FOUND = _(
    "We found no complaint with this number and contact. Check both and try again."
)


def _form_fields(form) -> dict:
    data = form.cleaned_data
    return {
        "title": data["title"],
        "description": data["description"],
        "classification": data["classification"],
        "is_anonymous": data["identity"] == ComplaintForm.ANONYMOUS,
        "is_confidential": data["is_confidential"],
        "reporter_name": data["reporter_name"],
        "reporter_nik": data["reporter_nik"],
        "reporter_phone": data["reporter_phone"],
        "reporter_email": data["reporter_email"],
        "unit": data["unit"],
        "event_date": data["event_date"],
        "event_place": data["event_place"],
        "latitude": data["latitude"],
        "longitude": data["longitude"],
        "attachments": data["attachments"],
    }


def _add_service_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


@never_cache
@require_http_methods(["GET", "POST"])
def submit(request):
    if request.method == "POST":
        require_captcha = over_limit(request, group="complaint", increment=True)
        form = ComplaintForm(
            request.POST, request.FILES, require_captcha=require_captcha
        )
        if form.is_valid():
            try:
                result = complaint_submit(
                    **_form_fields(form),
                    # Bound to this browser: another client never gets this receipt.
                    submission_key="web:"
                    + bound_submission_key(request, form.cleaned_data["form_token"]),
                )
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                if result.created:
                    receipts = request.session.get(RECEIPTS_KEY, {})
                    receipts[result.complaint.number] = {
                        "code": result.secret_code or "",
                        "shown": False,
                    }
                    request.session[RECEIPTS_KEY] = receipts
                return redirect(
                    "complaints:confirmation", number=result.complaint.number
                )
    else:
        form = ComplaintForm(
            initial={"form_token": secrets.token_urlsafe(24)},
            require_captcha=over_limit(request, group="complaint", increment=False),
        )
    return render(request, "complaints/submit.html", {"form": form})


def _receipt(request, number: str) -> dict:
    receipt = request.session.get(RECEIPTS_KEY, {}).get(number)
    if receipt is None:
        raise Http404
    return receipt


@never_cache
def confirmation(request, number):
    receipt = _receipt(request, number)
    complaint = get_object_or_404(
        Complaint.objects.select_related("unit"), number=number
    )
    # The secret code is shown on this page once; the receipt PDF keeps it.
    show_code = receipt["code"] if not receipt["shown"] else ""
    if receipt["code"] and not receipt["shown"]:
        receipt["shown"] = True
        request.session.modified = True
    return render(
        request,
        "complaints/confirmation.html",
        {
            "complaint": complaint,
            "secret_code": show_code,
            "code_was_shown": bool(receipt["code"]) and not show_code,
            "status_link": status_link(complaint),
        },
    )


@never_cache
def receipt_pdf(request, number):
    receipt = _receipt(request, number)
    complaint = get_object_or_404(
        Complaint.objects.select_related("unit"), number=number
    )
    pdf = render_pdf(
        "pdf/complaints/receipt.html",
        {
            "complaint": complaint,
            "secret_code": receipt["code"],
            "status_link": status_link(complaint),
        },
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{number}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def _status_context(complaint: Complaint) -> dict:
    explanation = None
    if complaint.is_open and complaint.due_date:
        if complaint.status == Status.FORWARDED:
            start, days = complaint.forwarded_at, COMPLAINT_FOLLOW_UP_DAYS
        else:
            start, days = complaint.received_at, COMPLAINT_VERIFICATION_DAYS
        explanation = explain_period(receipt_date(start), days)
    return {
        "complaint": complaint,
        "timeline": [
            {
                "at": change.created_at,
                "status": COMPLAINT_WORKFLOW.label(change.to_status),
                "note": change.text,
            }
            for change in selectors.public_timeline(complaint)
        ],
        "explanation": explanation,
        "today": timezone.localdate(),
    }


def _status_page(request, complaint, token):
    return render(request, "complaints/status.html", _status_context(complaint))


register_status_lookup(
    StatusLookup(
        kind=TRACKING_KIND,
        form=StatusLookupForm,
        number_field="tracking_number",
        find=selectors.find_for_status,
        lookup_template="complaints/status_lookup.html",
        page=_status_page,
        not_found=NOT_FOUND,
        throttle="complaint-status",
        queryset=lambda: Complaint.objects.select_related("unit"),
    )
)


def public_list(request):
    if not ComplaintSettings.load().public_listing:
        raise Http404
    queryset = (
        Complaint.objects.publicly_listed()
        .select_related("unit")
        .only(
            "number",
            "title",
            "classification",
            "unit__name",
            "received_at",
            "resolved_at",
            "follow_up",
            "satisfaction",
        )
        .order_by("-resolved_at", "-pk")
    )
    page = Paginator(queryset, 20).get_page(request.GET.get("page"))
    return render(request, "complaints/public_list.html", {"page": page})


@login_required
def attachment(request, pk):
    item = get_object_or_404(
        ComplaintAttachment.objects.select_related("complaint"), pk=pk
    )
    complaint = item.complaint
    visible = selectors.complaints_visible_to(request.user).filter(pk=complaint.pk)
    if not visible.exists():
        raise PermissionDenied
    if complaint.is_confidential and not selectors.identity_visible(
        request.user, complaint
    ):
        # Evidence of a confidential report may reveal the reporter.
        raise PermissionDenied
    return private_file_response(item.file, filename=item.original_name)
