"""The officers' inbox: every channel in one queue, the whole thread per sender,
reply, close, and turn a conversation into a request or a complaint."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from apps.channels import selectors, services
from apps.channels.models import (
    OPEN_STATUSES,
    Attachment,
    Conversation,
    InboundPayload,
    PayloadStatus,
)
from apps.core.admin import ServiceErrorsAsMessagesMixin
from apps.core.errors import ApplicationError
from apps.core.files import private_file_response


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Reply"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )


class CloseForm(forms.Form):
    note = forms.CharField(
        label=_("Why this is not a case"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


def _intake_form(admin_site, request, model):
    """The same intake form (and admin widgets) as the case app's own add page."""
    return admin_site._registry[model].get_form(request, None)


# Fields of the request intake form that stay None when left empty.
REQUEST_NULLABLE = {"unit", "identity_document", "power_of_attorney", "received_at"}


def _request_data(form) -> dict:
    data = {name: form.cleaned_data.get(name) for name in form.Meta.fields}
    for name, value in list(data.items()):
        if value is None and name not in REQUEST_NULLABLE:
            data[name] = ""
    return data


def _complaint_data(form) -> dict:
    data = form.cleaned_data
    names = [*form.Meta.fields, "attachments"]
    return {name: data.get(name) for name in names}


