"""The allowed transitions of an information request (one table, one guard)."""

from apps.core.workflow import Workflow
from apps.info_requests.models import Status

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
)
