from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from apps.accounts.models import Unit
from apps.registers.selectors import home_registers


def home(request):
    units = (
        Unit.objects.active().filter(kind=Unit.Kind.OPD).only("name", "slug", "code")
    )
    return render(
        request,
        "portal/home.html",
        {"units": units, **home_registers(now=timezone.now())},
    )


def unit_detail(request, slug):
    unit = get_object_or_404(Unit.objects.active().select_related("parent"), slug=slug)
    children = unit.children.active().only("name", "slug", "kind")
    return render(
        request, "portal/unit_detail.html", {"unit": unit, "children": children}
    )
