"""Back office of the registers: unit-scoped, every write through services.py."""

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from apps.accounts.roles import can_act_on_unit, scope_to_user
from apps.core.admin import ScopedHistoryAdmin, ServiceErrorsAsMessagesMixin
from apps.core.admin_files import PrivateFilesAdminMixin
from apps.core.exports import XLSX_MIME, download_response
from apps.core.files import private_file_response
from apps.registers import services, spreadsheet
from apps.registers.forms import (
    AnnouncementAdminForm,
    DocumentInlineForm,
    ExemptInformationAdminForm,
    ImportForm,
    WithdrawForm,
    serta_merta_items_for,
    unit_choices_for,
)
from apps.registers.models import (
    Announcement,
    Document,
    ExemptInformation,
    InformationItem,
)


class UnitScopedAdminMixin:
    """Officers see and change only their units' rows; unit choices are limited."""

    unit_field = "unit"

    def get_queryset(self, request):
        return scope_to_user(
            super().get_queryset(request), request.user, unit_field=self.unit_field
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = unit_choices_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _unit_id(self, obj):
        return obj.unit_id

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (
            obj is None or can_act_on_unit(request.user, self._unit_id(obj))
        )

    def run_each(self, request, queryset, func, done_message, kwargs):
        """Call the service for each selected row: history and audit per object."""
        done = 0
        for obj in queryset:
            if self.run_service(request, func, actor=request.user, **kwargs(obj)):
                done += 1
        if done:
            self.message_user(request, done_message(done), level=messages.SUCCESS)


class StaleFilter(admin.SimpleListFilter):
    title = _("refresh (berkala)")
    parameter_name = "refresh"

    def lookups(self, request, model_admin):
        return [("overdue", _("Refresh overdue"))]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.stale(timezone.localdate())
        return queryset


class DocumentInline(PrivateFilesAdminMixin, admin.TabularInline):
    model = Document
    private_file_urls = {"file": Document.get_download_url}
    private_file_names = {"file": lambda document: document.original_filename}
    form = DocumentInlineForm
    extra = 1
    fields = ["title", "file", "external_url", "details"]
    readonly_fields = ["details"]

    @admin.display(description=_("details"))
    def details(self, obj):
        if not obj.pk:
            return "–"
        return format_html(
            '<a href="{}">{}</a> · {} · {} {} · {}: {}',
            obj.get_download_url(),
            obj.original_filename or obj.external_url,
            obj.content_type or _("link"),
            obj.size,
            _("bytes"),
            _("downloads"),
            obj.download_count,
        )


@admin.register(InformationItem)
class InformationItemAdmin(
    ServiceErrorsAsMessagesMixin, UnitScopedAdminMixin, ScopedHistoryAdmin
):
    change_list_template = "admin/registers/informationitem/change_list.html"
    list_display = [
        "title",
        "category",
        "unit",
        "year",
        "status",
        "published_at",
        "refresh_due",
    ]
    list_filter = ["status", "category", StaleFilter, "year", "unit"]
    list_select_related = ["unit"]
    search_fields = ["title", "summary", "tags"]
    readonly_fields = [
        "status",
        "published_at",
        "published_by",
        "withdrawn_at",
        "withdrawn_by",
        "withdrawal_reason",
    ]
    inlines = [DocumentInline]
    actions = [
        "publish_items",
        "withdraw_items",
        "return_items_to_draft",
        "mark_items_refreshed",
    ]
    fieldsets = [
        (None, {"fields": ["category", "title", "summary", "unit", "year", "tags"]}),
        (
            _("DIP columns"),
            {
                "fields": [
                    "responsible_official",
                    "production_time_place",
                    ("format_softcopy", "format_hardcopy", "format_recording"),
                    "retention_period",
                    "media",
                    "legal_basis",
                    ("dip_decree_number", "dip_decree_date"),
                ]
            },
        ),
        (
            _("Periodic information"),
            {"fields": ["update_cycle", "last_refreshed_on", "refresh_due"]},
        ),
        (
            _("Publication"),
            {
                "fields": [
                    "status",
                    ("published_at", "published_by"),
                    ("withdrawn_at", "withdrawn_by"),
                    "withdrawal_reason",
                ]
            },
        ),
    ]

    def has_delete_permission(self, request, obj=None):
        return False  # withdraw instead: the register keeps its history

    def save_model(self, request, obj, form, change):
        data = {
            name: form.cleaned_data[name]
            for name in services.ITEM_FIELDS
            if name in form.cleaned_data
        }
        if change:
            saved = services.information_item_update(
                actor=request.user, item=obj, data=data
            )
        else:
            saved = services.information_item_create(actor=request.user, data=data)
        obj.pk = saved.pk
        obj._state.adding = False
        obj.refresh_from_db()

    def save_formset(self, request, form, formset, change):
        if formset.model is not Document:
            return super().save_formset(request, form, formset, change)
        formset.new_objects, formset.changed_objects, formset.deleted_objects = (
            [],
            [],
            [],
        )
        for inline_form in formset.forms:
            instance = inline_form.instance
            if inline_form in formset.deleted_forms:
                if instance.pk:
                    services.document_remove(actor=request.user, document=instance)
                    formset.deleted_objects.append(instance)
            elif not instance.pk:
                if inline_form.has_changed():
                    formset.new_objects.append(
                        services.document_add(
                            actor=request.user,
                            item=form.instance,
                            title=inline_form.cleaned_data["title"],
                            upload=inline_form.cleaned_data.get("file") or None,
                            external_url=inline_form.cleaned_data.get("external_url")
                            or "",
                        )
                    )
            elif "title" in inline_form.changed_data:
                services.document_update(
                    actor=request.user,
                    document=instance,
                    title=inline_form.cleaned_data["title"],
                )
                formset.changed_objects.append((instance, ["title"]))

    def has_publish_permission(self, request):
        """Publishing is offered to who may publish (services.may_publish)."""
        return self.has_change_permission(request) and services.may_publish(
            request.user
        )

    @admin.action(description=_("Publish the selected items"), permissions=["publish"])
    def publish_items(self, request, queryset):
        self.run_each(
            request,
            queryset,
            services.information_item_publish,
            lambda n: ngettext("%d item published.", "%d items published.", n) % n,
            kwargs=lambda obj: {"item": obj},
        )

    @admin.action(description=_("Withdraw the selected items"), permissions=["change"])
    def withdraw_items(self, request, queryset):
        form = WithdrawForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            self.run_each(
                request,
                queryset,
                services.information_item_withdraw,
                lambda n: ngettext("%d item withdrawn.", "%d items withdrawn.", n) % n,
                kwargs=lambda obj: {"item": obj, "reason": form.cleaned_data["reason"]},
            )
            return None
        return TemplateResponse(
            request,
            "admin/registers/informationitem/withdraw.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "items": queryset,
                "form": form,
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
                "title": _("Withdraw information items"),
            },
        )

    @admin.action(
        description=_("Return the selected withdrawn items to draft"),
        permissions=["change"],
    )
    def return_items_to_draft(self, request, queryset):
        self.run_each(
            request,
            queryset,
            services.information_item_return_to_draft,
            lambda n: (
                ngettext("%d item back in draft.", "%d items back in draft.", n) % n
            ),
            kwargs=lambda obj: {"item": obj},
        )

    @admin.action(
        description=_("Mark the selected periodic items as refreshed today"),
        permissions=["change"],
    )
    def mark_items_refreshed(self, request, queryset):
        self.run_each(
            request,
            queryset,
            services.information_item_mark_refreshed,
            lambda n: ngettext("%d item refreshed.", "%d items refreshed.", n) % n,
            kwargs=lambda obj: {"item": obj},
        )

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="{}_{}_import".format(*info),
            ),
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="{}_{}_export".format(*info),
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        result = None
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            result = spreadsheet.import_workbook(
                actor=request.user,
                data=form.cleaned_data["workbook"].read(),
                dry_run=form.cleaned_data["dry_run"],
            )
            if result.applied:
                self.message_user(
                    request,
                    ngettext("%d row imported.", "%d rows imported.", len(result.rows))
                    % len(result.rows),
                    level=messages.SUCCESS,
                )
        return TemplateResponse(
            request,
            "admin/registers/informationitem/import.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "form": form,
                "result": result,
                "title": _("Import the DIP workbook"),
                "export_url": reverse("admin:registers_informationitem_export"),
            },
        )

    def export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        items = (
            self.get_queryset(request)
            .select_related("unit")
            .order_by("category", "unit__name", "title", "pk")
        )
        return download_response(
            spreadsheet.officer_workbook(items),
            filename=f"dip-{timezone.localdate().isoformat()}.xlsx",
            content_type=XLSX_MIME,
        )


class ReviewFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", _("Period ended: review needed"))]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.due_for_review(timezone.localdate())
        return queryset


@admin.register(ExemptInformation)
class ExemptInformationAdmin(
    PrivateFilesAdminMixin,
    ServiceErrorsAsMessagesMixin,
    UnitScopedAdminMixin,
    ScopedHistoryAdmin,
):
    form = ExemptInformationAdminForm
    private_file_urls = {
        "minutes_file": lambda exemption: reverse(
            "admin:registers_exemptinformation_minutes", args=[exemption.pk]
        )
    }
    private_file_names = {"minutes_file": lambda exemption: exemption.minutes_filename}
    list_display = [
        "title",
        "unit",
        "pasal17_letters",
        "period_kind",
        "period_until",
        "decision_number",
        "status",
        "review_needed",
    ]
    list_filter = [ReviewFilter, "status", "period_kind", "test_stage", "unit"]
    list_select_related = ["unit"]
    search_fields = ["title", "decision_number"]
    readonly_fields = ["status", "reviewed_on", "lifted_at", "minutes_link"]
    actions = ["lift_exemptions"]

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "item":
            kwargs["queryset"] = scope_to_user(
                InformationItem.objects.all(), request.user
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(boolean=True, description=_("review needed"))
    def review_needed(self, obj):
        return obj.needs_review(timezone.localdate())

    @admin.display(description=_("minutes (berita acara)"))
    def minutes_link(self, obj):
        if not obj.pk or not obj.minutes_file:
            return "–"
        url = reverse("admin:registers_exemptinformation_minutes", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.minutes_filename)

    def save_model(self, request, obj, form, change):
        data = {
            name: form.cleaned_data[name]
            for name in services.EXEMPTION_FIELDS
            if name in form.cleaned_data
        }
        data["pasal17_letters"] = "".join(sorted(form.cleaned_data["pasal17"]))
        saved = services.exemption_save(
            actor=request.user,
            data=data,
            exemption=obj if change else None,
            minutes=form.cleaned_data.get("minutes"),
        )
        obj.pk = saved.pk
        obj._state.adding = False
        obj.refresh_from_db()

    @admin.action(
        description=_("Lift the selected exemptions (information opens)"),
        permissions=["change"],
    )
    def lift_exemptions(self, request, queryset):
        done = 0
        for exemption in queryset:
            if self.run_service(
                request,
                services.exemption_lift,
                actor=request.user,
                exemption=exemption,
            ):
                done += 1
        if done:
            self.message_user(
                request,
                ngettext("%d exemption lifted.", "%d exemptions lifted.", done) % done,
                level=messages.SUCCESS,
            )

    def get_urls(self):
        return [
            path(
                "<int:pk>/minutes/",
                self.admin_site.admin_view(self.minutes_view),
                name="registers_exemptinformation_minutes",
            ),
            *super().get_urls(),
        ]

    def minutes_view(self, request, pk):
        exemption = get_object_or_404(self.get_queryset(request), pk=pk)
        if (
            not self.has_view_permission(request, exemption)
            or not exemption.minutes_file
        ):
            raise Http404
        return private_file_response(
            exemption.minutes_file,
            filename=exemption.minutes_filename or f"berita-acara-{pk}",
        )


@admin.register(Announcement)
class AnnouncementAdmin(
    ServiceErrorsAsMessagesMixin, UnitScopedAdminMixin, ScopedHistoryAdmin
):
    form = AnnouncementAdminForm
    unit_field = "item__unit"
    list_display = ["message", "item", "severity", "starts_at", "ends_at"]
    list_filter = ["severity"]
    list_select_related = ["item"]

    def _unit_id(self, obj):
        return obj.item.unit_id

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "item":
            kwargs["queryset"] = serta_merta_items_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        saved = services.announcement_save(
            actor=request.user, data=data, announcement=obj if change else None
        )
        obj.pk = saved.pk
        obj._state.adding = False
