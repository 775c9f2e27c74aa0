"""The officers' work on objections (Atasan PPID answers; PPID records the release)
and on disputes before the Komisi Informasi (stages, hearings, outcome, bundle)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.accounts.personal_data import PersonalDataAdminMixin, may_see
from apps.accounts.roles import can_act_on_unit, scope_to_user
from apps.core import periods
from apps.core.admin import ScopedHistoryAdmin, ServiceErrorsAsMessagesMixin
from apps.core.admin_files import PrivateFilesAdminMixin
from apps.core.exports import XLSX_MIME, download_response
from apps.core.files import private_file_response
from apps.core.models import StatusChange
from apps.core.workdays import Calendar
from apps.objections import admin_forms, registerbook, services
from apps.objections.letters import render_dispute_bundle, render_receipt_pdf
from apps.objections.models import Dispute, DisputeEvent, Objection, Status
from apps.objections.selectors import dispute_deadline
from apps.objections.workflow import DISPUTE_WORKFLOW


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
            return queryset.due_soon(
                today, Calendar().add(today, periods.DUE_SOON_DAYS)
            )
        return queryset


class StepsMixin(ServiceErrorsAsMessagesMixin):
    """Per-object workflow steps: a small form per step calling one service."""

    step_forms: dict = {}

    def available_steps(self, request, obj) -> list[tuple[str, str]]:
        raise NotImplementedError

    def run_step(self, request, obj, step, data):
        raise NotImplementedError

    def step_view(self, request, pk, step):
        obj = get_object_or_404(self.get_queryset(request), pk=pk)
        steps = dict(self.available_steps(request, obj))
        if step not in steps:
            raise PermissionDenied
        form = self.step_forms[step](request.POST or None)
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
                            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                            args=[obj.pk],
                        )
                    )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": f"{steps[step]}: {obj}",
            "form": form,
        }
        return TemplateResponse(request, "admin/objections/step.html", context)


@admin.register(Objection)
class ObjectionAdmin(
    PrivateFilesAdminMixin, PersonalDataAdminMixin, StepsMixin, ScopedHistoryAdmin
):
    private_file_urls = {
        "answer_letter": lambda objection: reverse(
            "admin:objections_objection_answer", args=[objection.pk]
        )
    }
    list_display = [
        "number",
        "received_at",
        "name",
        "request",
        "unit",
        "status",
        "due_date",
        "outcome",
    ]
    list_filter = ["status", DeadlineFilter, "outcome", "unit"]
    list_select_related = ["unit", "request"]
    search_fields = ["number", "name", "request__registration_number"]
    date_hierarchy = "received_at"
    list_per_page = 50
    change_form_template = "admin/objections/objection/change_form.html"
    change_list_template = "admin/objections/objection/change_list.html"
    step_forms = {"decide": admin_forms.DecideForm, "release": admin_forms.NoteForm}
    exclude = ["identity_document", "power_of_attorney", "answer_letter"]

    def get_queryset(self, request):
        return scope_to_user(super().get_queryset(request), request.user)

    def get_readonly_fields(self, request, obj=None):
        every = [
            f.name
            for f in Objection._meta.fields
            if f.name not in {"identity_document", "power_of_attorney", "answer_letter"}
        ]
        return [f for f in every if f != "applicant_response"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("register/", view(self.register_view), name=f"{prefix}_register"),
            path(
                "<int:pk>/receipt/", view(self.receipt_view), name=f"{prefix}_receipt"
            ),
            path("<int:pk>/answer/", view(self.answer_view), name=f"{prefix}_answer"),
            path(
                "<int:pk>/step/<str:step>/",
                view(self.step_view),
                name=f"{prefix}_step",
            ),
            *super().get_urls(),
        ]

    def available_steps(self, request, obj):
        steps = []
        user = request.user
        if obj.status == Status.RECEIVED and user.has_perm(
            "objections.decide_objection"
        ):
            steps.append(("decide", gettext("Answer the objection")))
        if (
            obj.status == Status.RELEASE_ORDERED
            and user.has_perm("objections.release_objection")
            and can_act_on_unit(user, obj.unit_id)
        ):
            steps.append(("release", gettext("Record the ordered release as done")))
        return steps

    def run_step(self, request, obj, step, data):
        if step == "decide":
            return self.run_service(
                request,
                services.objection_decide,
                objection=obj,
                actor=request.user,
                **data,
            )
        return self.run_service(
            request,
            services.objection_release_complete,
            objection=obj,
            actor=request.user,
            note=data["note"],
        )

    def receipt_view(self, request, pk):
        obj = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_permission(request, obj) or not may_see(request.user, obj):
            raise PermissionDenied  # the receipt names the objector
        return download_response(
            render_receipt_pdf(obj),
            filename=f"tanda-bukti-keberatan-{obj.number}.pdf",
            content_type="application/pdf",
        )

    def answer_view(self, request, pk):
        obj = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_permission(request, obj) or not may_see(request.user, obj):
            raise PermissionDenied  # the letter is addressed to the objector
        if not obj.answer_letter:
            raise Http404  # no answer letter yet
        return private_file_response(
            obj.answer_letter, filename=f"tanggapan-keberatan-{obj.number}.pdf"
        )

    def register_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        form = admin_forms.RegisterForm(
            request.GET or None,
            initial={
                "start": today.replace(month=1, day=1),
                "end": today,
                "format": "xlsx",
            },
        )
        if request.GET and form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
            base = self.get_queryset(request)
            name = f"register-keberatan-{start:%Y%m%d}-{end:%Y%m%d}"
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
            "title": gettext("Register of objections"),
            "form": form,
        }
        return TemplateResponse(request, "admin/objections/register.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if obj is not None:
            extra_context["steps"] = self.available_steps(request, obj)
            extra_context["timeline"] = StatusChange.objects.for_object(
                obj
            ).select_related("actor")
            extra_context["dispute_deadline"] = dispute_deadline(obj)
        return super().change_view(request, object_id, form_url, extra_context)


class DisputeEventInline(admin.TabularInline):
    model = DisputeEvent
    extra = 0
    can_delete = False
    fields = ["date", "kind", "stage", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Dispute)
class DisputeAdmin(StepsMixin, ScopedHistoryAdmin):
    list_display = [
        "register_number",
        "commission_name",
        "objection",
        "request",
        "stage",
        "filed_on",
        "outcome",
    ]
    list_filter = ["stage", "outcome", "commission_level"]
    list_select_related = ["objection", "request"]
    search_fields = [
        "register_number",
        "objection__number",
        "request__registration_number",
    ]
    list_per_page = 50
    inlines = [DisputeEventInline]
    autocomplete_fields = []
    change_form_template = "admin/objections/dispute/change_form.html"
    step_forms = {
        "advance": admin_forms.AdvanceForm,
        "hearing": admin_forms.HearingForm,
        "outcome": admin_forms.OutcomeForm,
    }

    def get_queryset(self, request):
        return scope_to_user(super().get_queryset(request), request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = admin_forms.DisputeRecordForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return admin_forms.DisputeRecordForm.Meta.fields
        return [
            "register_number",
            "commission_level",
            "commission_name",
            "objection",
            "request",
            "unit",
            "stage",
            "filed_on",
            "registered_on",
            "respondent_representatives",
            "outcome",
            "outcome_on",
            "outcome_summary",
            "execution",
            "court_outcome",
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return [
            f
            for f in self.get_fields(request, obj)
            if f != "respondent_representatives"
        ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "objection":
            kwargs["queryset"] = scope_to_user(Objection.objects.all(), request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        data = dict(form.cleaned_data)
        data["info_request"] = data.pop("request", None)
        created = services.dispute_record(actor=request.user, **data)
        obj.__dict__.update(created.__dict__)
        obj._state.adding = False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/bundle/", view(self.bundle_view), name=f"{prefix}_bundle"),
            path(
                "<int:pk>/step/<str:step>/", view(self.step_view), name=f"{prefix}_step"
            ),
            *super().get_urls(),
        ]

    def available_steps(self, request, obj):
        if not request.user.has_perm("objections.change_dispute"):
            return []
        steps = []
        if DISPUTE_WORKFLOW.allowed(obj.stage):
            steps.append(("advance", gettext("Record the next stage")))
            steps.append(("hearing", gettext("Add a hearing date")))
        steps.append(("outcome", gettext("Record the outcome")))
        return steps

    def run_step(self, request, obj, step, data):
        func = {
            "advance": services.dispute_advance,
            "hearing": services.dispute_add_hearing,
            "outcome": services.dispute_record_outcome,
        }[step]
        return self.run_service(request, func, dispute=obj, actor=request.user, **data)

    def bundle_view(self, request, pk):
        obj = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_permission(request, obj) or not may_see(
            request.user, Objection
        ):
            raise PermissionDenied  # the bundle holds the objector's receipt
        return download_response(
            render_dispute_bundle(obj),
            filename=f"berkas-sengketa-{obj.pk}.pdf",
            content_type="application/pdf",
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if obj is not None:
            extra_context["steps"] = self.available_steps(request, obj)
        return super().change_view(request, object_id, form_url, extra_context)
