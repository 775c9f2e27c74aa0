from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from apps.core.admin import ScopedHistoryAdmin
from apps.pages import checklist
from apps.pages.models import Page


@admin.register(Page)
class PageAdmin(ScopedHistoryAdmin):
    list_display = ["title", "slug", "menu", "ordering", "is_published", "updated_at"]
    list_filter = ["is_published", "menu"]
    list_editable = ["ordering"]
    search_fields = ["title", "slug", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "body"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "is_published",
                    "menu",
                    "menu_title",
                    "ordering",
                    "meta_description",
                ]
            },
        ),
    ]

    def get_urls(self):
        urls = [
            path(
                "checklist/",
                self.admin_site.admin_view(self.checklist_view),
                name="pages_page_checklist",
            )
        ]
        return urls + super().get_urls()

    def checklist_view(self, request):
        """Which items of the Komisi Informasi website checklist the site shows."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        results = checklist.evaluate()
        covered = sum(result.covered for result in results)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Komisi Informasi website checklist"),
            "results": results,
            "covered": covered,
            "total": len(results),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/pages/page/checklist.html", context)
