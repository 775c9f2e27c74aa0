from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from apps.accounts.roles import scope_to_user
from apps.core.admin_files import PrivateFilesAdminMixin
from apps.core.files import private_file_response
from apps.letters.models import IssuedDocument, NumberingRule, Signatory
from apps.letters.numbering import format_letter_number
from apps.letters.services import display_code


@admin.register(NumberingRule)
class NumberingRuleAdmin(admin.ModelAdmin):
    list_display = ["kind", "unit", "pattern", "example"]
    list_filter = ["kind"]
    list_select_related = ["unit"]
    fields = [
        "kind",
        "unit",
        "pattern",
        "classification_code",
        "unit_code",
        "sequence_digits",
    ]

    @admin.display(description=_("example"))
    def example(self, obj):
        return format_letter_number(
            obj, value=7, on=timezone.localdate(), unit=obj.unit
        )


@admin.register(Signatory)
class SignatoryAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "role", "unit", "rank", "nip", "is_active"]
    list_filter = ["role", "is_active"]
    list_select_related = ["unit"]
    search_fields = ["name", "position", "nip"]
    fields = ["role", "unit", "position", "name", "rank", "nip", "is_active"]

    def has_delete_permission(self, request, obj=None):
        return False  # the documents it signed keep pointing at it; deactivate


@admin.register(IssuedDocument)
class IssuedDocumentAdmin(PrivateFilesAdminMixin, admin.ModelAdmin):
    """The register of issued documents: read-only, scoped to the officer's units."""

    list_display = ["number", "kind", "issued_at", "unit", "signer_name", "pdf"]
    list_filter = ["kind", "issued_at"]
    list_select_related = ["unit"]
    search_fields = ["number", "verification_code"]
    date_hierarchy = "issued_at"
    fields = [
        "kind",
        "number",
        "issued_at",
        "place",
        "subject",
        "unit",
        "signer_position",
        "signer_name",
        "signer_rank",
        "signer_nip",
        "code",
        "sha256",
        "pdf",
    ]
    readonly_fields = fields
    private_file_urls = {
        "file": lambda obj: reverse("admin:letters_issueddocument_file", args=[obj.pk])
    }

    def get_queryset(self, request):
        return scope_to_user(super().get_queryset(request), request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("verification code"))
    def code(self, obj):
        url = reverse("letters:verify", args=[obj.verification_code])
        return format_html(
            '<a href="{}">{}</a>', url, display_code(obj.verification_code)
        )

    @admin.display(description=_("PDF"))
    def pdf(self, obj):
        url = reverse("admin:letters_issueddocument_file", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download"))

    def get_urls(self):
        return [
            path(
                "<int:pk>/file/",
                self.admin_site.admin_view(self.file_view),
                name="letters_issueddocument_file",
            ),
            *super().get_urls(),
        ]

    def file_view(self, request, pk):
        obj = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        safe = obj.number.replace("/", "-").replace(" ", "")
        return private_file_response(obj.file, filename=f"{safe}.pdf")
