"""The complaint workflow's transition table (SP4N LAPOR! practice)."""

from django.utils.translation import gettext_lazy as _

from apps.complaints.models import Status
from apps.core.workflow import Workflow

COMPLAINT_WORKFLOW = Workflow(
    _("complaint"),
    Status,
    {
        Status.RECEIVED: {Status.VERIFIED, Status.REJECTED},
        Status.VERIFIED: {Status.FORWARDED},
        # The PPID Utama may send an insufficient follow-up back to the unit.
        Status.FORWARDED: {Status.FOLLOWED_UP},
        Status.FOLLOWED_UP: {Status.RESOLVED, Status.FORWARDED},
        # Reopened once (complaint_reopen checks the count and the window).
        Status.RESOLVED: {Status.FORWARDED},
    },
)
