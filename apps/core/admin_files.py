"""Private files in the back office: a link to the checked view, never a storage URL.

Django's admin links every FileField to `FieldFile.url`: the upload widget
(ClearableFileInput), read-only fields and list columns. Private files have no
URL (apps.core.files.PrivateStorage), so each admin that shows a model with a
private file uses PrivateFilesAdminMixin: the file links to the view that checks
permission before serving it (`private_file_urls`), or shows only its name where
there is no such view. The system check below refuses an admin without it.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable

from simple_history.models import to_historic

from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.core import checks
from django.db import models
from django.utils.html import format_html

from apps.core.files import PrivateStorage


@functools.cache
def private_file_fields(model) -> tuple[str, ...]:
    """Names of the model's file fields kept in private (or encrypted) storage."""
    return tuple(
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
        and isinstance(field.storage, PrivateStorage)
    )


@contextlib.contextmanager
def read_only_admin(request):
    """While inside, the admin shows `request`'s pages read-only whatever the
    officer's rights (a past version on the history page): private files become
    their checked display, as on a view-only change page."""
    request._admin_read_only = True
    try:
        yield
    finally:
        del request._admin_read_only


class PrivateFileWidget(AdminFileWidget):
    """The admin upload widget; the current file links to `link(fieldfile)` or
    shows its name only, and never asks the storage for a URL."""

    template_name = "admin/widgets/private_file_input.html"

    def __init__(
        self,
        attrs=None,
        *,
        link: Callable | None = None,
        label: Callable | None = None,
    ):
        super().__init__(attrs)
        self.link = link
        self.label = label

    def is_initial(self, value):
        return bool(value and getattr(value, "name", None))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"]:
            context["widget"]["file_name"] = (
                self.label(value) if self.label else os.path.basename(value.name)
            )
            context["widget"]["download_url"] = self.link(value) if self.link else None
        return context


class PrivateFilesAdminMixin:
    """For a ModelAdmin or an inline whose model has private file fields.

    `private_file_urls` maps a field name to `function(obj) -> URL` of the view
    that checks permission and serves that file; a field without one shows its
    file name only. `private_file_names` may map a field name to
    `function(obj) -> name` shown (e.g. the uploaded name, where files are
    stored under random names). Where Django would show the field read-only,
    it is replaced by a display of the same label that does the same.
    """

    private_file_urls: dict[str, Callable[[models.Model], str]] = {}
    private_file_names: dict[str, Callable[[models.Model], str]] = {}

    def private_file_url(self, fieldfile) -> str | None:
        obj = fieldfile.instance
        url_for = self.private_file_urls.get(fieldfile.field.name)
        # A past version (django-simple-history) may name another file than the
        # one the view serves today: its name only.
        if url_for is None or obj.pk is None or to_historic(obj) is not None:
            return None
        return url_for(obj)

    def private_file_name(self, fieldfile) -> str:
        name_for = self.private_file_names.get(fieldfile.field.name)
        name = name_for(fieldfile.instance) if name_for else ""
        return name or os.path.basename(fieldfile.name)

    def private_file_html(self, fieldfile):
        if not fieldfile:
            return self.get_empty_value_display()
        url = self.private_file_url(fieldfile)
        if url is None:
            return self.private_file_name(fieldfile)
        return format_html(
            '<a href="{}">{}</a>', url, self.private_file_name(fieldfile)
        )

    def _private_display(self, name: str):
        displays = self.__dict__.setdefault("_private_displays", {})
        if name not in displays:
            field = self.model._meta.get_field(name)

            def display(obj):
                return self.private_file_html(getattr(obj, name))

            # Same label, help text and CSS class ("field-<name>") as the field.
            display.__name__ = name
            display.short_description = field.verbose_name
            displays[name] = display
        return displays[name]

    def _files_read_only(self, request, obj) -> bool:
        """Whether the change form shows every field read-only (view permission)."""
        if getattr(request, "_admin_read_only", False):
            return True
        if obj is None:
            return False
        if isinstance(self, admin.options.InlineModelAdmin):
            parent = self.admin_site._registry.get(self.parent_model)
            if parent is not None and not parent.has_change_permission(request, obj):
                return True
        return not self.has_change_permission(request, obj)

    def _swap(self, names, private: set[str]):
        return [
            self._private_display(name) if name in private else name for name in names
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in private_file_fields(self.model):
            kwargs["widget"] = PrivateFileWidget(
                link=self.private_file_url, label=self.private_file_name
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def _in_form(self, request, obj, name: str) -> bool:
        """Whether the model form would hold the field (not excluded)."""
        meta = getattr(self.form, "_meta", None)  # the plain ModelForm has none
        declared = getattr(meta, "fields", None)
        excluded = {
            *(self.get_exclude(request, obj) or ()),
            *(getattr(meta, "exclude", None) or ()),
        }
        return name not in excluded and (
            declared is None or declared == "__all__" or name in declared
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        private = private_file_fields(self.model)
        if self._files_read_only(request, obj):
            # Django will show every field read-only: ours become their display.
            readonly += [
                name
                for name in private
                if name not in readonly and self._in_form(request, obj, name)
            ]
        return self._swap(readonly, set(private))

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        readonly = self.get_readonly_fields(request, obj)
        private = {
            name
            for name in private_file_fields(self.model)
            if self._private_display(name) in readonly
        }
        if not private:
            return fieldsets
        swapped, seen = [], set()
        for title, options in fieldsets:
            lines = []
            for line in options["fields"]:
                names = line if isinstance(line, list | tuple) else [line]
                # get_fields() lists a read-only display after the form's fields.
                names = [
                    name
                    for name in self._swap(names, private)
                    if not (name in seen or seen.add(name))
                ]
                if names:
                    lines.append(names[0] if len(names) == 1 else tuple(names))
            swapped.append((title, {**options, "fields": lines}))
        return swapped

    def get_list_display(self, request):
        private = set(private_file_fields(self.model))
        return self._swap(super().get_list_display(request), private)


@checks.register(checks.Tags.admin)
def check_private_files_in_admin(app_configs=None, **kwargs):
    return private_file_errors(admin.site)


def private_file_errors(site) -> list[checks.Error]:
    """Every admin (and inline) of a model with private files uses the mixin."""
    errors = []
    for model, model_admin in site._registry.items():
        for owner, shown in [
            (type(model_admin), model),
            *((inline, inline.model) for inline in model_admin.inlines),
        ]:
            private = private_file_fields(shown)
            if not private:
                continue
            if not issubclass(owner, PrivateFilesAdminMixin):
                errors.append(
                    checks.Error(
                        f"{owner.__qualname__} shows {shown._meta.label}, whose "
                        f"files {private} are private, without "
                        "PrivateFilesAdminMixin: its pages would ask for their URL.",
                        obj=owner,
                        id="core.E001",
                    )
                )
                continue
            unknown = {*owner.private_file_urls, *owner.private_file_names} - set(
                private
            )
            if unknown:
                errors.append(
                    checks.Error(
                        f"{owner.__qualname__}.private_file_urls/_names name "
                        f"{sorted(unknown)}, which are not private file fields "
                        f"of {shown._meta.label}.",
                        obj=owner,
                        id="core.E002",
                    )
                )
    return errors
