"""The officers' work on requests: queue, intake, each workflow step, register book."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.accounts.personal_data import PersonalDataAdminMixin, may_see
from apps.accounts.roles import can_act_on_unit, scope_to_user
from apps.core import periods
from apps.core.admin import DeadlineFilter, ScopedHistoryAdmin
from apps.core.admin_files import PrivateFilesAdminMixin
from apps.core.admin_steps import AdminStep, StepsAdminMixin
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


class RequestDocumentInline(PrivateFilesAdminMixin, admin.TabularInline):
    model = RequestDocument
    private_file_names = {"file": lambda document: document.filename}
    extra = 0
    can_delete = False
    fields = ["filename", "content_type", "size", "expires_at", "download_count"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


def _identity_file_url(info_request, which: str) -> str:
    return reverse("info_requests:identity_file", args=[info_request.pk, which])


def _may_give_document(user, info_request) -> bool:
    return (
        user.has_perm("info_requests.add_requestdocument")
        and can_act_on_unit(user, info_request.unit_id)
        and info_request.status != Status.WITHDRAWN
    )


def _may_reassign(user, info_request) -> bool:
    """A request in process may be routed to another unit (its status stays)."""
    return info_request.status == Status.IN_PROCESS and REQUEST_WORKFLOW.step(
        "assign"
    ).permits(user, info_request)


# The officers' steps; labels, permissions and guards of the workflow's own steps
# come from apps/info_requests/workflow.py.
STEPS = [
    AdminStep(
        "assign",
        admin_forms.AssignForm,
        services.information_request_assign,
        available=_may_reassign,
        confirmation=_("The unit's officers handle the request from now on."),
    ),
    AdminStep(
        "ask_completion",
        admin_forms.AskCompletionForm,
        services.information_request_ask_completion,
        confirmation=_("The applicant is told what the request still lacks."),
    ),
    AdminStep(
        "complete",
        admin_forms.NoteForm,
        services.information_request_complete_requirements,
    ),
    AdminStep(
        "extend",
        admin_forms.ExtendForm,
        services.information_request_extend,
        confirmation=format_lazy(
            _(
                "The due date moves by {days} working days, once; the applicant "
                "receives the written reason."
            ),
            days=periods.REQUEST_EXTENSION_DAYS,
        ),
    ),
    AdminStep(
        "decide",
        admin_forms.DecideForm,
        services.information_request_decide,
        primary=True,
        confirmation=_(
            "The written notice is issued with its number and sent to the applicant."
        ),
    ),
    AdminStep(
        "withdraw",
        admin_forms.NoteForm,
        services.information_request_withdraw,
        confirmation=_("The request is closed as withdrawn by the applicant."),
    ),
    AdminStep(
        "document",
        admin_forms.DocumentForm,
        services.information_request_add_document,
        label=_("Give a document"),
        available=_may_give_document,
    ),
]


@admin.register(InformationRequest)
class InformationRequestAdmin(
    PrivateFilesAdminMixin,
    PersonalDataAdminMixin,
    StepsAdminMixin,
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
    admin_steps = STEPS
    step_workflow = REQUEST_WORKFLOW
    step_case_kwarg = "info_request"
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

    # Receipt, written notice and register book (the steps: StepsAdminMixin).
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
        ]
        return urls + super().get_urls()

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
