"""The officer's request queue on the admin home: new, due soon, overdue."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.accounts.roles import scope_to_user
from apps.core import periods
from apps.core.workdays import Calendar
from apps.info_requests.models import InformationRequest, Status

SHOWN = 5


def panels(request) -> list[dict]:
    user = request.user
    if not user.has_perm("info_requests.view_informationrequest"):
        return []
    today = timezone.localdate()
    horizon = Calendar().add(today, periods.DUE_SOON_DAYS)
    mine = scope_to_user(InformationRequest.objects.all(), user)
    changelist = reverse("admin:info_requests_informationrequest_changelist")
    if user.has_perm("info_requests.route_informationrequest"):
        new = mine.filter(status=Status.RECEIVED)
        new_url = f"{changelist}?status__exact=received"
    else:
        new = mine.filter(status=Status.IN_PROCESS)
        new_url = f"{changelist}?status__exact=in_process"
    rows = []
    for label, queryset, url, alert in [
        (_("New"), new, new_url, False),
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
    ]:
        items = list(
            queryset.order_by("due_date", "pk").values_list(
                "pk", "registration_number"
            )[:SHOWN]
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
                        "url": reverse(
                            "admin:info_requests_informationrequest_change", args=[pk]
                        ),
                    }
                    for pk, number in items
                ],
            }
        )
    return [{"title": _("Information requests"), "rows": rows}]
