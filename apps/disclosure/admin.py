"""Back office of the disclosure log and of OCR: unit-scoped, writes through
services.py; a refused step is a message, never a 500."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from apps.accounts.roles import scope_to_user
from apps.core.admin_files import PrivateFilesAdminMixin
from apps.core.errors import ApplicationError
from apps.core.files import private_file_response
from apps.disclosure import ocr, services
from apps.disclosure.forms import (
    AnswerForm,
    PrepareForm,
    RedactForm,
    UnpublishForm,
    publishable_requests,
)
from apps.disclosure.models import OcrJob, PublishedAnswer, reason_label


@admin.register(PublishedAnswer)
class PublishedAnswerAdmin(admin.ModelAdmin):
    list_display = ["title", "unit", "status", "decision", "decided_on", "published_at"]
    list_filter = ["status", "decision", "unit"]
    search_fields = ["title", "request__registration_number"]
    date_hierarchy = "decided_on"
    change_form_template = "admin/disclosure/publishedanswer/change_form.html"
    readonly_fields = [
        "request_link",
        "unit",
        "status",
        "decision",
        "received_on",
        "decided_on",
        "published_at",
        "published_by",
        "unpublished_at",
        "unpublish_reason",
        "documents_list",
        "redaction_log",
    ]

    def get_queryset(self, request):
        return scope_to_user(
            super().get_queryset(request).select_related("unit", "request"),
            request.user,
        )

    def has_delete_permission(self, request, obj=None):
        return False  # unpublish instead: the log keeps what was published

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_publish_permission(self, request, obj=None):
        return request.user.has_perm("disclosure.publish_publishedanswer") and (
            obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = AnswerForm if obj is not None else PrepareForm
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None:
            form.base_fields["request"].queryset = publishable_requests(request.user)
        return form

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["request"]})]
        return [
            (None, {"fields": ["title", "question", "answer"]}),
            (
                _("Request"),
                {
                    "fields": [
                        "request_link",
                        "unit",
                        "decision",
                        "received_on",
                        "decided_on",
                    ]
                },
            ),
            (
                _("Publication"),
                {
                    "fields": [
                        "status",
                        "published_at",
                        "published_by",
                        "unpublished_at",
                        "unpublish_reason",
                    ]
                },
            ),
            (_("Redacted documents"), {"fields": ["documents_list", "redaction_log"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        fields = list(self.readonly_fields)
        if obj.is_published:
            fields[:0] = ["title", "question", "answer"]
        return fields

    def get_changeform_initial_data(self, request):
        return {"request": request.GET.get("request")}

    def save_model(self, request, obj, form, change):
        if change:
            saved = services.published_answer_update(
                actor=request.user,
                answer=obj,
                title=form.cleaned_data["title"],
                question=form.cleaned_data["question"],
                answer_text=form.cleaned_data["answer"],
            )
        else:
            saved = services.published_answer_prepare(
                actor=request.user, info_request=form.cleaned_data["request"]
            )
        obj.__dict__.update(
            {k: v for k, v in saved.__dict__.items() if not k.startswith("_")}
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ApplicationError as error:
            self.message_user(request, str(error), level=messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    @admin.display(description=_("request"))
    def request_link(self, obj):
        url = reverse(
            "admin:info_requests_informationrequest_change", args=[obj.request_id]
        )
        return format_html('<a href="{}">{}</a>', url, obj.request.registration_number)

    @admin.display(description=_("documents"))
    def documents_list(self, obj):
        documents = list(obj.documents.all())
        if not documents:
            return _("None yet: redact the notice or a document given to add one.")
        url = reverse("admin:disclosure_publishedanswer_redact", args=[obj.pk])
        return format_html_join(
            "",
            '<p><a href="{}?file={}">{}</a> ({} · {})</p>',
            (
                (url, d.pk, d.title, d.get_source_display(), f"{d.page_count} hlm")
                for d in documents
            ),
        )

    @admin.display(description=_("redaction log"))
    def redaction_log(self, obj):
        rows = [
            (
                log.created_at.strftime("%d-%m-%Y %H:%M"),
                log.actor or "–",
                log.document.title,
                len(log.areas),
                "; ".join(
                    reason_label(code) for code in log.reasons.split(",") if code
                ),
            )
            for document in obj.documents.all()
            for log in document.redactions.all()
        ]
        if not rows:
            return "–"
        return format_html_join("", "<p>{} · {} · {}: {} area(s), {}</p>", rows)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/redact/",
                view(self.redact_view),
                name="{}_{}_redact".format(*info),
            ),
            path(
                "<path:object_id>/publish/",
                view(self.publish_view),
                name="{}_{}_publish".format(*info),
            ),
            path(
                "<path:object_id>/unpublish/",
                view(self.unpublish_view),
                name="{}_{}_unpublish".format(*info),
            ),
            *super().get_urls(),
        ]

    def _answer_or_404(self, request, object_id) -> PublishedAnswer:
        if not str(object_id).isdigit():
            raise Http404
        return get_object_or_404(self.get_queryset(request), pk=object_id)

    def _render(self, request, template, answer, **context):
        return TemplateResponse(
            request,
            f"admin/disclosure/publishedanswer/{template}.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": answer,
                "change_url": reverse(
                    "admin:disclosure_publishedanswer_change", args=[answer.pk]
                ),
                **context,
            },
        )

    def redact_view(self, request, object_id):
        answer = self._answer_or_404(request, object_id)
        if not self.has_change_permission(request, answer):
            raise PermissionDenied
        if request.GET.get("file"):
            document = get_object_or_404(answer.documents, pk=request.GET["file"])
            return private_file_response(
                document.file, filename=document.filename, as_attachment=False
            )
        sources = services.sources_of(answer)
        if request.method == "POST" and "remove" in request.POST:
            document = get_object_or_404(answer.documents, pk=request.POST["remove"])
            try:
                services.published_document_remove(
                    actor=request.user, document=document
                )
            except ApplicationError as error:
                self.message_user(request, str(error), level=messages.ERROR)
            return HttpResponseRedirect(request.path)
        form = RedactForm(
            request.POST if request.method == "POST" else None, sources=sources
        )
        if form.is_bound and form.is_valid():
            try:
                document = services.published_document_redact(
                    actor=request.user,
                    answer=answer,
                    source=form.cleaned_data["source"],
                    marks=form.cleaned_data["marks"],
                    title=form.cleaned_data["title"],
                )
            except ApplicationError as error:
                self.message_user(request, str(error), level=messages.ERROR)
            except Exception as error:  # noqa: BLE001 - a ValidationError of a mark
                from django.core.exceptions import ValidationError

                if not isinstance(error, ValidationError):
                    raise
                for message in error.messages:
                    form.add_error("marks", message)
            else:
                self.message_user(
                    request,
                    _("Redacted copy “%(title)s” made: check it before publishing.")
                    % {"title": document.title},
                    level=messages.SUCCESS,
                )
                return HttpResponseRedirect(request.path)
        elif not form.is_bound:
            source = request.GET.get("source") or (sources[0][0] if sources else "")
            initial = {"source": source}
            if source:
                try:
                    marks = services.suggested_marks(answer, source)
                except (ApplicationError, Exception):  # noqa: BLE001 - no suggestions
                    marks = []
                initial["marks"] = "\n".join(mark.as_line() for mark in marks)
            form = RedactForm(initial=initial, sources=sources)
        return self._render(
            request,
            "redact",
            answer,
            form=form,
            sources=sources,
            documents=list(answer.documents.all()),
            title=_("Redact documents for publication"),
            locked=answer.is_published,
        )

    def publish_view(self, request, object_id):
        answer = self._answer_or_404(request, object_id)
        if not self.has_publish_permission(request, answer):
            raise PermissionDenied
        if request.method == "POST":
            try:
                services.published_answer_publish(actor=request.user, answer=answer)
            except ApplicationError as error:
                self.message_user(request, str(error), level=messages.ERROR)
            else:
                self.message_user(
                    request, _("Published in the disclosure log."), messages.SUCCESS
                )
                return HttpResponseRedirect(
                    reverse("admin:disclosure_publishedanswer_change", args=[answer.pk])
                )
        return self._render(
            request,
            "publish",
            answer,
            left=services.personal_data_left(answer),
            may_publish=answer.status in services.ALLOWED
            and PublishedAnswer.Status.PUBLISHED in services.ALLOWED[answer.status],
            title=_("Publish this answer"),
        )

    def unpublish_view(self, request, object_id):
        answer = self._answer_or_404(request, object_id)
        if not self.has_publish_permission(request, answer):
            raise PermissionDenied
        form = UnpublishForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            try:
                services.published_answer_unpublish(
                    actor=request.user,
                    answer=answer,
                    reason=form.cleaned_data["reason"],
                )
            except ApplicationError as error:
                self.message_user(request, str(error), level=messages.ERROR)
            else:
                self.message_user(
                    request, _("Removed from the disclosure log."), messages.SUCCESS
                )
                return HttpResponseRedirect(
                    reverse("admin:disclosure_publishedanswer_change", args=[answer.pk])
                )
        return self._render(
            request,
            "unpublish",
            answer,
            form=form,
            title=_("Unpublish this answer"),
        )


@admin.register(OcrJob)
class OcrJobAdmin(PrivateFilesAdminMixin, admin.ModelAdmin):
    list_display = ["document", "item_unit", "status", "finished_at"]
    list_filter = ["status"]
    search_fields = ["document__title", "document__item__title"]
    readonly_fields = ["document", "status", "text", "error", "finished_at"]
    fields = readonly_fields
    actions = ["run_again"]

    def get_queryset(self, request):
        return scope_to_user(
            super().get_queryset(request).select_related("document__item__unit"),
            request.user,
            "document__item__unit",
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_run_permission(self, request):
        return request.user.has_perm("disclosure.change_ocrjob")

    @admin.display(description=_("unit"))
    def item_unit(self, obj):
        return obj.document.item.unit

    def _warn_if_unavailable(self, request):
        available, missing = ocr.availability()
        if not available:
            self.message_user(
                request,
                _(
                    "OCR is not installed on this server: scanned documents are "
                    "stored but their text cannot be searched. %(missing)s"
                )
                % {"missing": missing},
                level=messages.WARNING,
            )

    def changelist_view(self, request, extra_context=None):
        self._warn_if_unavailable(request)
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._warn_if_unavailable(request)
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description=_("Run OCR again"), permissions=["run"])
    def run_again(self, request, queryset):
        from apps.disclosure.tasks import ocr_register_document

        count = 0
        for job in queryset:
            ocr_register_document.enqueue(document_id=job.document_id, force=True)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%d document queued for OCR.", "%d documents queued for OCR.", count
            )
            % count,
            level=messages.SUCCESS,
        )
