"""The allowed transitions of an information request: one table, its guards, steps."""

from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.accounts.roles import can_act_on_unit
from apps.core import periods
from apps.core.errors import ApplicationError
from apps.core.notify import announce
from apps.core.workflow import Step, Workflow
from apps.info_requests import notifications
from apps.info_requests.models import Status


def extended_once(request, attempt) -> None:
    if request.extended_due_date:
        raise ApplicationError(
            _("A request can be extended only once."), code="already_extended"
        )


def before_due_date(request, attempt) -> None:
    """UU 14/2008 Pasal 22(8): the extension is given within the first period."""
    if attempt.today > request.due_date:
        raise ApplicationError(
            _("The due date %(due)s has passed; the request can no longer be extended.")
            % {"due": request.due_date.isoformat()},
            code="due_date_passed",
        )


def notice_not_issued(request, attempt) -> None:
    if request.status == Status.REOPENED:
        raise ApplicationError(
            _(
                "The written notice of this request was already issued; a request "
                "reopened on objection is closed once the ordered release is done."
            ),
            code="already_decided",
        )


def tell_applicant(request, event) -> None:
    announce(request, event, notifications.STATUS_CHANGED)


def _officer_of_unit(permission: str):
    def permits(user, request) -> bool:
        return user.has_perm(permission) and can_act_on_unit(user, request.unit_id)

    return permits


DECIDE = "info_requests.decide_informationrequest"
OPEN_FOR_ROUTING = frozenset(
    {Status.RECEIVED, Status.AWAITING_COMPLETION, Status.IN_PROCESS}
)

REQUEST_WORKFLOW = Workflow(
    "information request",
    Status,
    {
        Status.RECEIVED: {
            Status.IN_PROCESS,
            Status.AWAITING_COMPLETION,
            Status.DECIDED,
            Status.WITHDRAWN,
        },
        Status.AWAITING_COMPLETION: {
            Status.RECEIVED,
            Status.IN_PROCESS,
            Status.DECIDED,
            Status.WITHDRAWN,
        },
        Status.IN_PROCESS: {
            Status.AWAITING_COMPLETION,
            Status.EXTENDED,
            Status.DECIDED,
            Status.WITHDRAWN,
        },
        Status.EXTENDED: {Status.DECIDED, Status.WITHDRAWN},
        # Reopened when the Atasan PPID orders release on an objection, and decided
        # again once the PPID has delivered (apps/objections).
        Status.DECIDED: {Status.REOPENED},
        Status.REOPENED: {Status.DECIDED},
        Status.WITHDRAWN: set(),
    },
    guards={Status.EXTENDED: [extended_once, before_due_date]},
    stamps={Status.DECIDED: "closed_at", Status.WITHDRAWN: "closed_at"},
    steps=[
        Step(
            "assign",
            Status.IN_PROCESS,
            gettext_lazy("Assign to a unit"),
            permission="info_requests.route_informationrequest",
            sources=OPEN_FOR_ROUTING,
        ),
        Step(
            "ask_completion",
            Status.AWAITING_COMPLETION,
            gettext_lazy("Ask the applicant to complete"),
            permission=_officer_of_unit(DECIDE),
        ),
        Step(
            "complete",
            Status.IN_PROCESS,
            gettext_lazy("Requirements completed"),
            permission=_officer_of_unit(DECIDE),
            sources=frozenset({Status.AWAITING_COMPLETION}),
        ),
        Step(
            "extend",
            Status.EXTENDED,
            format_lazy(
                gettext_lazy("Extend ({days} working days)"),
                days=periods.REQUEST_EXTENSION_DAYS,
            ),
            permission=_officer_of_unit(DECIDE),
        ),
        Step(
            "decide",
            Status.DECIDED,
            gettext_lazy("Issue the written notice"),
            permission=_officer_of_unit(DECIDE),
            guards=[notice_not_issued],
        ),
        Step(
            "withdraw",
            Status.WITHDRAWN,
            gettext_lazy("Record withdrawal"),
            permission=_officer_of_unit(DECIDE),
        ),
    ],
    notify=tell_applicant,
)
