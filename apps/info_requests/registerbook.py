"""The buku register permohonan (spec section 4.8) for a period, as XLSX or PDF."""

import datetime as dt

from django.db.models import Min
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from apps.accounts.personal_data import may_see
from apps.core.exports import xlsx_bytes
from apps.core.pdf import column_widths, official_document, render_pdf
from apps.info_requests.models import InformationRequest

# Relative widths of the columns of register_headers() in the PDF (landscape A4):
# in points: room: room for the longest word of each Indonesian title and
# for a registration number on one line; the rest wraps.
REGISTER_WIDTHS = (16, 38, 60, 40, 46, 66, 42, 52, 48, 40, 38, 48, 43, 46, 58, 43, 48)


def register_headers() -> list[str]:
    return [
        _("No"),
        _("Date"),
        _("Registration number"),
        _("Name"),
        _("Address"),
        _("Contact"),
        _("Occupation"),
        _("Information requested"),
        _("Purpose of use"),
        _("Status of the information"),
        _("Form held"),
        _("Kind of request"),
        _("Decision"),
        _("Reason for refusal"),
        _("Day and date of the written notice"),
        _("Day and date the information was given"),
        _("Cost and payment method"),
    ]


def _day(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value)
    return formats.date_format(value, "l, j F Y")


def register_rows(queryset, user=None) -> list[list]:
    """The rows; the applicant's personal data only where `user` (None: the
    system) may see it (apps.accounts.personal_data)."""
    show = user is None or may_see(user, InformationRequest)
    rows = []
    for index, request in enumerate(queryset, start=1):
        notice = getattr(request, "notice", None)
        status_text = ""
        if notice:
            status_text = notice.get_control_display()
            if notice.holding_body:
                status_text += f" ({notice.holding_body})"
        refusal = ""
        if notice and notice.refusal_reason:
            refusal = notice.get_refusal_reason_display()
            if notice.exemption_letters:
                refusal += " – Pasal 17 " + ", ".join(notice.exemption_letters)
        cost = ""
        if notice:
            cost = f"Rp {notice.cost:,.0f}".replace(",", ".")
            if notice.payment_method:
                cost += f"; {notice.payment_method}"
        rows.append(
            [
                index,
                _day(request.received_at),
                request.registration_number,
                request.name if show else "",
                request.address if show else "",
                ", ".join(filter(None, [request.phone, request.email])) if show else "",
                request.occupation if show else "",
                request.information_requested,
                request.purpose,
                status_text,
                notice.get_form_given_display() if notice and notice.form_given else "",
                request.get_access_method_display(),
                notice.get_decision_display()
                if notice
                else request.get_status_display(),
                refusal,
                _day(notice.issued_at) if notice else "",
                _day(request.first_document_at),
                cost,
            ]
        )
    return rows


def register_queryset(start: dt.date, end: dt.date, base=None):
    base = base if base is not None else InformationRequest.objects.all()
    return (
        base.filter(received_at__date__gte=start, received_at__date__lte=end)
        .select_related("notice")
        .annotate(first_document_at=Min("documents__created_at"))
        .order_by("received_at", "pk")
    )


def register_title(start: dt.date, end: dt.date) -> str:
    return _("Register of information requests %(start)s – %(end)s") % {
        "start": formats.date_format(start, "j F Y"),
        "end": formats.date_format(end, "j F Y"),
    }


@official_document
def register_xlsx(start: dt.date, end: dt.date, base=None, user=None) -> bytes:
    return xlsx_bytes(
        title=register_title(start, end),
        headers=register_headers(),
        rows=register_rows(register_queryset(start, end, base), user),
        sheet=_("Register"),
    )


@official_document
def register_pdf(start: dt.date, end: dt.date, base=None, user=None) -> bytes:
    return render_pdf(
        "pdf/info_requests/register_book.html",
        {
            "title": register_title(start, end),
            "headers": register_headers(),
            "widths": column_widths(REGISTER_WIDTHS),
            "rows": register_rows(register_queryset(start, end, base), user),
        },
    )
