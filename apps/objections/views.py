"""Public pages of objections under /keberatan/: find the request, file, receipt,
status (number + contact, or the private link), the answer letter."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from apps.core.antispam import over_limit
from apps.core.applicant_forms import IDENTITY_ORDER, REPRESENTATIVE_ORDER
from apps.core.cases import case_from_token
from apps.core.client import bound_submission_uuid
from apps.core.errors import ApplicationError
from apps.core.files import private_file_response
from apps.core.status import StatusLookup, register_status_lookup
from apps.core.tracking import make_status_token
from apps.info_requests.letters import TRACKING_KIND as REQUEST_KIND
from apps.info_requests.models import InformationRequest
from apps.info_requests.selectors import request_for_applicant
from apps.objections.eligibility import grounds_for
from apps.objections.forms import (
    NumberContactForm,
    ObjectionForm,
    PeriodicObjectionForm,
    StatusLookupForm,
)
from apps.objections.letters import TRACKING_KIND, render_receipt_pdf
from apps.objections.models import Ground, Objection
from apps.objections.selectors import objection_for_applicant, public_status
from apps.objections.services import objection_submit

COMMON_FIELDS = ["reason", "purpose", *REPRESENTATIVE_ORDER, "submission_key"]
# Ground b without a request: the identity an objection keeps, and the unit.
IDENTITY_FIELDS = [
    *(name for name in IDENTITY_ORDER if name in Objection.applicant_field_names()),
    "unit",
]


def _objection_from_token(token: str) -> Objection:
    return case_from_token(
        token,
        kind=TRACKING_KIND,
        queryset=Objection.objects.select_related("request", "unit"),
    )


def _service_data(form, names) -> dict:
    data = {}
    for name in names:
        value = form.cleaned_data.get(name)
        if value is None and name not in {
            "power_of_attorney",
            "identity_document",
            "unit",
            "submission_key",
        }:
            value = ""
        data[name] = value
    return data


def _submit(form, *, client, **kwargs):
    """Run the service; a refusal goes back to the form. Returns a redirect or None.
    The form's submission key is bound to the `client` request that sent it."""
    if kwargs.get("submission_key"):
        kwargs["submission_key"] = bound_submission_uuid(
            client, kwargs["submission_key"]
        )
    try:
        objection = objection_submit(**kwargs)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    except ApplicationError as error:
        form.add_error(None, str(error))
    else:
        token = make_status_token(TRACKING_KIND, objection.number)
        return redirect("objections:submitted", token=token)
    return None


@never_cache
@require_http_methods(["GET", "POST"])
def submit(request):
    """Step 1: find the request by its number and the contact on file."""
    form = NumberContactForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if over_limit(request, group="objection-lookup", increment=False):
            form.add_error(None, _("Too many attempts. Please try again later."))
        elif form.is_valid():
            info_request = request_for_applicant(
                form.cleaned_data["number"], form.cleaned_data["contact"]
            )
            if info_request is not None:
                token = make_status_token(
                    REQUEST_KIND, info_request.registration_number
                )
                return redirect("objections:submit_for_request", token=token)
            over_limit(request, group="objection-lookup", increment=True)
            form.add_error(
                None,
                _(
                    "No request matches this number and contact. Check both against "
                    "your receipt."
                ),
            )
    return render(request, "objections/find_request.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def submit_for_request(request, token):
    """Step 2: the grounds that can apply to this request, while their window is
    open."""
    info_request = case_from_token(
        token,
        kind=REQUEST_KIND,
        queryset=InformationRequest.objects.select_related("unit", "notice"),
    )
    today = timezone.localdate()
    every = grounds_for(info_request, today=today)
    every.pop(Ground.PERIODIC, None)  # ground b has its own form, without a request
    windows = {g: w for g, w in every.items() if w.is_open(today)}
    if request.method == "POST":
        needs_captcha = over_limit(request, group="objection-form", increment=True)
        form = ObjectionForm(
            request.POST,
            request.FILES,
            windows=windows,
            require_captcha=needs_captcha,
        )
        if form.is_valid():
            response = _submit(
                form,
                client=request,
                info_request=info_request,
                grounds=form.cleaned_data["grounds"],
                **_service_data(form, COMMON_FIELDS),
            )
            if response:
                return response
    else:
        needs_captcha = over_limit(request, group="objection-form", increment=False)
        form = ObjectionForm(windows=windows, require_captcha=needs_captcha)
    return render(
        request,
        "objections/submit.html",
        {
            "form": form,
            "req": info_request,
            "windows": windows,
            "closed": {g: w for g, w in every.items() if g not in windows},
            "with_request": True,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def submit_periodic(request):
    """Ground b (periodic information not provided): anyone, with their identity."""
    windows = {Ground.PERIODIC: grounds_for(None)[Ground.PERIODIC]}
    if request.method == "POST":
        needs_captcha = over_limit(request, group="objection-form", increment=True)
        form = PeriodicObjectionForm(
            request.POST,
            request.FILES,
            windows=windows,
            require_captcha=needs_captcha,
        )
        if form.is_valid():
            response = _submit(
                form,
                client=request,
                grounds=[Ground.PERIODIC],
                **_service_data(form, COMMON_FIELDS + IDENTITY_FIELDS),
            )
            if response:
                return response
    else:
        needs_captcha = over_limit(request, group="objection-form", increment=False)
        form = PeriodicObjectionForm(
            windows=windows,
            require_captcha=needs_captcha,
            initial={"grounds": [Ground.PERIODIC]},
        )
    return render(
        request,
        "objections/submit.html",
        {"form": form, "windows": windows, "with_request": False},
    )


@never_cache
@require_GET
def submitted(request, token):
    objection = _objection_from_token(token)
    return render(
        request,
        "objections/submitted.html",
        {"status": public_status(objection), "token": token},
    )


@never_cache
@require_GET
def receipt_pdf(request, token):
    objection = _objection_from_token(token)
    response = HttpResponse(
        render_receipt_pdf(objection), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'inline; filename="tanda-bukti-keberatan-{objection.number}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _status_page(request, objection, token):
    return render(
        request,
        "objections/status.html",
        {"status": public_status(objection), "token": token},
    )


register_status_lookup(
    StatusLookup(
        kind=TRACKING_KIND,
        form=StatusLookupForm,
        number_field="number",
        find=objection_for_applicant,
        lookup_template="objections/status_lookup.html",
        page=_status_page,
        not_found=gettext_lazy(
            "No objection matches this number and contact. Check both against "
            "your receipt."
        ),
        throttle="objection-status",
        queryset=lambda: Objection.objects.select_related("request", "unit"),
    )
)


@never_cache
@require_GET
def answer_pdf(request, token):
    objection = _objection_from_token(token)
    if not objection.answer_letter:
        raise Http404
    return private_file_response(
        objection.answer_letter,
        filename=f"tanggapan-keberatan-{objection.number}.pdf",
        as_attachment=False,
    )
