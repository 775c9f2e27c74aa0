"""The officers' work on requests: queue, intake, each workflow step, register book."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.accounts.personal_data import PersonalDataAdminMixin, may_see
from apps.accounts.roles import can_act_on_unit, scope_to_user
from apps.core import periods
from apps.core.admin import ScopedHistoryAdmin, ServiceErrorsAsMessagesMixin
from apps.core.admin_files import PrivateFilesAdminMixin
from apps.core.applicants import IDENTITY_FIELDS, REPRESENTATIVE_FIELDS
from apps.core.exports import XLSX_MIME, download_response
from apps.core.models import StatusChange
from apps.core.workdays import Calendar, receipt_date
from apps.info_requests import admin_forms, registerbook, services
from apps.info_requests.models import (
    InformationRequest,
    RequestDocument,
    Status,
    WrittenNotice,
)
from apps.info_requests.workflow import REQUEST_WORKFLOW


class DeadlineFilter(admin.SimpleListFilter):
    title = _("deadline")
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [("overdue", _("Overdue")), ("soon", _("Due within 2 working days"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.overdue(today)
        if self.value() == "soon":
            horizon = Calendar().add(today, periods.DUE_SOON_DAYS)
            return queryset.due_soon(today, horizon)
        return queryset


class RequestDocumentInline(PrivateFilesAdminMixin, admin.TabularInline):
    model = RequestDocument
    private_file_names = {"file": lambda document: document.filename}
    extra = 0
    can_delete = False
    fields = ["filename", "content_type", "size", "expires_at", "download_count"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


# (url name, label, permission, target status or None for "any open")
ACTIONS = [
    ("assign", _("Assign to a unit"), "route_informationrequest", Status.IN_PROCESS),
    (
        "ask_completion",
        _("Ask the applicant to complete"),
        "decide_informationrequest",
        Status.AWAITING_COMPLETION,
    ),
    (
        "complete",
        _("Requirements completed"),
        "decide_informationrequest",
        None,
    ),
    (
        "extend",
        _("Extend (7 working days)"),
        "decide_informationrequest",
        Status.EXTENDED,
    ),
    (
        "decide",
        _("Issue the written notice"),
        "decide_informationrequest",
        Status.DECIDED,
    ),
    ("withdraw", _("Record withdrawal"), "decide_informationrequest", Status.WITHDRAWN),
    ("document", _("Give a document"), "add_requestdocument", None),
]


def _identity_file_url(info_request, which: str) -> str:
    return reverse("info_requests:identity_file", args=[info_request.pk, which])


STEP_SERVICES = {
    "assign": services.information_request_assign,
    "ask_completion": services.information_request_ask_completion,
    "complete": services.information_request_complete_requirements,
    "extend": services.information_request_extend,
    "decide": services.information_request_decide,
    "withdraw": services.information_request_withdraw,
    "document": services.information_request_add_document,
}


@admin.register(InformationRequest)
class InformationRequestAdmin(
    PrivateFilesAdminMixin,
    PersonalDataAdminMixin,
    ServiceErrorsAsMessagesMixin,
    ScopedHistoryAdmin,
):
    private_file_urls = {
        "identity_document": lambda obj: _identity_file_url(obj, "identity"),
        "power_of_attorney": lambda obj: _identity_file_url(obj, "attorney"),
    }
    list_display = [
        "registration_number",
        "received_at",
        "name",
        "unit",
        "channel",
        "status_badge",
        "due_column",
        "days_left",
    ]
    list_filter = ["status", DeadlineFilter, "channel", "unit", "applicant_type"]
    list_select_related = ["unit"]
    search_fields = ["registration_number", "name", "information_requested"]
    date_hierarchy = "received_at"
    list_per_page = 50
    inlines = [RequestDocumentInline]
    editable_after_intake = [
        "address",
        "phone",
        "email",
        "occupation",
        "representative_name",
        "representative_address",
        "representative_phone",
    ]
    change_form_template = "admin/info_requests/informationrequest/change_form.html"
    change_list_template = "admin/info_requests/informationrequest/change_list.html"

    # Queue and visibility.
    def get_queryset(self, request):
        return scope_to_user(super().get_queryset(request), request.user)

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, obj):
        return obj.get_status_display()

    @admin.display(description=_("due"), ordering="due_date")
    def due_column(self, obj):
        return obj.effective_due_date

    def days_left(self, obj):
        if not obj.is_open:
            return "–"
        today = timezone.localdate()
        left = Calendar().count_between(today, obj.effective_due_date)
        if left < 0:
            return format_html(
                '<strong style="color:#b00020">{}</strong>',
                gettext("%(days)s working days late") % {"days": -left},
            )
        if left <= periods.DUE_SOON_DAYS:
            return format_html('<strong style="color:#8a5300">{}</strong>', left)
        return left

    days_left.short_description = _("working days left")

    # Intake: officers record requests through the submit service.
    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = admin_forms.OfficerIntakeForm
        return super().get_form(request, obj, change=change, **kwargs)

    intake_fieldsets = [
        (_("Receipt"), {"fields": ["channel", "received_at", "unit"]}),
        (
            _("Applicant"),
            {
                "fields": [
                    "applicant_type",
                    *IDENTITY_FIELDS,
                    "identity_document",
                ]
            },
        ),
        (
            _("Representative"),
            {
                "fields": [
                    *REPRESENTATIVE_FIELDS,
                    "power_of_attorney",
                ]
            },
        ),
        (
            _("Request"),
            {
                "fields": [
                    "information_requested",
                    "purpose",
                    "access_method",
                    "copy_format",
                    "delivery_method",
                ]
            },
        ),
    ]
    # The change page; apps.accounts.personal_data hides the applicant's fields
    # from officers who may not see them (PersonalDataAdminMixin).
    fieldsets = [
        (
            _("Case"),
            {
                "fields": [
                    "registration_number",
                    "status",
                    "unit",
                    "channel",
                    "received_at",
                    "recorded_by",
                    "due_date",
                    "extended_due_date",
                    "extension_reason",
                    "completion_note",
                    "decided_at",
                ]
            },
        ),
        (
            _("Applicant"),
            {
                "fields": [
                    "applicant_type",
                    *IDENTITY_FIELDS,
                    "identity_files",
                    *REPRESENTATIVE_FIELDS,
                ]
            },
        ),
        (
            _("Request"),
            {
                "fields": [
                    "information_requested",
                    "purpose",
                    "access_method",
                    "copy_format",
                    "delivery_method",
                ]
            },
        ),
    ]

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self.intake_fieldsets
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        every = [f.name for f in InformationRequest._meta.fields] + ["identity_files"]
        return [f for f in every if f not in self.editable_after_intake]

    @admin.display(description=_("identity files"))
    def identity_files(self, obj):
        links = []
        for which, label, present in [
            ("identity", gettext("identity document"), obj.identity_document),
            ("attorney", gettext("power of attorney"), obj.power_of_attorney),
        ]:
            if present:
                url = _identity_file_url(obj, which)
                links.append(
                    format_html('<a href="{}" target="_blank">{}</a>', url, label)
                )
        if not links:
            return gettext("none attached")
        return format_html(" · ".join(["{}"] * len(links)), *links)

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        data = {name: form.cleaned_data.get(name) for name in form.Meta.fields}
        for name, value in list(data.items()):
            if value is None and name not in {
                "unit",
                "identity_document",
                "power_of_attorney",
                "received_at",
            }:
                data[name] = ""
        created = services.information_request_submit(recorded_by=request.user, **data)
        obj.__dict__.update(created.__dict__)
        obj._state.adding = False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is not None and allowed:
            return can_act_on_unit(request.user, obj.unit_id)
        return allowed

    # Workflow steps, each a small form calling one service.
    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        urls = [
            path(
                "register-book/",
                self.admin_site.admin_view(self.register_book_view),
                name=f"{prefix}_register_book",
            ),
            path(
                "<int:pk>/receipt/",
                self.admin_site.admin_view(self.receipt_view),
                name=f"{prefix}_receipt",
            ),
            path(
                "<int:pk>/notice/",
                self.admin_site.admin_view(self.notice_view),
                name=f"{prefix}_notice",
            ),
            path(
                "<int:pk>/step/<str:step>/",
                self.admin_site.admin_view(self.step_view),
                name=f"{prefix}_step",
            ),
        ]
        return urls + super().get_urls()

    def available_steps(self, request, obj) -> list[tuple[str, str]]:
        steps = []
        for name, label, permission, target in ACTIONS:
            if not request.user.has_perm(f"info_requests.{permission}"):
                continue
            if name != "assign" and not can_act_on_unit(request.user, obj.unit_id):
                continue
            if name == "complete":
                if obj.status != Status.AWAITING_COMPLETION:
                    continue
            elif name == "document":
                if obj.status in (Status.WITHDRAWN,):
                    continue
            elif name == "assign":
                if obj.status not in (
                    Status.RECEIVED,
                    Status.AWAITING_COMPLETION,
                    Status.IN_PROCESS,
                ):
                    continue
            elif name == "decide" and obj.status == Status.REOPENED:
                continue  # the notice exists; the objection's release closes it
            elif name == "extend":
                if (
                    not REQUEST_WORKFLOW.can(obj.status, target)
                    or obj.extended_due_date
                ):
                    continue
            elif not REQUEST_WORKFLOW.can(obj.status, target):
                continue
            steps.append((name, label))
        return steps

    def step_view(self, request, pk, step):
        obj = get_object_or_404(self.get_queryset(request), pk=pk)
        if step not in dict(self.available_steps(request, obj)):
            raise PermissionDenied
        form_class = {
            "assign": admin_forms.AssignForm,
            "ask_completion": admin_forms.AskCompletionForm,
            "complete": admin_forms.NoteForm,
            "extend": admin_forms.ExtendForm,
            "decide": admin_forms.DecideForm,
            "withdraw": admin_forms.NoteForm,
            "document": admin_forms.DocumentForm,
        }[step]
        form = form_class(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                done = self.run_step(request, obj, step, form.cleaned_data)
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                if done is not None:
                    self.message_user(request, gettext("Saved."), messages.SUCCESS)
                    return redirect(
                        reverse(
                            "admin:info_requests_informationrequest_change",
                            args=[obj.pk],
                        )
                    )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": f"{dict(self.available_steps(request, obj))[step]}: {obj}",
            "form": form,
            "step": step,
        }
        return TemplateResponse(
            request, "admin/info_requests/informationrequest/step.html", context
        )

    def run_step(self, request, obj, step, data):
        """Run the service of `step`; None when it refused (the message says why).

        Each step form's fields are the keyword arguments of its service."""
        return self.run_service(
            request, STEP_SERVICES[step], info_request=obj, actor=request.user, **data
        )

    def receipt_view(self, request, pk):
        from apps.info_requests.letters import render_receipt_pdf

        obj = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_permission(request, obj) or not may_see(request.user, obj):
            raise PermissionDenied  # the receipt names the applicant
        response = download_response(
            render_receipt_pdf(obj),
            filename=f"tanda-bukti-{obj.registration_number}.pdf",
            content_type="application/pdf",
        )
        return response

    def notice_view(self, request, pk):
        from apps.core.files import private_file_response

        obj = get_object_or_404(self.get_queryset(request), pk=pk)
        if not request.user.has_perm("info_requests.view_writtennotice") or not may_see(
            request.user, obj
        ):
            raise PermissionDenied  # the letter is addressed to the applicant
        notice = getattr(obj, "notice", None)
        if notice is None or not notice.letter:
            raise Http404  # no written notice yet
        return private_file_response(
            notice.letter,
            filename=f"pemberitahuan-tertulis-{obj.registration_number}.pdf",
        )

    def register_book_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        form = admin_forms.RegisterBookForm(
            request.GET or None,
            initial={"start": today.replace(month=1, day=1), "end": today},
        )
        if request.GET and form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
            base = self.get_queryset(request)
            name = f"buku-register-permohonan-{start:%Y%m%d}-{end:%Y%m%d}"
            if form.cleaned_data["format"] == "pdf":
                return download_response(
                    registerbook.register_pdf(start, end, base, user=request.user),
                    filename=f"{name}.pdf",
                    content_type="application/pdf",
                )
            return download_response(
                registerbook.register_xlsx(start, end, base, user=request.user),
                filename=f"{name}.xlsx",
                content_type=XLSX_MIME,
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Register book of information requests"),
            "form": form,
        }
        return TemplateResponse(
            request,
            "admin/info_requests/informationrequest/register_book.html",
            context,
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if obj is not None:
            extra_context["steps"] = self.available_steps(request, obj)
            extra_context["timeline"] = StatusChange.objects.for_object(
                obj
            ).select_related("actor")
            extra_context["explanation"] = Calendar().explain(
                receipt_date(obj.received_at), periods.REQUEST_NOTICE_DAYS
            )
            extra_context["notice"] = getattr(obj, "notice", None)
            extra_context["today"] = timezone.localdate()
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(WrittenNotice)
class WrittenNoticeAdmin(PrivateFilesAdminMixin, admin.ModelAdmin):
    private_file_urls = {
        "letter": lambda notice: reverse(
            "admin:info_requests_informationrequest_notice", args=[notice.request_id]
        )
    }
    list_display = [
        "letter_number",
        "decision",
        "refusal_reason",
        "issued_at",
        "issued_by",
    ]
    list_filter = ["decision", "refusal_reason"]
    list_select_related = ["issued_by", "request"]
    search_fields = ["letter_number", "request__registration_number"]

    def get_queryset(self, request):
        return scope_to_user(
            super().get_queryset(request), request.user, "request__unit"
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
