"""Back office of complaints: lists with days left, steps through services only.

The reporter's identity of a confidential complaint is shown to the PPID Utama
only (selectors.identity_visible), in lists, forms and exports alike.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Unit
from apps.accounts.roles import scope_to_user
from apps.complaints import services
from apps.complaints.exports import lapor_headers, lapor_rows
from apps.complaints.forms import MultipleFileField
from apps.complaints.models import (
    Complaint,
    ComplaintSettings,
    RejectionReason,
    Satisfaction,
)
from apps.complaints.permissions import can_take_step
from apps.complaints.selectors import days_left, identity_visible, reporter_label
from apps.complaints.workflow import COMPLAINT_WORKFLOW
from apps.core.admin_steps import AdminStep, StepsAdminMixin
from apps.core.applicant_forms import ReporterFormMixin
from apps.core.applicants import REPORTER_FIELDS, ApplicantType
from apps.core.exports import XLSX_MIME, csv_text, download_response, xlsx_bytes
from apps.core.files import validate_upload
from apps.core.models import StatusChange
from apps.core.workdays import Calendar
from apps.info_requests.models import (
    AccessMethod,
    CopyFormat,
    DeliveryMethod,
)

IDENTITY_FIELDS = list(REPORTER_FIELDS)


class OverdueFilter(admin.SimpleListFilter):
    title = _("deadline")
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [("overdue", _("Overdue")), ("open", _("Open, on time"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.overdue(today)
        if self.value() == "open":
            return queryset.open().exclude(due_date__lt=today)
        return queryset


class ComplaintAddForm(ReporterFormMixin, forms.ModelForm):
    """An officer records a complaint received at the desk, by phone, letter..."""

    attachments = MultipleFileField(label=_("Attachments"), required=False)

    class Meta:
        model = Complaint
        fields = [
            "channel",
            "received_at",
            "classification",
            "is_anonymous",
            "is_confidential",
            *IDENTITY_FIELDS,
            "unit",
            "title",
            "description",
            "event_date",
            "event_place",
            "latitude",
            "longitude",
        ]

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        for upload in files:
            validate_upload(upload, kinds=services.ATTACHMENT_KINDS)
        return files

    def clean(self):
        cleaned = super().clean()
        received = cleaned.get("received_at")
        if received and received > timezone.now() + services.FUTURE_TOLERANCE:
            self.add_error(
                "received_at", _("The time of receipt cannot be in the future.")
            )
        return cleaned

    def _post_clean(self):
        # The service builds and validates the complaint; nothing to validate here.
        pass


class StepForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class RejectForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=RejectionReason.choices)
    note = forms.CharField(label=_("Explanation"), widget=forms.Textarea)
    belongs_to = forms.CharField(label=_("Where it belongs"), required=False)


class ForwardForm(StepForm):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.active())


class FollowUpForm(forms.Form):
    text = forms.CharField(label=_("Follow-up"), widget=forms.Textarea)


class ResolveForm(StepForm):
    satisfaction = forms.ChoiceField(
        label=_("Reporter's satisfaction"),
        choices=[("", _("Not known")), *Satisfaction.choices],
        required=False,
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea)


class LaporForm(forms.Form):
    tracking_id = forms.CharField(label=_("LAPOR! tracking ID"), required=False)
    url = forms.URLField(label=_("LAPOR! link"), required=False)
    forwarded_to_lapor = forms.BooleanField(
        label=_("forwarded to LAPOR!"), required=False
    )
    received_from_lapor = forms.BooleanField(
        label=_("received from LAPOR!"), required=False
    )
    lapor_status = forms.CharField(label=_("LAPOR! status"), required=False)
    note = forms.CharField(label=_("Note"), required=False)


class ConvertForm(forms.Form):
    """The legal fields of an information request, prefilled from the complaint."""

    applicant_type = forms.ChoiceField(
        label=_("applicant type"), choices=ApplicantType.choices
    )
    name = forms.CharField(label=_("full name"), max_length=200)
    nik = forms.CharField(label=_("NIK"), max_length=16, required=False)
    legal_entity_decree = forms.CharField(
        label=_("legalisation decree number (SK Kemenkumham)"),
        max_length=120,
        required=False,
    )
    address = forms.CharField(
        label=_("address"), widget=forms.Textarea(attrs={"rows": 2})
    )
    phone = forms.CharField(label=_("phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("e-mail"), required=False)
    occupation = forms.CharField(label=_("occupation"), max_length=120, required=False)
    information_requested = forms.CharField(
        label=_("information requested"), widget=forms.Textarea
    )
    purpose = forms.CharField(label=_("purpose of use"), widget=forms.Textarea)
    access_method = forms.ChoiceField(
        label=_("how to obtain it"), choices=AccessMethod.choices
    )
    copy_format = forms.ChoiceField(
        label=_("form of the copy"),
        choices=[("", "—"), *CopyFormat.choices],
        required=False,
    )
    delivery_method = forms.ChoiceField(
        label=_("how to receive the copy"),
        choices=[("", "—"), *DeliveryMethod.choices],
        required=False,
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.active(), required=False
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea)


def convert_initial(user, complaint) -> dict:
    initial = {
        "information_requested": f"{complaint.title}\n\n{complaint.description}",
        "unit": complaint.unit_id,
        "access_method": AccessMethod.COPY,
    }
    if identity_visible(user, complaint) and not complaint.is_anonymous:
        initial.update(
            name=complaint.reporter_name,
            phone=complaint.reporter_phone,
            email=complaint.reporter_email,
        )
    return initial


def forward_initial(user, complaint) -> dict:
    return {"unit": complaint.unit_id}


def lapor_initial(user, complaint) -> dict:
    return {
        "tracking_id": complaint.lapor_tracking_id,
        "url": complaint.lapor_url,
        "forwarded_to_lapor": complaint.forwarded_to_lapor,
        "received_from_lapor": complaint.received_from_lapor,
        "lapor_status": complaint.lapor_status,
    }


# The steps; labels, permissions and guards of the workflow's own steps come from
# apps/complaints/workflow.py (LAPOR! data changes no status: permissions.py).
STEPS = [
    AdminStep("verify", StepForm, services.complaint_verify, primary=True),
    AdminStep(
        "reject",
        RejectForm,
        services.complaint_reject,
        confirmation=_(
            "The complaint is closed as rejected; the reporter is told why."
        ),
    ),
    AdminStep(
        "forward",
        ForwardForm,
        services.complaint_forward,
        initial=forward_initial,
        primary=True,
        confirmation=_("The unit is told and has its follow-up period from today."),
    ),
    AdminStep(
        "follow_up",
        FollowUpForm,
        services.complaint_follow_up,
        primary=True,
        confirmation=_("The reporter is told of the follow-up."),
    ),
    AdminStep(
        "resolve",
        ResolveForm,
        services.complaint_resolve,
        primary=True,
        confirmation=_("The complaint is closed as resolved; the reporter is told."),
    ),
    AdminStep(
        "reopen",
        ReopenForm,
        services.complaint_reopen,
        confirmation=_("The complaint goes back to the unit (once only)."),
    ),
    AdminStep(
        "lapor",
        LaporForm,
        services.complaint_record_lapor,
        label=_("Record LAPOR! data"),
        initial=lapor_initial,
        available=lambda user, complaint: can_take_step(user, "lapor", complaint),
    ),
    AdminStep(
        "convert",
        ConvertForm,
        services.complaint_convert_to_request,
        initial=convert_initial,
        confirmation=_(
            "An information request is recorded from this complaint, which is "
            "closed as converted."
        ),
    ),
]


@admin.register(Complaint)
class ComplaintAdmin(StepsAdminMixin, admin.ModelAdmin):
    list_display = [
        "number",
        "title",
        "status_badge",
        "classification",
        "unit",
        "channel",
        "received_at",
        "due_date",
        "days_left_display",
        "reporter_display",
    ]
    list_filter = [
        OverdueFilter,
        "status",
        "classification",
        "channel",
        "is_anonymous",
        "is_confidential",
        "forwarded_to_lapor",
        "received_from_lapor",
        ("unit", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["unit"]
    search_fields = ["number", "title", "lapor_tracking_id"]
    date_hierarchy = "received_at"
    list_per_page = 50
    actions = ["verify_selected", "forward_selected", "export_xlsx", "export_csv"]
    change_form_template = "admin/case_change_form.html"
    admin_steps = STEPS
    step_workflow = COMPLAINT_WORKFLOW
    step_case_kwarg = "complaint"

    # -- visibility -----------------------------------------------------------

    def get_queryset(self, request):
        return scope_to_user(super().get_queryset(request), request.user)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ComplaintAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ComplaintAddForm.Meta.fields + ["attachments"]})]
        identity = (
            IDENTITY_FIELDS if identity_visible(request.user, obj) else ["reporter"]
        )
        return [
            (
                _("Complaint"),
                {
                    "fields": [
                        "number",
                        "status",
                        "classification",
                        "title",
                        "description",
                        "unit",
                        "event_date",
                        "event_place",
                        ("latitude", "longitude"),
                        "attachment_links",
                    ]
                },
            ),
            (
                _("Reporter"),
                {"fields": ["is_anonymous", "is_confidential", *identity]},
            ),
            (
                _("Receipt and deadlines"),
                {
                    "fields": [
                        "channel",
                        "received_at",
                        "recorded_by",
                        "verification_due",
                        "follow_up_due",
                        "due_date",
                        "days_left_display",
                    ]
                },
            ),
            (
                _("Handling"),
                {
                    "fields": [
                        "rejection_reason",
                        "rejection_note",
                        "belongs_to",
                        "disposition_note",
                        "follow_up",
                        "satisfaction",
                        "reopen_count",
                    ]
                },
            ),
            (
                _("SP4N LAPOR!"),
                {
                    "fields": [
                        "lapor_tracking_id",
                        "lapor_url",
                        "forwarded_to_lapor",
                        "received_from_lapor",
                        "lapor_status",
                        "lapor_history",
                    ]
                },
            ),
            (_("Timeline"), {"fields": ["timeline"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return [
            f for _name, opts in self.get_fieldsets(request, obj) for f in _flat(opts)
        ]

    # -- columns --------------------------------------------------------------

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, obj):
        overdue = obj.is_overdue(timezone.localdate())
        return format_html(
            '<span style="{}">{}</span>',
            "color:#b00020;font-weight:bold" if overdue else "",
            obj.get_status_display(),
        )

    @admin.display(description=_("working days left"))
    def days_left_display(self, obj):
        if not hasattr(self, "_calendar"):
            self._calendar = Calendar()
        left = days_left(obj, timezone.localdate(), self._calendar)
        if left is None:
            return "–"
        if left < 0:
            return format_html(
                '<strong style="color:#b00020">{}</strong>',
                gettext("%(days)s overdue") % {"days": -left},
            )
        return left

    @admin.display(description=_("reporter"))
    def reporter_display(self, obj):
        return reporter_label(self._request.user, obj)

    @admin.display(description=_("reporter"))
    def reporter(self, obj):
        return reporter_label(self._request.user, obj)

    @admin.display(description=_("attachments"))
    def attachment_links(self, obj):
        items = list(obj.attachments.all())
        if not items:
            return "–"
        if obj.is_confidential and not identity_visible(self._request.user, obj):
            return gettext("%(count)s (confidential: PPID Utama only)") % {
                "count": len(items)
            }
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (reverse("complaints:attachment", args=[a.pk]), a.original_name)
                for a in items
            ),
        )

    @admin.display(description=_("LAPOR! history"))
    def lapor_history(self, obj):
        rows = obj.lapor_updates.select_related("recorded_by")
        return (
            format_html_join(
                "",
                "<div>{} · {} {}</div>",
                ((f"{u.recorded_at:%Y-%m-%d %H:%M}", u.status, u.note) for u in rows),
            )
            or "–"
        )

    @admin.display(description=_("audit trail"))
    def timeline(self, obj):
        changes = StatusChange.objects.for_object(obj).select_related("actor")
        return (
            format_html_join(
                "",
                "<div>{} · {} → {} · {} · {}</div>",
                (
                    (
                        f"{timezone.localtime(c.created_at):%Y-%m-%d %H:%M}",
                        COMPLAINT_WORKFLOW.label(c.from_status)
                        if c.from_status
                        else "∅",
                        COMPLAINT_WORKFLOW.label(c.to_status),
                        c.actor or gettext("system"),
                        c.text,
                    )
                    for c in changes
                ),
            )
            or "–"
        )

    def changelist_view(self, request, extra_context=None):
        self._request = request
        self._calendar = Calendar()
        return super().changelist_view(request, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        self._request = request
        return super().changeform_view(request, object_id, form_url, extra_context)

    # -- recording a complaint -------------------------------------------------

    def save_model(self, request, obj, form, change):
        if change:
            return
        data = form.cleaned_data
        result = services.complaint_submit(
            actor=request.user,
            channel=data["channel"],
            received_at=data["received_at"],
            classification=data["classification"],
            is_anonymous=data["is_anonymous"],
            is_confidential=data["is_confidential"],
            reporter_name=data["reporter_name"],
            reporter_nik=data["reporter_nik"],
            reporter_phone=data["reporter_phone"],
            reporter_email=data["reporter_email"],
            unit=data["unit"],
            title=data["title"],
            description=data["description"],
            event_date=data["event_date"],
            event_place=data["event_place"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            attachments=data["attachments"],
        )
        obj.pk = result.complaint.pk
        obj.number = result.complaint.number
        obj._state.adding = False
        if result.secret_code:
            self.message_user(
                request,
                gettext(
                    "Secret code of the anonymous reporter (give it to them now; "
                    "it is not stored): %(code)s"
                )
                % {"code": result.secret_code},
                level=messages.WARNING,
            )

    def save_related(self, request, form, formsets, change):
        pass

    # -- actions (each object through its service) -----------------------------

    # Offered only to who may take the step (each object is checked again).
    def has_verify_permission(self, request):
        return request.user.has_perm("complaints.verify_complaint")

    def has_forward_permission(self, request):
        return request.user.has_perm("complaints.forward_complaint")

    def has_export_permission(self, request):
        return request.user.has_perm("complaints.export_complaint")

    @admin.action(
        description=_("Verify the selected complaints"), permissions=["verify"]
    )
    def verify_selected(self, request, queryset):
        done = 0
        for complaint in queryset:
            if not self.is_step_open(request, complaint, "verify"):
                self.message_user(
                    request,
                    gettext("%(number)s: not allowed.") % {"number": complaint.number},
                    level=messages.ERROR,
                )
                continue
            if self.run_service(
                request,
                services.complaint_verify,
                complaint=complaint,
                actor=request.user,
            ):
                done += 1
        self.message_user(request, gettext("Verified: %(n)s.") % {"n": done})

    @admin.action(
        description=_("Forward the selected complaints to their unit"),
        permissions=["forward"],
    )
    def forward_selected(self, request, queryset):
        done = 0
        for complaint in queryset:
            if not self.is_step_open(request, complaint, "forward"):
                self.message_user(
                    request,
                    gettext("%(number)s: not allowed.") % {"number": complaint.number},
                    level=messages.ERROR,
                )
                continue
            try:
                result = self.run_service(
                    request,
                    services.complaint_forward,
                    complaint=complaint,
                    actor=request.user,
                )
            except ValidationError as error:
                self.message_user(
                    request,
                    f"{complaint.number}: {' '.join(error.messages)}",
                    level=messages.ERROR,
                )
                continue
            if result:
                done += 1
        self.message_user(request, gettext("Forwarded: %(n)s.") % {"n": done})

    def _export_allowed(self, request):
        if not request.user.has_perm("complaints.export_complaint"):
            raise PermissionDenied

    @admin.action(
        description=_("Export the selected for LAPOR! (XLSX)"), permissions=["export"]
    )
    def export_xlsx(self, request, queryset):
        self._export_allowed(request)
        content = xlsx_bytes(
            title=gettext("Complaints for SP4N LAPOR!"),
            headers=lapor_headers(),
            rows=lapor_rows(queryset.order_by("received_at"), request.user),
            sheet="LAPOR",
        )
        return download_response(
            content, filename="pengaduan-lapor.xlsx", content_type=XLSX_MIME
        )

    @admin.action(
        description=_("Export the selected for LAPOR! (CSV)"), permissions=["export"]
    )
    def export_csv(self, request, queryset):
        self._export_allowed(request)
        content = csv_text(
            headers=lapor_headers(),
            rows=lapor_rows(queryset.order_by("received_at"), request.user),
        )
        return download_response(
            content, filename="pengaduan-lapor.csv", content_type="text/csv"
        )


def _flat(opts):
    for field in opts["fields"]:
        if isinstance(field, tuple | list):
            yield from field
        else:
            yield field


@admin.register(ComplaintSettings)
class ComplaintSettingsAdmin(admin.ModelAdmin):
    fields = ["public_listing", "reopen_window_days"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        current = ComplaintSettings.load()
        return redirect(
            reverse("admin:complaints_complaintsettings_change", args=[current.pk])
        )
