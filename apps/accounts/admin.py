from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Unit, User
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
