from django.shortcuts import get_object_or_404, render

from apps.accounts.models import Unit


def home(request):
    units = (
        Unit.objects.active().filter(kind=Unit.Kind.OPD).only("name", "slug", "code")
    )
    return render(request, "portal/home.html", {"units": units})


def unit_detail(request, slug):
    unit = get_object_or_404(Unit.objects.active().select_related("parent"), slug=slug)
    children = unit.children.active().only("name", "slug", "kind")
    return render(
        request, "portal/unit_detail.html", {"unit": unit, "children": children}
    )
