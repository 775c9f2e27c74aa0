"""Officer login lockout (django-axes): how long a lock lasts, and the page it shows.

Axes counts failed logins per account and per client address (apps.core.client)
and locks at LOGIN_FAILURE_LIMIT. The lock lasts LOGIN_LOCKOUT_MINUTES after the
last failure and doubles with every further LOGIN_FAILURE_LIMIT failures of the
same account or address within a day (failures during a lock count too), up to a
day. An Administrator unlocks in the admin (Axes → Access attempts: delete) or
with `manage.py axes_reset_username USERNAME`.
"""

import datetime as dt

from axes.helpers import get_client_username
from axes.models import AccessFailureLog

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils import timezone

BACKOFF_MEMORY = dt.timedelta(days=1)
LONGEST_LOCK = dt.timedelta(days=1)


def _recent_failures(request) -> int:
    """The day's failed logins of this request's account or address, the larger."""
    since = timezone.now() - BACKOFF_MEMORY
    recent = AccessFailureLog.objects.filter(attempt_time__gte=since)
    counts = [recent.filter(ip_address=request.axes_ip_address).count()]
    username = get_client_username(request, getattr(request, "axes_credentials", None))
    if username:
        counts.append(recent.filter(username=username).count())
    return max(counts)


def cool_off(request=None) -> dt.timedelta:
    """AXES_COOLOFF_TIME: LOGIN_LOCKOUT_MINUTES, doubled per further round of
    LOGIN_FAILURE_LIMIT failures within a day, at most a day."""
    base = dt.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    if request is None or getattr(request, "axes_ip_address", None) is None:
        return base
    # Counting the attempt being made: Axes asks before it logs the failure.
    failures = _recent_failures(request) + 1
    rounds = failures // max(settings.AXES_FAILURE_LIMIT, 1)
    doublings = min(max(rounds - 1, 0), 10)
    return min(base * 2**doublings, LONGEST_LOCK)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: a translated page (HTTP 429) with the time to wait."""
    minutes = max(1, int(cool_off(request).total_seconds() // 60))
    return render(
        request,
        "admin/locked_out.html",
        {**admin.site.each_context(request), "minutes": minutes},
        status=429,
    )
