"""API input and output of requests: parse and shape only, the services decide."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Unit
from apps.core.applicants import IDENTITY_FIELDS, REPRESENTATIVE_FIELDS
from apps.core.drf.applicants import ApplicantSerializerMixin
from apps.info_requests.models import (
    AccessMethod,
    Channel,
    CopyFormat,
    DeliveryMethod,
    InformationRequest,
    NoticeControl,
    NoticeDecision,
    RefusalReason,
    Status,
    WrittenNotice,
)

OFFICER_ONLY_FIELDS = ("channel", "received_at")


class AwareDateTimeField(serializers.DateTimeField):
    """ISO 8601 with its UTC offset: a naive time is ambiguous across WIB/WITA/WIT."""

    default_error_messages = {
        "naive": _(
            "Give the time with its UTC offset, e.g. 2026-03-02T09:00:00+08:00."
        ),
        "future": _("The time of receipt cannot be in the future."),
    }

    def to_internal_value(self, value):
        if isinstance(value, str):
            parsed = parse_datetime(value.strip()) if value.strip() else None
            if parsed is not None and parsed.tzinfo is None:
                self.fail("naive")
        result = super().to_internal_value(value)
        if result > timezone.now():
            self.fail("future")
        return result


@extend_schema_field(
    {
        "type": "string",
        "enum": [*CopyFormat.values, ""],
        "description": "softcopy or hardcopy (the choices of copy_format).",
    }
)
class FormGivenField(serializers.ChoiceField):
    """CopyFormat again, described inline so the schema keeps one CopyFormatEnum."""

    def __init__(self, **kwargs):
        super().__init__(choices=CopyFormat.choices, allow_blank=True, **kwargs)


class UnitSlugField(serializers.SlugRelatedField):
    default_error_messages = {
        "does_not_exist": _(
            "No unit has the code “{value}”. See /api/v1/units/ for the codes."
        ),
        "invalid": _("Give the unit's code (slug) as text."),
    }


class RequestSubmitSerializer(ApplicantSerializerMixin):
    """POST /api/v1/requests/: the fields of the request form (UU 14/2008 Pasal 22)."""

    applicant_required = ("applicant_type", "name", "address")

    information_requested = serializers.CharField(max_length=4000)
    purpose = serializers.CharField(max_length=2000)
    access_method = serializers.ChoiceField(choices=AccessMethod.choices)
    copy_format = serializers.ChoiceField(
        choices=CopyFormat.choices, required=False, allow_blank=True, default=""
    )
    delivery_method = serializers.ChoiceField(
        choices=DeliveryMethod.choices, required=False, allow_blank=True, default=""
    )
    unit = UnitSlugField(
        slug_field="slug",
        queryset=Unit.objects.active(),
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Code of the unit addressed; leave out to let the PPID route it."),
    )
    publication_consent = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_(
            "The request and its answer may be published in the disclosure log, "
            "without the applicant's identity."
        ),
    )
    channel = serializers.ChoiceField(
        choices=Channel.choices,
        required=False,
        help_text=_("Officers only: the channel the request came through."),
    )
    received_at = AwareDateTimeField(
        required=False,
        help_text=_("Officers only: when it was received (ISO 8601 with offset)."),
    )

    def __init__(self, *args, may_record: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_record = may_record

    def to_internal_value(self, data):
        errors = {}
        if not self.may_record and hasattr(data, "get"):
            for field in OFFICER_ONLY_FIELDS:
                if data.get(field) not in (None, ""):
                    errors[field] = [
                        _(
                            "Only officers who record requests may set this field; "
                            "leave it out."
                        )
                    ]
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as error:
            raise serializers.ValidationError({**errors, **error.detail}) from None
        if errors:
            raise serializers.ValidationError(errors)
        return value


class SubmittedSerializer(serializers.Serializer):
    registration_number = serializers.CharField()
    status = serializers.ChoiceField(choices=Status.choices)
    status_display = serializers.CharField(source="get_status_display")
    channel = serializers.ChoiceField(choices=Channel.choices)
    received_at = serializers.DateTimeField()
    due_date = serializers.DateField()
    status_url = serializers.CharField(
        help_text=_("Private link to the public status page of this request.")
    )
    receipt_url = serializers.CharField(
        help_text=_("The receipt (tanda bukti) as a PDF.")
    )


class TimelineEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    status = serializers.CharField()
    status_display = serializers.CharField()
    note = serializers.CharField()


class StatusQuerySerializer(serializers.Serializer):
    registration_number = serializers.CharField(max_length=40)
    contact = serializers.CharField(
        max_length=200,
        help_text=_("The e-mail address or phone number given with the request."),
    )


class PublicStatusSerializer(serializers.Serializer):
    """What an applicant sees about their request; never personal data."""

    registration_number = serializers.CharField()
    status = serializers.ChoiceField(choices=Status.choices)
    status_display = serializers.CharField()
    received_at = serializers.DateTimeField()
    due_date = serializers.DateField()
    extended_due_date = serializers.DateField(allow_null=True)
    is_overdue = serializers.BooleanField()
    unit = serializers.CharField()
    outcome = serializers.CharField(
        help_text=_("The decision of the written notice; empty until decided.")
    )
    outcome_display = serializers.CharField()
    refusal_reason_display = serializers.CharField()
    exemption_letters = serializers.ListField(child=serializers.CharField())
    decided_at = serializers.DateTimeField(allow_null=True)
    timeline = TimelineEntrySerializer(many=True)


class ExtendSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=2000, help_text=_("The written reason for the extension.")
    )


class ExtendedSerializer(serializers.Serializer):
    registration_number = serializers.CharField()
    status = serializers.ChoiceField(choices=Status.choices)
    due_date = serializers.DateField(
        source="extended_due_date", help_text=_("The new (extended) due date.")
    )
    original_due_date = serializers.DateField(source="due_date")
    extension_reason = serializers.CharField()


class DecideSerializer(serializers.Serializer):
    """The written notice (pemberitahuan tertulis), UU 14/2008 Pasal 22(7)."""

    control = serializers.ChoiceField(choices=NoticeControl.choices)
    decision = serializers.ChoiceField(choices=NoticeDecision.choices)
    refusal_reason = serializers.ChoiceField(
        choices=RefusalReason.choices, required=False, allow_blank=True, default=""
    )
    exemption_letters = serializers.ListField(
        child=serializers.CharField(max_length=1),
        required=False,
        default=list,
        max_length=10,
        help_text=_("Pasal 17 letters a–j of an exemption."),
    )
    exemption_reference = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default=""
    )
    holding_body = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    information_given = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )
    form_given = FormGivenField(required=False, default="")
    delivery_method = serializers.ChoiceField(
        choices=DeliveryMethod.choices, required=False, allow_blank=True, default=""
    )
    cost = serializers.DecimalField(
        max_digits=12, decimal_places=0, min_value=0, required=False, default=0
    )
    payment_method = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    time_needed = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    redactions = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )
    explanation = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )


class NoticeSerializer(serializers.ModelSerializer):
    registration_number = serializers.CharField(source="request.registration_number")
    status = serializers.CharField(source="request.status")
    decision_display = serializers.CharField(source="get_decision_display")
    form_given = FormGivenField(read_only=True)
    letter_url = serializers.SerializerMethodField()

    class Meta:
        model = WrittenNotice
        fields = [
            "registration_number",
            "status",
            "letter_number",
            "control",
            "holding_body",
            "decision",
            "decision_display",
            "refusal_reason",
            "exemption_letters",
            "exemption_reference",
            "information_given",
            "form_given",
            "delivery_method",
            "cost",
            "payment_method",
            "time_needed",
            "redactions",
            "explanation",
            "issued_at",
            "letter_url",
        ]

    def get_letter_url(self, notice) -> str:
        from django.urls import reverse

        path = reverse("api:request-letter", args=[notice.request.registration_number])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class AssignSerializer(serializers.Serializer):
    unit = UnitSlugField(slug_field="slug", queryset=Unit.objects.active())
    note = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default=""
    )


class RequestListSerializer(serializers.ModelSerializer):
    """An officer's row: the case, its deadline, no personal data."""

    status_display = serializers.CharField(source="get_status_display")
    unit = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    effective_due_date = serializers.DateField()
    is_overdue = serializers.SerializerMethodField()

    class Meta:
        model = InformationRequest
        fields = [
            "registration_number",
            "status",
            "status_display",
            "channel",
            "unit",
            "applicant_type",
            "received_at",
            "due_date",
            "extended_due_date",
            "effective_due_date",
            "is_overdue",
        ]

    def get_is_overdue(self, obj) -> bool:
        return obj.is_overdue(self.context["today"])


