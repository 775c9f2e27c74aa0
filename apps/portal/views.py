from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from apps.accounts.models import Unit
from apps.info_requests.forms import StatusLookupForm
from apps.registers.selectors import home_registers
from apps.reports.statistics import headline


def home(request):
    """Name and logo, search, serta-merta announcements, the three main actions,
    status lookup, latest information, this year's headline figures, office hours."""
    now = timezone.now()
    units = (
        Unit.objects.active().filter(kind=Unit.Kind.OPD).only("name", "slug", "code")
    )
    return render(
        request,
        "portal/home.html",
        {
            "units": units,
            "figures": headline(timezone.localdate(now).year),
            "lookup_form": StatusLookupForm(auto_id="lookup-%s"),
            **home_registers(now=now),
        },
    )


def unit_detail(request, slug):
    unit = get_object_or_404(Unit.objects.active().select_related("parent"), slug=slug)
    children = unit.children.active().only("name", "slug", "kind")
    return render(
        request, "portal/unit_detail.html", {"unit": unit, "children": children}
    )
