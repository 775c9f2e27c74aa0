"""Public pages of requests: submit, confirmation, receipt, status, documents; and the
officers' permission-checked identity-document view."""

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from apps.accounts.personal_data import may_see
from apps.accounts.roles import can_act_on_unit
from apps.core.antispam import over_limit
from apps.core.applicants import APPLICANT_FIELDS
from apps.core.cases import case_from_token
from apps.core.client import bound_submission_uuid
from apps.core.files import private_file_response
from apps.core.panels import render_panels
from apps.core.status import StatusLookup, register_status_lookup
from apps.core.tracking import make_status_token
from apps.info_requests.forms import RequestForm, StatusLookupForm
from apps.info_requests.letters import TRACKING_KIND, render_receipt_pdf
from apps.info_requests.models import InformationRequest, RequestDocument, Status
from apps.info_requests.selectors import public_status, request_for_applicant
from apps.info_requests.services import information_request_submit

DOCUMENT_SALT = "ppid.request-document"
SERVICE_FIELDS = [
    *APPLICANT_FIELDS,
    "information_requested",
    "purpose",
    "access_method",
    "copy_format",
    "delivery_method",
    "unit",
    "submission_key",
    "publication_consent",
]


def _request_from_token(token: str) -> InformationRequest:
    return case_from_token(
        token,
        kind=TRACKING_KIND,
        queryset=InformationRequest.objects.select_related("unit", "notice"),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def submit(request):
    if request.method == "POST":
        needs_captcha = over_limit(request, group="request-form", increment=True)
        form = RequestForm(request.POST, request.FILES, require_captcha=needs_captcha)
        if form.is_valid():
            data = {field: form.cleaned_data.get(field) for field in SERVICE_FIELDS}
            data = {
                k: ("" if v is None and k not in _NULLABLE else v)
                for k, v in data.items()
            }
            if data["submission_key"]:
                # Bound to this browser: another client never gets this receipt.
                data["submission_key"] = bound_submission_uuid(
                    request, data["submission_key"]
                )
            try:
                created = information_request_submit(**data)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, messages)
            else:
                token = make_status_token(TRACKING_KIND, created.registration_number)
                return redirect("info_requests:submitted", token=token)
    else:
        needs_captcha = over_limit(request, group="request-form", increment=False)
        form = RequestForm(require_captcha=needs_captcha)
    return render(request, "info_requests/submit.html", {"form": form}, status=200)


_NULLABLE = {"unit", "identity_document", "power_of_attorney", "submission_key"}


@never_cache
@require_GET
def submitted(request, token):
    info_request = _request_from_token(token)
    return render(
        request,
        "info_requests/submitted.html",
        {"req": info_request, "token": token, "status": public_status(info_request)},
    )


@never_cache
@require_GET
def receipt_pdf(request, token):
    info_request = _request_from_token(token)
    response = HttpResponse(
        render_receipt_pdf(info_request), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'inline; filename="tanda-bukti-{info_request.registration_number}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _status_page(request, info_request, token):
    documents = []
    now = timezone.now()
    if info_request.status in (Status.DECIDED, Status.REOPENED):
        for document in info_request.documents.filter(expires_at__gt=now):
            documents.append(
                {
                    "name": document.filename,
                    "size": document.size,
                    "expires_at": document.expires_at,
                    "url": reverse(
                        "info_requests:document",
                        args=[signing.dumps(document.pk, salt=DOCUMENT_SALT)],
                    ),
                }
            )
    status = public_status(info_request)
    return render(
        request,
        "info_requests/status.html",
        {
            "status": status,
            "panels": render_panels(
                "request", request=request, status=status, token=token
            ),
            "token": token,
            "documents": documents,
            "has_notice": hasattr(info_request, "notice")
            and bool(info_request.notice.letter),
        },
    )


register_status_lookup(
    StatusLookup(
        kind=TRACKING_KIND,
        form=StatusLookupForm,
        number_field="registration_number",
        find=request_for_applicant,
        lookup_template="info_requests/status_lookup.html",
        page=_status_page,
        not_found=gettext_lazy(
            "No request matches this number and contact. Check both against "
            "your receipt."
        ),
        throttle="request-status",
        queryset=lambda: InformationRequest.objects.select_related("unit", "notice"),
    )
)


@never_cache
@require_GET
def notice_pdf(request, token):
    info_request = _request_from_token(token)
    notice = getattr(info_request, "notice", None)
    if notice is None or not notice.letter:
        raise Http404
    return private_file_response(
        notice.letter,
        filename=f"pemberitahuan-tertulis-{info_request.registration_number}.pdf",
        as_attachment=False,
    )


@never_cache
@require_GET
def document(request, signed):
    try:
        document_id = signing.loads(signed, salt=DOCUMENT_SALT)
    except signing.BadSignature:
        raise Http404 from None
    doc = get_object_or_404(
        RequestDocument.objects.select_related("request"),
        pk=document_id,
        expires_at__gt=timezone.now(),
    )
    RequestDocument.objects.filter(pk=doc.pk).update(
        download_count=F("download_count") + 1
    )
    return private_file_response(doc.file, filename=doc.filename)


@never_cache
@login_required
@require_GET
def identity_file(request, pk, which):
    """Identity scan or power of attorney, for officers who may see the case."""
    info_request = get_object_or_404(InformationRequest, pk=pk)
    if not may_see(request.user, info_request):
        raise PermissionDenied
    if not can_act_on_unit(request.user, info_request.unit_id) and not (
        info_request.unit_id is None
        and request.user.has_perm("info_requests.route_informationrequest")
    ):
        raise PermissionDenied
    field = {
        "identity": info_request.identity_document,
        "attorney": info_request.power_of_attorney,
    }.get(which)
    if not field:
        raise Http404
    extension = {
        "application/pdf": "pdf",
        "image/png": "png",
        "image/jpeg": "jpg",
        "image/webp": "webp",
    }
    mimetype = (
        info_request.identity_document_type
        if which == "identity"
        else info_request.power_of_attorney_type
    )
    name = (
        f"{info_request.registration_number}-{which}.{extension.get(mimetype, 'bin')}"
    )
    return private_file_response(field, filename=name, as_attachment=False)
