from django.dispatch import receiver

from apps.core.signals import calendar_changed


@receiver(calendar_changed)
def recompute_objection_deadlines(sender, dates, reason, **kwargs):
    from apps.objections.services import objections_recompute_deadlines

    objections_recompute_deadlines(reason=reason)
