"""The complaint workflow's transition table (SP4N LAPOR! practice), its guards and
steps, and who hears of a transition."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.complaints import notifications
from apps.complaints.models import ComplaintSettings, Status
from apps.complaints.permissions import can_take_step
from apps.core.errors import ApplicationError
from apps.core.notify import announce
from apps.core.workdays import Calendar, receipt_date
from apps.core.workflow import Step, Workflow


def may(step: str):
    """Guard: a human actor needs the step's permission and the complaint's unit
    (an actor of None is the system, e.g. an import)."""

    def guard(complaint, attempt) -> None:
        if attempt.actor is not None and not can_take_step(
            attempt.actor, step, complaint
        ):
            raise PermissionDenied(_("You may not take this step on this complaint."))

    return guard


def reopen_deadline(complaint) -> dt.date | None:
    if complaint.resolved_at is None:
        return None
    return Calendar().add(
        receipt_date(complaint.resolved_at),
        ComplaintSettings.load().reopen_window_days,
    )


def reopened_at_most_once(complaint, attempt) -> None:
    if complaint.reopen_count >= 1:
        raise ApplicationError(
            _("This complaint has already been reopened once."),
            code="reopened_already",
        )


def within_reopen_window(complaint, attempt) -> None:
    deadline = reopen_deadline(complaint)
    if deadline is not None and attempt.today > deadline:
        raise ApplicationError(
            _("The period to reopen this complaint ended on %(date)s.")
            % {"date": deadline.isoformat()},
            code="reopen_window_passed",
        )


def tell(complaint, event) -> None:
    """The unit hears of a disposition; the reporter of every step they care
    about (not of the verification, nor of a reopening they asked for)."""
    notices = []
    if event.to_status == Status.FORWARDED:
        notices.append(notifications.FORWARDED)
    reopened = event.from_status == Status.RESOLVED
    if event.to_status in notifications.REPORTER_HEARS and not reopened:
        notices.append(notifications.STATUS_CHANGED)
    if notices:
        announce(complaint, event, *notices)


def _step(name, to, label, **kwargs) -> Step:
    return Step(
        name,
        to,
        label,
        permission=lambda user, complaint: can_take_step(user, name, complaint),
        guards=[may(name), *kwargs.pop("guards", ())],
        **kwargs,
    )


COMPLAINT_WORKFLOW = Workflow(
    gettext_lazy("complaint"),
    Status,
    {
        # A complaint that is really an information request becomes one.
        Status.RECEIVED: {Status.VERIFIED, Status.REJECTED, Status.CONVERTED},
        Status.VERIFIED: {Status.FORWARDED, Status.CONVERTED},
        # The PPID Utama may send an insufficient follow-up back to the unit.
        Status.FORWARDED: {Status.FOLLOWED_UP},
        Status.FOLLOWED_UP: {Status.RESOLVED, Status.FORWARDED},
        # Reopened once, within the window of ComplaintSettings.
        Status.RESOLVED: {Status.FORWARDED},
    },
    guards={
        (Status.RESOLVED, Status.FORWARDED): [
            reopened_at_most_once,
            within_reopen_window,
        ]
    },
    stamps={
        Status.VERIFIED: "verified_at",
        Status.REJECTED: "rejected_at",
        Status.FORWARDED: "forwarded_at",
        Status.FOLLOWED_UP: "followed_up_at",
        Status.RESOLVED: "resolved_at",
    },
    steps=[
        _step("verify", Status.VERIFIED, gettext_lazy("Verify")),
        _step("reject", Status.REJECTED, gettext_lazy("Reject")),
        _step(
            "forward",
            Status.FORWARDED,
            gettext_lazy("Forward to the unit"),
            sources=frozenset({Status.VERIFIED, Status.FOLLOWED_UP}),
        ),
        _step("follow_up", Status.FOLLOWED_UP, gettext_lazy("Record the follow-up")),
        _step("resolve", Status.RESOLVED, gettext_lazy("Resolve")),
        _step(
            "reopen",
            Status.FORWARDED,
            gettext_lazy("Reopen"),
            sources=frozenset({Status.RESOLVED}),
        ),
        _step(
            "convert",
            Status.CONVERTED,
            gettext_lazy("Convert into an information request"),
        ),
    ],
    notify=tell,
)
