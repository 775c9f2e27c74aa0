"""Facets of the public register (also the API's filters)."""

import django_filters

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Unit
from apps.registers.models import Category, Format, InformationItem
from apps.registers.selectors import search_items

FORMAT_FIELDS = {
    Format.SOFTCOPY: "format_softcopy",
    Format.HARDCOPY: "format_hardcopy",
    Format.RECORDING: "format_recording",
}


def _units(request):
    return Unit.objects.active().only("pk", "name", "slug", "ordering")


class InformationItemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=Category.choices, empty_label=_("All categories")
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"),
        queryset=_units,
        to_field_name="slug",
        empty_label=_("All units"),
    )
    year = django_filters.NumberFilter(label=_("Year"))
    format = django_filters.ChoiceFilter(
        label=_("Format"),
        choices=Format.choices,
        method="filter_format",
        empty_label=_("All formats"),
    )

    class Meta:
        model = InformationItem
        fields = ["q", "category", "unit", "year", "format"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, form_field in self.form.fields.items():
            css = (
                "form-select"
                if name in ("category", "unit", "format")
                else ("form-control")
            )
            form_field.widget.attrs["class"] = css

    def filter_q(self, queryset, name, value):
        return search_items(queryset, value)

    def filter_format(self, queryset, name, value):
        return queryset.filter(Q(**{FORMAT_FIELDS[value]: True}))
