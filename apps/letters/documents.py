"""The documents of this app itself: the disposition sheet (lembar disposisi)."""

from django.utils.translation import gettext as _

from apps.core.pdf import official_document, render_pdf
from apps.letters.models import DocumentKind
from apps.letters.services import issue_document


@official_document
def issue_disposition(*, info_request, unit, note: str, actor=None, when=None):
    """Issue the disposition sheet routing `info_request` to `unit`."""
    subject = _("Disposition of information request %(number)s") % {
        "number": info_request.registration_number
    }

    def render(letter):
        return render_pdf(
            "pdf/letters/disposition.html",
            {
                "letter": letter,
                "subject": subject,
                "req": info_request,
                "unit": unit,
                "note": note,
            },
        )

    return issue_document(
        kind=DocumentKind.DISPOSITION,
        subject=subject,
        render=render,
        case=info_request,
        unit=unit,
        actor=actor,
        when=when,
    )
