"""Public verification of issued documents under /verifikasi/ (no personal data:
kind, number, date, signer and the PDF's SHA-256; the PDF itself is not served)."""

import hashlib

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from apps.core.antispam import over_limit
from apps.letters.forms import VerifyCodeForm, VerifyFileForm
from apps.letters.models import IssuedDocument
from apps.letters.services import display_code, normalise_code


@require_http_methods(["GET"])
def lookup(request):
    form = VerifyCodeForm(request.GET or None)
    if form.is_valid():
        code = normalise_code(form.cleaned_data["code"])
        if IssuedDocument.objects.filter(verification_code=code).exists():
            return redirect("letters:verify", code=code)
        form.add_error(
            "code",
            _("No document was issued with this code. Check it against the letter."),
        )
    return render(request, "letters/lookup.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request, code):
    document = get_object_or_404(
        IssuedDocument.objects.select_related("unit"),
        verification_code=normalise_code(code),
    )
    form = VerifyFileForm()
    result = None
    status = 200
    if request.method == "POST":
        form = VerifyFileForm(request.POST, request.FILES)
        if over_limit(request, group="letter-verify", increment=True):
            form.add_error(
                None,
                _("Too many checks from your network. Please try again in an hour."),
            )
            status = 429
        elif form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > settings.MAX_UPLOAD_SIZE_MB * 1024 * 1024:
                form.add_error(
                    "file",
                    _("The file is larger than %(limit)s MB.")
                    % {"limit": settings.MAX_UPLOAD_SIZE_MB},
                )
            else:
                digest = hashlib.sha256()
                for chunk in upload.chunks():
                    digest.update(chunk)
                result = {
                    "genuine": digest.hexdigest() == document.sha256,
                    "sha256": digest.hexdigest(),
                }
    return render(
        request,
        "letters/verify.html",
        {
            "document": document,
            "code_display": display_code(document.verification_code),
            "form": form,
            "result": result,
        },
        status=status,
    )
