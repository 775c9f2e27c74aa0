"""Calendar changes: bump the cached calendar, tell workflows to recompute deadlines."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from apps.core.models import NonWorkingDay
from apps.core.workdays import bump_calendar_version

# Sent after a calendar correction is saved or deleted (and committed).
# Receivers (request, objection, complaint workflows) recompute open deadlines;
# kwargs: dates (the changed dates), reason (text for the audit trail).
calendar_changed = Signal()

# Sent after commit for each public transition a workflow applied (never for other
# event kinds: a due date recount or a document is not news). Who hears of it is
# decided by the notification pipeline (apps.core.notify), not by receivers of
# this signal; kwargs: case, event.
case_transitioned = Signal()


@receiver([post_save, post_delete], sender=NonWorkingDay)
def _calendar_corrected(sender, instance, **kwargs):
    # Bumped now (this process reads its own correction) and again after commit:
    # a process that rebuilt the year between the two would otherwise keep a
    # calendar without the correction under the new version.
    bump_calendar_version()
    reason = f"{instance.date:%Y-%m-%d}: {instance.name}"

    def corrected():
        bump_calendar_version()
        calendar_changed.send(
            sender=NonWorkingDay, dates=[instance.date], reason=reason
        )

    transaction.on_commit(corrected)
