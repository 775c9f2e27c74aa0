import datetime as dt

from simple_history.admin import SimpleHistoryAdmin

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
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


class ScopedHistoryAdmin(SimpleHistoryAdmin):
    """django-simple-history's pages held to this admin's own rules.

    Its history views look the object up without get_queryset() and save a
    reverted version for anyone who may view it: here an object outside the
    officer's queryset (another unit's case) or a malformed id is a 404, as on
    the change page, and only an officer who may change the object reverts it.
    """

    def _current_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        return obj

    def history_view(self, request, object_id, extra_context=None):
        self._current_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        current = self._current_or_404(request, object_id)
        manager = self.model._meta.simple_history_manager_attribute
        try:
            getattr(self.model, manager).model._meta.pk.to_python(version_id)
        except ValidationError:
            raise Http404 from None
        if request.method == "POST" and not self.has_change_permission(
            request, current
        ):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(BodyProfile)
class BodyProfileAdmin(ScopedHistoryAdmin):
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
class NonWorkingDayAdmin(ScopedHistoryAdmin):
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
