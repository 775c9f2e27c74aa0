"""API shapes of complaints: public submission and status, officers' views."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Unit
from apps.complaints.models import Channel, Classification, Complaint
from apps.complaints.selectors import identity_visible, reporter_label
from apps.core.drf.applicants import ReporterSerializerMixin


class ComplaintTimelineEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    status = serializers.CharField()
    note = serializers.CharField()


class ComplaintSubmitSerializer(ReporterSerializerMixin):
    classification = serializers.ChoiceField(
        choices=Classification.choices, default=Classification.COMPLAINT
    )
    unit = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Unit.objects.active(),
        required=False,
        allow_null=True,
    )
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=10000)
    event_date = serializers.DateField(required=False, allow_null=True)
    event_place = serializers.CharField(
        max_length=255, required=False, allow_blank=True
    )
    latitude = serializers.DecimalField(
        max_digits=9,
        decimal_places=6,
        min_value=-90,
        max_value=90,
        required=False,
        allow_null=True,
    )
    longitude = serializers.DecimalField(
        max_digits=9,
        decimal_places=6,
        min_value=-180,
        max_value=180,
        required=False,
        allow_null=True,
    )
    attachments = serializers.ListField(
        child=serializers.FileField(), required=False, max_length=5
    )
    # Officers only (token with the add_complaint permission).
    channel = serializers.ChoiceField(choices=Channel.choices, required=False)
    received_at = serializers.DateTimeField(required=False)

    def validate(self, attrs):
        user = self.context["request"].user
        is_officer = user.is_authenticated and user.has_perm("complaints.add_complaint")
        if not is_officer:
            errors = {
                field: [_("Only officers may set this field.")]
                for field in ("channel", "received_at")
                if field in self.initial_data
            }
            if errors:
                raise serializers.ValidationError(errors)
        return super().validate(attrs)


class ComplaintStatusQuerySerializer(serializers.Serializer):
    tracking_number = serializers.CharField(max_length=40)
    contact = serializers.CharField(
        max_length=200,
        help_text=_("The e-mail address or phone number on file, or the secret code."),
    )


class ComplaintStatusSerializer(serializers.ModelSerializer):
    """What the public may see: never a name, NIK, phone or e-mail."""

    status_display = serializers.CharField(source="get_status_display")
    unit = serializers.CharField(source="unit.name", default=None, allow_null=True)
    timeline = serializers.SerializerMethodField()

    class Meta:
        model = Complaint
        fields = [
            "number",
            "status",
            "status_display",
            "classification",
            "title",
            "unit",
            "received_at",
            "due_date",
            "rejection_reason",
            "rejection_note",
            "belongs_to",
            "follow_up",
            "satisfaction",
            "resolved_at",
            "lapor_tracking_id",
            "lapor_url",
            "timeline",
        ]

    @extend_schema_field(ComplaintTimelineEntrySerializer(many=True))
    def get_timeline(self, complaint) -> list[dict]:
        from apps.complaints.selectors import public_timeline

        return [
            {"at": change.created_at, "status": change.to_status, "note": change.text}
            for change in public_timeline(complaint)
        ]


class OfficerComplaintSerializer(serializers.ModelSerializer):
    """The officers' view; identity only where identity_visible() allows."""

    unit = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    reporter = serializers.SerializerMethodField()
    reporter_nik = serializers.SerializerMethodField()
    reporter_phone = serializers.SerializerMethodField()
    reporter_email = serializers.SerializerMethodField()

    class Meta:
        model = Complaint
        fields = [
            "number",
            "status",
            "classification",
            "is_anonymous",
            "is_confidential",
            "reporter",
            "reporter_nik",
            "reporter_phone",
            "reporter_email",
            "unit",
            "title",
            "description",
            "event_date",
            "event_place",
            "latitude",
            "longitude",
            "channel",
            "received_at",
            "verification_due",
            "follow_up_due",
            "due_date",
            "disposition_note",
            "follow_up",
            "rejection_reason",
            "rejection_note",
            "belongs_to",
            "satisfaction",
            "reopen_count",
            "lapor_tracking_id",
            "lapor_url",
            "forwarded_to_lapor",
            "received_from_lapor",
            "lapor_status",
        ]

    def _user(self):
        return self.context["request"].user

    def get_reporter(self, complaint) -> str:
        return reporter_label(self._user(), complaint)

    def _identity(self, complaint, field):
        if identity_visible(self._user(), complaint):
            return getattr(complaint, field)
        return None

    def get_reporter_nik(self, complaint) -> str | None:
        return self._identity(complaint, "reporter_nik")

    def get_reporter_phone(self, complaint) -> str | None:
        return self._identity(complaint, "reporter_phone")

    def get_reporter_email(self, complaint) -> str | None:
        return self._identity(complaint, "reporter_email")


class RejectSerializer(serializers.Serializer):
    reason = serializers.CharField()
    note = serializers.CharField()
    belongs_to = serializers.CharField(required=False, allow_blank=True, default="")


class ForwardSerializer(serializers.Serializer):
    unit = serializers.SlugRelatedField(
        slug_field="slug", queryset=Unit.objects.active(), required=False
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")


class FollowUpSerializer(serializers.Serializer):
    text = serializers.CharField()


class ResolveSerializer(serializers.Serializer):
    satisfaction = serializers.CharField(required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ReopenSerializer(serializers.Serializer):
    reason = serializers.CharField()


class LaporSerializer(serializers.Serializer):
    tracking_id = serializers.CharField(required=False, allow_blank=True, default="")
    url = serializers.URLField(required=False, allow_blank=True, default="")
    forwarded_to_lapor = serializers.BooleanField(default=False)
    received_from_lapor = serializers.BooleanField(default=False)
    lapor_status = serializers.CharField(required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")
