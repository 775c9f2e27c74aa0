"""The complaint workflow's transition table (SP4N LAPOR! practice)."""

from django.utils.translation import gettext_lazy as _

from apps.complaints.models import Status
from apps.core.workflow import Workflow

COMPLAINT_WORKFLOW = Workflow(
    _("complaint"),
    Status,
    {
        # A complaint that is really an information request becomes one.
        Status.RECEIVED: {Status.VERIFIED, Status.REJECTED, Status.CONVERTED},
        Status.VERIFIED: {Status.FORWARDED, Status.CONVERTED},
        # The PPID Utama may send an insufficient follow-up back to the unit.
        Status.FORWARDED: {Status.FOLLOWED_UP},
        Status.FOLLOWED_UP: {Status.RESOLVED, Status.FORWARDED},
        # Reopened once (complaint_reopen checks the count and the window).
        Status.RESOLVED: {Status.FORWARDED},
    },
)
