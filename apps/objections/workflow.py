"""The allowed transitions of an objection and of a dispute (one table each)."""

from apps.core.workflow import Workflow
from apps.objections.models import DisputeStage, Status

OBJECTION_WORKFLOW = Workflow(
    "objection",
    Status,
    {
        Status.RECEIVED: {Status.ANSWERED, Status.RELEASE_ORDERED, Status.WITHDRAWN},
        Status.RELEASE_ORDERED: {Status.RELEASED},
        Status.ANSWERED: set(),
        Status.RELEASED: set(),
        Status.WITHDRAWN: set(),
    },
)

S = DisputeStage
DISPUTE_WORKFLOW = Workflow(
    "dispute",
    DisputeStage,
    {
        S.REGISTRATION: {S.PRELIMINARY, S.MEDIATION, S.ADJUDICATION, S.FINAL},
        S.PRELIMINARY: {S.MEDIATION, S.ADJUDICATION, S.DECISION, S.FINAL},
        S.MEDIATION: {S.ADJUDICATION, S.DECISION, S.FINAL},
        S.ADJUDICATION: {S.DECISION, S.FINAL},
        S.DECISION: {S.COURT_APPEAL, S.FINAL},
        S.COURT_APPEAL: {S.CASSATION, S.FINAL},
        S.CASSATION: {S.FINAL},
        S.FINAL: set(),
    },
)