@admin.register(Conversation)
class ConversationAdmin(ServiceErrorsAsMessagesMixin, admin.ModelAdmin):
    list_display = [
        "who",
        "channel",
        "status",
        "last_message_at",
        "message_count",
        "case_link",
    ]
    list_filter = ["channel", "status"]
    search_fields = ["sender_name", "sender_id", "subject"]
    ordering = ["-last_message_at", "-pk"]
    list_per_page = 50
    readonly_fields = [
        "channel",
        "sender_id",
        "sender_name",
        "subject",
        "status",
        "first_message_at",
        "last_message_at",
        "first_response_at",
        "information_request",
        "complaint",
        "closed_note",
    ]
    fields = readonly_fields
    change_form_template = "admin/channels/conversation/change_form.html"
    change_list_template = "admin/channels/conversation/change_list.html"
    actions = ["convert_to_request", "convert_to_complaint"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("information_request", "complaint")
            .annotate(message_total=Count("messages"))
        )

    @admin.display(description=_("sender"), ordering="sender_name")
    def who(self, obj):
        if obj.sender_name:
            return f"{obj.sender_name} ({obj.sender_id})"
        return obj.sender_id

    @admin.display(description=_("messages"), ordering="message_total")
    def message_count(self, obj):
        return obj.message_total

    @admin.display(description=_("case"))
    def case_link(self, obj):
        if obj.information_request_id:
            url = reverse(
                "admin:info_requests_informationrequest_change",
                args=[obj.information_request_id],
            )
            return format_html(
                '<a href="{}">{}</a>', url, obj.information_request.registration_number
            )
        if obj.complaint_id:
            url = reverse("admin:complaints_complaint_change", args=[obj.complaint_id])
            return format_html('<a href="{}">{}</a>', url, obj.complaint.number)
        return "—"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # Nothing is edited in place: replies, closing and conversion are services.
        return False

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "channel_states": selectors.channel_states(),
            "unreadable_count": InboundPayload.objects.filter(
                status=PayloadStatus.FAILED
            ).count(),
        }
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        conversation = self.get_object(request, object_id)
        if conversation is not None:
            thread = conversation.messages.select_related("author").prefetch_related(
                Prefetch("attachments", queryset=Attachment.objects.order_by("pk"))
            )
            user = request.user
            is_open = conversation.status in OPEN_STATUSES
            extra_context = {
                **(extra_context or {}),
                "thread": thread,
                "reply_form": ReplyForm(),
                "close_form": CloseForm(),
                "can_reply": user.has_perm("channels.reply_conversation"),
                "can_close": is_open and user.has_perm("channels.change_conversation"),
                "can_convert": is_open
                and user.has_perm("channels.convert_conversation"),
                "channel_state": next(
                    state
                    for state in selectors.channel_states()
                    if state["channel"] == conversation.channel
                ),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    # Actions open the conversion form of one conversation.
    def _convert_action(self, request, queryset, kind):
        if queryset.count() != 1:
            self.message_user(
                request, gettext("Choose exactly one conversation."), messages.WARNING
            )
            return None
        return redirect(
            reverse(
                f"admin:channels_conversation_convert_{kind}", args=[queryset[0].pk]
            )
        )

    @admin.action(
        description=_("Convert into an information request"),
        permissions=["convert"],
    )
    def convert_to_request(self, request, queryset):
        return self._convert_action(request, queryset, "request")

    @admin.action(description=_("Convert into a complaint"), permissions=["convert"])
    def convert_to_complaint(self, request, queryset):
        return self._convert_action(request, queryset, "complaint")

    def has_convert_permission(self, request):
        return request.user.has_perm("channels.convert_conversation")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/reply/",
                view(require_POST(self.reply_view)),
                name="channels_conversation_reply",
            ),
            path(
                "<int:pk>/close/",
                view(require_POST(self.close_view)),
                name="channels_conversation_close",
            ),
            path(
                "<int:pk>/convert/request/",
                view(self.convert_request_view),
                name="channels_conversation_convert_request",
            ),
            path(
                "<int:pk>/convert/complaint/",
                view(self.convert_complaint_view),
                name="channels_conversation_convert_complaint",
            ),
            path(
                "attachment/<int:pk>/",
                view(self.attachment_view),
                name="channels_attachment_download",
            ),
            *super().get_urls(),
        ]

    def _conversation(self, request, pk) -> Conversation:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(Conversation, pk=pk)

    def _back(self, conversation):
        return redirect(
            reverse("admin:channels_conversation_change", args=[conversation.pk])
        )

    def reply_view(self, request, pk):
        conversation = self._conversation(request, pk)
        form = ReplyForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                self.message_user(request, " ".join(errors), messages.ERROR)
            return self._back(conversation)
        try:
            message = self.run_service(
                request,
                services.conversation_reply,
                conversation=conversation,
                actor=request.user,
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return self._back(conversation)
        if message is not None:
            message.refresh_from_db()
            level = (
                messages.SUCCESS
                if message.delivery_status in {"queued", "sent"}
                else messages.WARNING
            )
            self.message_user(
                request,
                gettext("Reply: %(status)s.")
                % {"status": message.get_delivery_status_display()}
                + (f" {message.delivery_error}" if message.delivery_error else ""),
                level,
            )
        return self._back(conversation)

    def close_view(self, request, pk):
        conversation = self._conversation(request, pk)
        form = CloseForm(request.POST)
        if not form.is_valid():
            self.message_user(
                request, gettext("Say why this is not a case."), messages.ERROR
            )
            return self._back(conversation)
        try:
            done = self.run_service(
                request,
                services.conversation_close,
                conversation=conversation,
                actor=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return self._back(conversation)
        if done is not None:
            self.message_user(request, gettext("Conversation closed."))
        return self._back(conversation)

    def _convert_view(self, request, pk, *, kind):
        conversation = self._conversation(request, pk)
        if not request.user.has_perm("channels.convert_conversation"):
            raise PermissionDenied
        if conversation.status not in OPEN_STATUSES:
            self.message_user(
                request,
                gettext("This conversation is already converted or closed."),
                messages.ERROR,
            )
            return self._back(conversation)
        from apps.complaints.models import Complaint
        from apps.info_requests.models import InformationRequest

        if kind == "request":
            model, initial = InformationRequest, selectors.request_initial(conversation)
            title = gettext("Convert into an information request")
        else:
            model, initial = Complaint, selectors.complaint_initial(conversation)
            title = gettext("Convert into a complaint")
        form_class = _intake_form(self.admin_site, request, model)
        if request.method == "POST":
            form = form_class(request.POST, request.FILES)
            if form.is_valid():
                case = self._convert(request, conversation, form, kind)
                if case is not None:
                    return case
        else:
            form = form_class(initial=initial)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "conversation": conversation,
            "thread": conversation.messages.prefetch_related("attachments"),
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(
            request, "admin/channels/conversation/convert.html", context
        )

    def _convert(self, request, conversation, form, kind):
        try:
            if kind == "request":
                case = services.conversation_convert_to_request(
                    conversation=conversation,
                    actor=request.user,
                    data=_request_data(form),
                )
                number = case.registration_number
                url = reverse(
                    "admin:info_requests_informationrequest_change", args=[case.pk]
                )
            else:
                result = services.conversation_convert_to_complaint(
                    conversation=conversation,
                    actor=request.user,
                    data=_complaint_data(form),
                )
                number = result.complaint.number
                url = reverse(
                    "admin:complaints_complaint_change", args=[result.complaint.pk]
                )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error.messages)
            return None
        except ApplicationError as error:
            self.message_user(request, str(error), messages.ERROR)
            return self._back(conversation)
        self.message_user(
            request, gettext("Recorded as %(number)s.") % {"number": number}
        )
        return redirect(url)

    def convert_request_view(self, request, pk):
        return self._convert_view(request, pk, kind="request")

    def convert_complaint_view(self, request, pk):
        return self._convert_view(request, pk, kind="complaint")

    def attachment_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        attachment = get_object_or_404(Attachment, pk=pk)
        if not attachment.file:
            raise Http404  # the download failed: nothing stored
        return private_file_response(
            attachment.file, filename=attachment.filename or "lampiran"
        )


@admin.register(InboundPayload)
class InboundPayloadAdmin(admin.ModelAdmin):
    """Raw webhook bodies and e-mails: the unreadable ones are shown to officers."""

    list_display = ["received_at", "channel", "status", "message_count", "error"]
    list_filter = ["status", "channel"]
    ordering = ["-received_at", "-pk"]
    list_per_page = 50
    fields = [
        "channel",
        "received_at",
        "status",
        "processed_at",
        "message_count",
        "error",
        "raw_body",
    ]
    readonly_fields = fields
    actions = ["process_again"]

    @admin.display(description=_("raw body"))
    def raw_body(self, obj):
        return format_html(
            "<pre style='white-space:pre-wrap'>{}</pre>", obj.body_text()
        )

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_reprocess_permission(self, request):
        return request.user.has_perm("channels.change_inboundpayload")

    @admin.action(description=_("Read again"), permissions=["reprocess"])
    def process_again(self, request, queryset):
        done = 0
        for payload in queryset.exclude(status=PayloadStatus.PROCESSED):
            services.payload_process(payload=InboundPayload.objects.get(pk=payload.pk))
            done += 1
        self.message_user(
            request,
            ngettext(
                "%(count)s payload read again.", "%(count)s payloads read again.", done
            )
            % {"count": done},
        )
