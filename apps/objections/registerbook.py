"""The register of objections (spec section 5.4) for a period, as XLSX or PDF."""

import datetime as dt

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from apps.accounts.personal_data import may_see
from apps.core.exports import xlsx_bytes
from apps.core.models import BodyProfile
from apps.core.pdf import column_widths, official_document, render_pdf
from apps.objections.models import Objection

# Relative widths of the columns of register_headers() in the PDF (landscape A4).
REGISTER_WIDTHS = (16, 62, 40, 62, 62, 80, 62, 70, 66, 44, 62, 80, 50)


def register_headers() -> list[str]:
    return [
        _("No"),
        _("Objection number"),
        _("Date received"),
        _("Applicant / representative"),
        _("Registration number of the request"),
        _("Information requested"),
        _("Purpose of use"),
        _("Grounds of objection"),
        _("Decision of the PPID objected to"),
        _("Date of the answer"),
        _("Decision of the Atasan PPID"),
        _("Name and position of the Atasan PPID"),
        _("Applicant's response"),
    ]


def _day(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value)
    return formats.date_format(value, "j F Y")


def register_rows(queryset, user=None) -> list[list]:
    """The rows; the applicant's personal data only where `user` (None: the
    system) may see it (apps.accounts.personal_data)."""
    show = user is None or may_see(user, Objection)
    profile = BodyProfile.load()
    rows = []
    for index, objection in enumerate(queryset, start=1):
        request = objection.request
        notice = getattr(request, "notice", None) if request else None
        applicant = objection.name if show else ""
        if show and objection.representative_name:
            applicant += f" ({_('representative')}: {objection.representative_name})"
        ppid_decision = ""
        if notice:
            ppid_decision = notice.get_decision_display()
            if notice.refusal_reason:
                ppid_decision += f": {notice.get_refusal_reason_display()}"
        elif request:
            ppid_decision = _("No written notice")
        atasan = ""
        if objection.decided_at:
            atasan = ", ".join(
                filter(
                    None,
                    [
                        profile.superior_name
                        or (
                            objection.decided_by
                            and objection.decided_by.get_full_name()
                        ),
                        profile.superior_position,
                    ],
                )
            )
        outcome = objection.get_outcome_display() if objection.outcome else ""
        if objection.release_ordered:
            outcome += f" – {objection.release_ordered}"
        rows.append(
            [
                index,
                objection.number,
                _day(objection.received_at),
                applicant,
                request.registration_number if request else "",
                request.information_requested if request else "",
                objection.purpose,
                ", ".join(objection.grounds),
                ppid_decision,
                _day(objection.decided_at),
                outcome or objection.get_status_display(),
                atasan,
                objection.get_applicant_response_display()
                if objection.applicant_response
                else "",
            ]
        )
    return rows


def register_queryset(start: dt.date, end: dt.date, base=None):
    base = base if base is not None else Objection.objects.all()
    return (
        base.filter(received_at__date__gte=start, received_at__date__lte=end)
        .select_related("request__notice", "decided_by")
        .order_by("received_at", "pk")
    )


def register_title(start: dt.date, end: dt.date) -> str:
    return _("Register of objections %(start)s – %(end)s") % {
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
        "pdf/objections/register.html",
        {
            "title": register_title(start, end),
            "headers": register_headers(),
            "widths": column_widths(REGISTER_WIDTHS),
            "rows": register_rows(register_queryset(start, end, base), user),
        },
    )
