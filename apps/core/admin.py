import datetime as dt

from simple_history.admin import SimpleHistoryAdmin

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from apps.core.errors import ApplicationError
from apps.core.models import BodyProfile, NonWorkingDay, StatusChange
from apps.core.widgets import NativeDateInput
from apps.core.workdays import Calendar


class ServiceErrorsAsMessagesMixin:
    """Admin actions call services; a refused step becomes a message, not a 500."""

    def run_service(self, http_request, func, /, *args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ApplicationError as error:
            self.message_user(http_request, str(error), level=messages.ERROR)
            return None


@admin.register(BodyProfile)
class BodyProfileAdmin(SimpleHistoryAdmin):
    fieldsets = [
        (
            _("Body"),
            {
                "fields": [
                    "name",
                    "short_name",
                    "ppid_name",
                    "region",
                    "logo",
                    "website",
                ]
            },
        ),
        (
            _("Contact and office hours"),
            {"fields": ["address", "phone", "whatsapp", "email", "office_hours"]},
        ),
        (
            _("Social media"),
            {"fields": ["instagram", "facebook", "x_account", "youtube"]},
        ),
        (
            _("PPID"),
            {
                "fields": [
                    "ppid_decree_number",
                    "ppid_decree_date",
                    "head_of_ppid",
                    "head_of_ppid_nip",
                    "superior_name",
                    "superior_position",
                    "maklumat",
                ]
            },
        ),
        (
            _("Numbering"),
            {
                "fields": [
                    "request_number_prefix",
                    "objection_number_prefix",
                    "complaint_number_prefix",
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        profile = BodyProfile.load()
        return redirect(reverse("admin:core_bodyprofile_change", args=[profile.pk]))


class WorkingDayCalculatorForm(forms.Form):
    start = forms.DateField(label=_("Receipt date"), widget=NativeDateInput())
    days = forms.IntegerField(label=_("Working days"), min_value=1, max_value=400)


@admin.register(NonWorkingDay)
class NonWorkingDayAdmin(SimpleHistoryAdmin):
    list_display = ["date", "kind", "name", "legal_basis"]
    list_filter = ["kind"]
    search_fields = ["name", "legal_basis"]
    date_hierarchy = "date"

    def get_urls(self):
        urls = [
            path(
                "calculator/",
                self.admin_site.admin_view(self.calculator_view),
                name="core_nonworkingday_calculator",
            )
        ]
        return urls + super().get_urls()

    def calculator_view(self, request):
        """Explain a deadline: which days count and which are skipped, with names."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = WorkingDayCalculatorForm(
            request.GET or {"start": dt.date.today().isoformat(), "days": 10}
        )
        explanation = None
        if form.is_valid():
            explanation = Calendar().explain(
                form.cleaned_data["start"], form.cleaned_data["days"]
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Working-day calculator"),
            "form": form,
            "explanation": explanation,
            "opts": self.model._meta,
        }
        return TemplateResponse(
            request, "admin/core/nonworkingday/calculator.html", context
        )


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "content_type",
        "object_id",
        "from_status",
        "to_status",
        "actor",
    ]
    list_filter = ["content_type", "to_status"]
    list_select_related = ["content_type", "actor"]
    date_hierarchy = "created_at"
    search_fields = ["note"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
