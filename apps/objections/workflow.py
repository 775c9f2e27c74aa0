"""The allowed transitions of an objection and of a dispute (one table each)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.accounts.roles import can_act_on_unit
from apps.core.errors import ApplicationError
from apps.core.notify import announce
from apps.core.workflow import Step, Workflow
from apps.objections import notifications
from apps.objections.models import (
    SETTLEABLE_GROUNDS,
    DisputeOutcome,
    DisputeStage,
    Outcome,
    Status,
)


def settleable(objection, attempt) -> None:
    """Pasal 35(2): only grounds b-g may be settled by agreement (musyawarah)."""
    if attempt.data.get("outcome") == Outcome.SETTLED and not (
        set(objection.grounds) <= SETTLEABLE_GROUNDS
    ):
        raise ApplicationError(
            _(
                "Only objections on grounds b to g may be settled by agreement "
                "(Pasal 35(2)); this one includes ground a."
            ),
            code="not_settleable",
        )


def tell_applicant(objection, event) -> None:
    """The applicant hears of the answer (or of the release); the unit's PPID of
    a release ordered."""
    if event.to_status == Status.RELEASED:
        announce(objection, event, notifications.STATUS_CHANGED)
    elif objection.release_ordered:
        announce(
            objection, event, notifications.ANSWERED, notifications.RELEASE_ORDERED
        )
    else:
        announce(objection, event, notifications.ANSWERED)


def _releasing_officer(user, objection) -> bool:
    return user.has_perm("objections.release_objection") and can_act_on_unit(
        user, objection.unit_id
    )


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
    guards={Status.ANSWERED: [settleable]},
    stamps={Status.RELEASED: "released_at"},
    steps=[
        Step(
            "decide",
            Status.ANSWERED,
            gettext_lazy("Answer the objection"),
            permission="objections.decide_objection",
        ),
        Step(
            "release",
            Status.RELEASED,
            gettext_lazy("Record the ordered release as done"),
            permission=_releasing_officer,
        ),
    ],
    clean_exclude=["identity_document", "power_of_attorney"],
    notify=tell_applicant,
)


def not_before_the_last_step(dispute, attempt) -> None:
    on = attempt.data.get("on")
    last = dispute.events.order_by("-date").values_list("date", flat=True).first()
    if on and last and on < last:
        raise ValidationError(
            {
                "on": [
                    _("The date cannot be before the previous step (%(d)s).")
                    % {"d": last.isoformat()}
                ]
            }
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
    field="stage",
    guards={stage: [not_before_the_last_step] for stage in S.values},
)

# The stages at which each outcome of a dispute can be recorded (Perki 1/2013): a
# mediation agreement at mediation; dismissal from the preliminary examination on;
# the Komisi's decision from the decision stage on (then kept through the courts).
_DECIDED = frozenset({S.DECISION, S.COURT_APPEAL, S.CASSATION, S.FINAL})
OUTCOME_STAGES = {
    DisputeOutcome.MEDIATION_AGREEMENT: frozenset({S.MEDIATION, S.FINAL}),
    DisputeOutcome.DISMISSED: _DECIDED | {S.PRELIMINARY, S.MEDIATION, S.ADJUDICATION},
    DisputeOutcome.GRANTED: _DECIDED,
    DisputeOutcome.GRANTED_IN_PART: _DECIDED,
    DisputeOutcome.REJECTED: _DECIDED,
}


def outcome_fits_stage(dispute, outcome: str) -> None:
    if outcome in OUTCOME_STAGES and dispute.stage not in OUTCOME_STAGES[outcome]:
        raise ApplicationError(
            _("“%(outcome)s” cannot be recorded at the stage “%(stage)s”.")
            % {
                "outcome": DisputeOutcome(outcome).label,
                "stage": DISPUTE_WORKFLOW.label(dispute.stage),
            },
            code="outcome_not_at_this_stage",
        )