class ApplicantSerializer(serializers.ModelSerializer):
    """Personal data: only where apps.accounts.personal_data.may_see() agrees
    (view_identity_informationrequest)."""

    has_identity_document = serializers.SerializerMethodField()
    has_power_of_attorney = serializers.SerializerMethodField()

    class Meta:
        model = InformationRequest
        fields = [
            *IDENTITY_FIELDS,
            *REPRESENTATIVE_FIELDS,
            "has_identity_document",
            "has_power_of_attorney",
        ]

    def get_has_identity_document(self, obj) -> bool:
        return bool(obj.identity_document)

    def get_has_power_of_attorney(self, obj) -> bool:
        return bool(obj.power_of_attorney)


class RequestDetailSerializer(RequestListSerializer):
    applicant = serializers.SerializerMethodField()
    notice = serializers.SerializerMethodField()

    class Meta(RequestListSerializer.Meta):
        fields = [
            *RequestListSerializer.Meta.fields,
            "information_requested",
            "purpose",
            "access_method",
            "copy_format",
            "delivery_method",
            "extension_reason",
            "completion_note",
            "decided_at",
            "closed_at",
            "applicant",
            "notice",
        ]

    @extend_schema_field(ApplicantSerializer(allow_null=True))
    def get_applicant(self, obj):
        if not self.context.get("show_personal_data"):
            return None
        return ApplicantSerializer(obj).data

    @extend_schema_field(NoticeSerializer(allow_null=True))
    def get_notice(self, obj):
        notice = getattr(obj, "notice", None)
        if notice is None:
            return None
        return NoticeSerializer(notice, context=self.context).data
