from django.dispatch import receiver

from apps.core.signals import calendar_changed


@receiver(calendar_changed)
def recompute_request_deadlines(sender, dates, reason, **kwargs):
    from apps.info_requests.services import information_requests_recompute_deadlines

    information_requests_recompute_deadlines(reason=reason)
