from simple_history.admin import SimpleHistoryAdmin

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from apps.core import periods
from apps.core.admin_files import read_only_admin
from apps.core.errors import ApplicationError
from apps.core.models import BodyProfile, Delivery, NonWorkingDay, StatusChange
from apps.core.widgets import NativeDateInput
from apps.core.workdays import Calendar


class DeadlineFilter(admin.SimpleListFilter):
    """A case list by its due date: overdue, or due within periods.DUE_SOON_DAYS
    working days (the queryset's `overdue(today)` and `due_soon(today, horizon)`)."""

    title = _("deadline")
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [
            ("overdue", _("Overdue")),
            (
                "soon",
                format_lazy(
                    _("Due within {days} working days"), days=periods.DUE_SOON_DAYS
                ),
            ),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.overdue(today)
        if self.value() == "soon":
            horizon = Calendar().add(today, periods.DUE_SOON_DAYS)
            return queryset.due_soon(today, horizon)
        return queryset


class ServiceErrorsAsMessagesMixin:
    """Admin actions call services; a refused step becomes a message, not a 500."""

    def run_service(self, http_request, func, /, *args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ApplicationError as error:
            self.message_user(http_request, str(error), level=messages.ERROR)
            return None


class ScopedHistoryAdmin(SimpleHistoryAdmin):
    """django-simple-history's pages held to this admin's own rules, read-only.

    Its views look the object up without get_queryset(), show every field of a
    version and save it back for anyone who may view the object (a revert that
    skips the services and their audit trail). Here an object outside the
    officer's queryset (another unit's case) or a malformed id is a 404, as on
    the change page; the history list and a version show only the fields the
    change page shows this officer; a version is never saved (POST is a 405):
    there is no revert, a past value is typed again on the change page or
    through the workflow step that sets it.
    """

    object_history_form_template = "admin/history_version.html"

    def _current_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        return obj

    def revert_disabled(self, request, obj=None):
        return True

    def history_visible_fields(self, request, obj) -> list[str]:
        """Fields kept in the history that the change page shows `request.user`
        for `obj` (a private file's display counts as its field)."""
        names = {
            getattr(name, "__name__", name)
            for name in flatten_fieldsets(self.get_fieldsets(request, obj))
        }
        manager = self.model._meta.simple_history_manager_attribute
        history_model = getattr(self.model, manager).model
        return [
            field.name
            for field in history_model.tracked_fields
            if field.editable and field.name in names
        ]

    def history_view(self, request, object_id, extra_context=None):
        current = self._current_or_404(request, object_id)
        request._history_fields = self.history_visible_fields(request, current)
        return super().history_view(request, object_id, extra_context)

    def set_history_delta_changes(
        self, request, historical_records, foreign_keys_are_objs=True
    ):
        """The "Changes" column lists only fields the change page shows."""
        visible = getattr(request, "_history_fields", [])
        previous = None
        for record in historical_records:
            if previous is not None:
                delta = previous.diff_against(
                    record,
                    included_fields=visible,
                    foreign_keys_are_objs=foreign_keys_are_objs,
                )
                helper = self.get_historical_record_context_helper(request, previous)
                previous.history_delta_changes = helper.context_for_delta_changes(delta)
            previous = record

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        current = self._current_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, current):
            raise PermissionDenied
        manager = self.model._meta.simple_history_manager_attribute
        history_model = getattr(self.model, manager).model
        try:
            version_id = history_model._meta.pk.to_python(version_id)
        except ValidationError:
            raise Http404 from None
        record = get_object_or_404(
            history_model,
            **{self.model._meta.pk.attname: current.pk, "history_id": version_id},
        )
        version = record.instance
        version._state.adding = False
        # The change page's fieldsets and form, every field a read-only display of
        # the version (as Django shows an officer who may only view); the form
        # gives labels and is never bound.
        with read_only_admin(request):
            fieldsets = self.get_fieldsets(request, current)
            form_class = self.get_form(
                request, current, change=True, fields=flatten_fieldsets(fieldsets)
            )
        form = form_class(instance=version)
        admin_form = helpers.AdminForm(
            form,
            fieldsets,
            {},
            readonly_fields=flatten_fieldsets(fieldsets),
            model_admin=self,
        )
        opts = self.model._meta
        name = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}"
        context = {
            **self.admin_site.each_context(request),
            "title": _("Version of %(date)s: %(object)s")
            % {"date": formats.localize(record.history_date), "object": current},
            "subtitle": None,
            "adminform": admin_form,
            "object_id": current.pk,
            "original": version,
            "record": record,
            "is_popup": False,
            "media": self.media + admin_form.media,
            "errors": [],
            "inline_admin_formsets": [],
            "app_label": opts.app_label,
            "original_opts": opts,
            "opts": opts,
            "changelist_url": reverse(f"{name}_changelist"),
            "change_url": reverse(f"{name}_change", args=[current.pk]),
            "history_url": reverse(f"{name}_history", args=[current.pk]),
            "revert_disabled": True,
            "change_history": False,
            "add": False,
            "change": True,
            "has_add_permission": False,
            "has_view_permission": True,
            "has_change_permission": False,
            "has_delete_permission": False,
            "has_editable_inline_admin_formsets": False,
            "has_file_field": False,
            "has_absolute_url": False,
            "form_url": "",
            "save_as": False,
            "save_on_top": False,
            "show_save": False,
            "content_type_id": ContentType.objects.get_for_model(self.model).pk,
        }
        context.update(extra_context or {})
        return self.render_history_view(
            request, self.object_history_form_template, context
        )


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
                    "city",
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
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
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
    change_list_template = "admin/core/nonworkingday/change_list.html"

    def changelist_view(self, request, extra_context=None):
        """With the recount the last correction started: "recomputing: N of M"."""
        from apps.core.deadlines import current_recount, is_stalled

        run = current_recount()
        context = {"recount": run, "recount_stalled": run and is_stalled(run)}
        return super().changelist_view(request, {**context, **(extra_context or {})})

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
            request.GET
            or {
                "start": timezone.localdate().isoformat(),
                "days": periods.REQUEST_NOTICE_DAYS,
            }
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

    def get_queryset(self, request):
        """A PPID Pelaksana lists the audit rows (and their notes) of their
        units' cases only, like the cases themselves."""
        return StatusChange.objects.visible_to(request.user).select_related(
            "content_type", "actor"
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """What the notification pipeline sent, read-only, scoped like the cases: a
    PPID Pelaksana sees the deliveries of their units' cases only."""

    list_display = [
        "created_at",
        "notice",
        "content_type",
        "object_id",
        "recipient_kind",
        "channel",
        "address_masked",
        "status",
        "attempts",
        "sent_at",
    ]
    list_filter = ["status", "channel", "recipient_kind", "notice"]
    list_select_related = ["content_type"]
    date_hierarchy = "created_at"
    search_fields = ["notice", "provider_id"]
    exclude = ["address_hash"]

    def get_queryset(self, request):
        return Delivery.objects.visible_to(request.user).select_related("content_type")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
