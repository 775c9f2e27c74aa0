"""Officers type the annual report's narrative, preview it as PDF/XLSX and publish
it (PPID Utama); survey responses are read-only."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from apps.core.admin import ServiceErrorsAsMessagesMixin
from apps.core.exports import XLSX_MIME, download_response
from apps.reports import annual, services
from apps.reports.models import AnnualReport, SurveyResponse

PUBLISH_PERMISSION = "reports.publish_annualreport"


@admin.register(AnnualReport)
class AnnualReportAdmin(ServiceErrorsAsMessagesMixin, admin.ModelAdmin):
    list_display = ["year", "published", "published_at", "downloads"]
    list_filter = ["published"]
    readonly_fields = ["published", "published_at", "published_by", "downloads"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["year", "downloads"]}),
        (_("1. Service policy"), {"fields": ["policy"]}),
        (
            _("2. Implementation of the service"),
            {"fields": ["facilities", "staff", "budget"]},
        ),
        (
            _("3-4. Figures are taken from the data; notes on objections"),
            {"fields": ["dispute_notes"]},
        ),
        (
            _("5-6. Obstacles and recommendations"),
            {"fields": ["obstacles", "recommendations"]},
        ),
        (_("Publication"), {"fields": ["published", "published_at", "published_by"]}),
    ]

    def get_urls(self):
        return [
            path(
                "<int:pk>/download/<str:fmt>/",
                self.admin_site.admin_view(self.download_view),
                name="reports_annualreport_download",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("Draft preview"))
    def downloads(self, obj):
        if not obj or not obj.pk:
            return "-"
        return format_html(
            '<a href="{}">PDF</a> · <a href="{}">XLSX</a>',
            reverse("admin:reports_annualreport_download", args=[obj.pk, "pdf"]),
            reverse("admin:reports_annualreport_download", args=[obj.pk, "xlsx"]),
        )

    def download_view(self, request, pk, fmt):
        if not self.has_view_permission(request):
            raise PermissionDenied
        report = get_object_or_404(AnnualReport, pk=pk)
        name = f"laporan-layanan-informasi-{report.year}"
        if fmt == "pdf":
            response = HttpResponse(annual.render_report_pdf(report), "application/pdf")
            response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
            return response
        if fmt == "xlsx":
            return download_response(
                annual.render_report_xlsx(report),
                filename=f"{name}.xlsx",
                content_type=XLSX_MIME,
            )
        raise Http404  # no such format

    def has_publish_permission(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    @admin.action(
        description=_("Publish the selected reports"), permissions=["publish"]
    )
    def publish(self, request, queryset):
        done = 0
        for report in queryset:
            if self.run_service(
                request,
                services.annual_report_publish,
                report=report,
                actor=request.user,
            ):
                done += 1
        if done:
            self.message_user(
                request, _("%(n)s report(s) published.") % {"n": done}, messages.SUCCESS
            )

    @admin.action(
        description=_("Withdraw the selected reports from the public site"),
        permissions=["publish"],
    )
    def unpublish(self, request, queryset):
        done = 0
        for report in queryset:
            if self.run_service(
                request, services.annual_report_unpublish, report=report
            ):
                done += 1
        if done:
            self.message_user(
                request, _("%(n)s report(s) withdrawn.") % {"n": done}, messages.SUCCESS
            )


@admin.register(SurveyResponse)
class SurveyResponseAdmin(admin.ModelAdmin):
    list_display = [
        "request",
        "submitted_at",
        "u1",
        "u2",
        "u3",
        "u4",
        "u5",
        "u6",
        "u7",
        "u8",
        "u9",
    ]
    list_select_related = ["request"]
    date_hierarchy = "submitted_at"
    search_fields = ["request__registration_number"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
