from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from apps.accounts.grants import (
    can_manage_user,
    grantable_groups,
    grantable_permissions,
    manageable_users,
)
from apps.accounts.models import ApiToken, Unit, User
from apps.accounts.tokens import api_token_issue
from apps.core.admin import ScopedHistoryAdmin


@admin.register(Unit)
class UnitAdmin(ScopedHistoryAdmin):
    list_display = ["name", "code", "kind", "parent", "is_active", "ordering"]
    list_filter = ["kind", "is_active"]
    list_select_related = ["parent"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["code"]}
    autocomplete_fields = ["parent"]
    list_editable = ["ordering"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Officer accounts; rights are given only as apps.accounts.grants allows:
    an account with rights its editor lacks is view-only to them (no password
    reset either), groups and permissions offered are the editor's own, and only
    a superuser sets the superuser flag."""

    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("PPID"), {"fields": ["position", "nip", "phone", "units"]}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        (
            _("PPID"),
            {"fields": ["first_name", "last_name", "email", "groups", "units"]},
        ),
    ]
    list_display = [
        "username",
        "get_full_name",
        "email",
        "position",
        "is_active",
        "is_staff",
    ]
    list_filter = [*DjangoUserAdmin.list_filter, "units"]
    filter_horizontal = ["groups", "user_permissions", "units"]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None:
            return can_manage_user(request.user, obj)
        return allowed

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly.append("is_superuser")
        return readonly

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            kwargs["queryset"] = grantable_groups(request.user)
        elif db_field.name == "user_permissions":
            kwargs["queryset"] = grantable_permissions(request.user).select_related(
                "content_type"
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ApiTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["user"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """API keys: made here or with `manage.py drf_create_token USERNAME`, shown
    once on the page that follows, afterwards only their first characters.
    A key is made only for an account whose rights its maker holds."""

    form = ApiTokenForm
    list_display = ["key_begins", "user", "created_at"]
    list_select_related = ["user"]
    search_fields = ["user__username", "prefix"]
    readonly_fields = ["key_begins", "created_at"]

    @admin.display(description=_("key"), ordering="prefix")
    def key_begins(self, obj):
        return f"{obj.prefix}…" if obj.prefix else "–"

    def get_fields(self, request, obj=None):
        return ["user"] if obj is None else ["user", "key_begins", "created_at"]

    def has_change_permission(self, request, obj=None):
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = manageable_users(request.user).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        key = api_token_issue(user=obj.user)
        issued = ApiToken.objects.get(user=obj.user)
        obj.__dict__.update(issued.__dict__)
        obj._state.adding = False
        request._issued_api_key = key

    def response_add(self, request, obj, post_url_continue=None):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("API token made"),
            "token": obj,
            "key": request._issued_api_key,
        }
        # Not kept by any cache: admin_view() sends the admin's never_cache headers.
        return TemplateResponse(request, "admin/accounts/apitoken/issued.html", context)
