"""Which Pasal 35(1) grounds can apply to a request, and until when each may be filed.

One function, `grounds_for()`, reads the request's facts and is used by the form,
the API, the service and the status page. The 30-working-day window
(periods.OBJECTION_FILING_DAYS) counts from the day the ground arose: the date of
the written notice, or the day after a missed due date (DECISIONS.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core import periods
from apps.core.workdays import Calendar, receipt_date
from apps.info_requests.models import InformationRequest, NoticeDecision, RefusalReason
from apps.info_requests.models import Status as RequestStatus
from apps.objections.models import Ground


@dataclass(frozen=True)
class GroundWindow:
    ground: str
    arose_on: dt.date
    window_end: dt.date
    why: str

    @property
    def label(self) -> str:
        return str(Ground(self.ground).label)

    def is_open(self, today: dt.date) -> bool:
        return today <= self.window_end


def filing_window_end(arose_on: dt.date, calendar: Calendar | None = None) -> dt.date:
    return (calendar or Calendar()).add(arose_on, periods.OBJECTION_FILING_DAYS)


def grounds_for(
    info_request: InformationRequest | None,
    *,
    today: dt.date | None = None,
    calendar: Calendar | None = None,
) -> dict[str, GroundWindow]:
    """{letter: GroundWindow} of the grounds that can apply (open or closed windows).

    Ground b (periodic information not provided) needs no request: it is always
    offered and arises when the applicant files.
    """
    today = today or timezone.localdate()
    calendar = calendar or Calendar()
    result: dict[str, GroundWindow] = {
        Ground.PERIODIC: GroundWindow(
            Ground.PERIODIC,
            today,
            filing_window_end(today, calendar),
            _("Anyone may object that periodic information was not provided."),
        )
    }
    if info_request is None or info_request.status == RequestStatus.WITHDRAWN:
        return result

    def add(ground, arose_on, why):
        result[ground] = GroundWindow(
            ground, arose_on, filing_window_end(arose_on, calendar), why
        )

    due = info_request.effective_due_date
    notice = getattr(info_request, "notice", None)
    if notice is None:
        if today > due:
            day_after = due + dt.timedelta(days=1)
            why = _("The due date %(due)s passed without a written notice.") % {
                "due": due.isoformat()
            }
            add(Ground.NO_RESPONSE, day_after, why)
            add(Ground.LATE, day_after, why)
        return result
    noticed_on = receipt_date(notice.issued_at)
    if noticed_on > due:
        why = _("The written notice of %(on)s came after the due date %(due)s.") % {
            "on": noticed_on.isoformat(),
            "due": due.isoformat(),
        }
        add(Ground.NO_RESPONSE, noticed_on, why)
        add(Ground.LATE, noticed_on, why)
    if (
        notice.decision == NoticeDecision.REFUSED
        and notice.refusal_reason == RefusalReason.EXEMPT
    ):
        add(
            Ground.EXEMPTION,
            noticed_on,
            _("The request was refused citing Pasal 17."),
        )
    add(Ground.NOT_AS_ASKED, noticed_on, _("A written notice was issued."))
    not_fulfilled = notice.decision in (
        NoticeDecision.REFUSED,
        NoticeDecision.GRANTED_IN_PART,
        NoticeDecision.FORWARDED,
    ) or (notice.releases_information and not info_request.documents.exists())
    if not_fulfilled:
        add(
            Ground.NOT_FULFILLED,
            noticed_on,
            _("The information was refused, given in part or not yet delivered."),
        )
    if notice.cost and notice.cost > 0:
        add(
            Ground.UNREASONABLE_COST,
            noticed_on,
            _("A cost of Rp %(cost)s was charged.") % {"cost": f"{notice.cost:,.0f}"},
        )
    return dict(sorted(result.items()))


def open_grounds(
    info_request: InformationRequest | None, *, today: dt.date | None = None
) -> dict[str, GroundWindow]:
    today = today or timezone.localdate()
    return {
        g: w
        for g, w in grounds_for(info_request, today=today).items()
        if w.is_open(today)
    }


def request_grounds_window(
    info_request: InformationRequest, *, today: dt.date | None = None
) -> dt.date | None:
    """The last day an objection about this request may be filed on any ground other
    than b (None when no such ground applies or every window has closed)."""
    today = today or timezone.localdate()
    ends = [
        w.window_end
        for g, w in grounds_for(info_request, today=today).items()
        if g != Ground.PERIODIC and w.is_open(today)
    ]
    return max(ends) if ends else None
