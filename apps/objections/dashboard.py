"""The objections panel on the admin home: to answer (Atasan), releases ordered."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.core import periods
from apps.core.workdays import Calendar
from apps.objections.models import Status
from apps.objections.selectors import objections_visible_to

SHOWN = 5


def panels(request) -> list[dict]:
    user = request.user
    if not user.has_perm("objections.view_objection"):
        return []
    today = timezone.localdate()
    horizon = Calendar().add(today, periods.DUE_SOON_DAYS)
    mine = objections_visible_to(user)
    changelist = reverse("admin:objections_objection_changelist")
    groups = []
    if user.has_perm("objections.decide_objection"):
        groups += [
            (
                _("Awaiting your answer"),
                mine.awaiting_answer(),
                f"{changelist}?status__exact=received",
                False,
            ),
            (
                ngettext(
                    "Due within %(days)s working day",
                    "Due within %(days)s working days",
                    periods.DUE_SOON_DAYS,
                )
                % {"days": periods.DUE_SOON_DAYS},
                mine.due_soon(today, horizon),
                f"{changelist}?deadline=soon",
                False,
            ),
            (_("Overdue"), mine.overdue(today), f"{changelist}?deadline=overdue", True),
        ]
    groups.append(
        (
            _("Release ordered, not yet done"),
            mine.filter(status=Status.RELEASE_ORDERED),
            f"{changelist}?status__exact=release_ordered",
            False,
        )
    )
    rows = []
    for label, queryset, url, alert in groups:
        items = list(
            queryset.order_by("due_date", "pk").values_list("pk", "number")[:SHOWN]
        )
        rows.append(
            {
                "label": label,
                "count": queryset.count(),
                "url": url,
                "alert": alert,
                "items": [
                    {
                        "label": number,
                        "url": reverse("admin:objections_objection_change", args=[pk]),
                    }
                    for pk, number in items
                ],
            }
        )
    return [{"title": _("Objections"), "rows": rows}]
