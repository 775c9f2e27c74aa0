"""API shapes of objections: public filing and status, officers' views and steps."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Unit
from apps.accounts.personal_data import may_see
from apps.core.drf.applicants import ApplicantSerializerMixin
from apps.objections.models import Ground, Objection, Outcome


class ObjectionSubmitSerializer(ApplicantSerializerMixin):
    # Without a request (ground b) the identity is given as for a request; the
    # service asks for it then. An objector gives no legal-entity decree.
    legal_entity_decree = None

    registration_number = serializers.CharField(
        max_length=40, required=False, allow_blank=True, default=""
    )
    contact = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    grounds = serializers.ListField(
        child=serializers.ChoiceField(choices=Ground.values),
        allow_empty=False,
        max_length=7,
    )
    reason = serializers.CharField(max_length=6000)
    purpose = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default=""
    )
    unit = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Unit.objects.active(),
        required=False,
        allow_null=True,
        default=None,
    )

    def validate(self, attrs):
        number = attrs.get("registration_number", "").strip()
        if number and not attrs.get("contact", "").strip():
            raise serializers.ValidationError(
                {"contact": [_("Give the e-mail or phone number on file.")]}
            )
        if not number and set(attrs["grounds"]) != {"b"}:
            raise serializers.ValidationError(
                {
                    "registration_number": [
                        _(
                            "Grounds other than b need the registration number of "
                            "your request."
                        )
                    ]
                }
            )
        return attrs


class TimelineStepSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    status = serializers.CharField()
    note = serializers.CharField()


class ObjectionStatusQuerySerializer(serializers.Serializer):
    objection_number = serializers.CharField(max_length=40)
    contact = serializers.CharField(
        max_length=200, help_text=_("The e-mail address or phone number on file.")
    )


class ObjectionStatusSerializer(serializers.Serializer):
    """What the public may see: never a name, NIK, address, phone or e-mail."""

    number = serializers.CharField()
    request_number = serializers.CharField()
    status = serializers.CharField()
    status_display = serializers.CharField()
    grounds = serializers.ListField(child=serializers.CharField())
    received_at = serializers.DateTimeField()
    due_date = serializers.DateField()
    is_overdue = serializers.BooleanField()
    outcome = serializers.CharField()
    outcome_display = serializers.CharField()
    decision_reasons = serializers.CharField()
    release_ordered = serializers.CharField()
    decided_at = serializers.DateTimeField(allow_null=True)
    released_at = serializers.DateTimeField(allow_null=True)
    dispute_deadline = serializers.DateField(allow_null=True)
    timeline = serializers.SerializerMethodField()

    @extend_schema_field(TimelineStepSerializer(many=True))
    def get_timeline(self, status):
        return [
            {"at": step["at"], "status": step["status"], "note": step["note"]}
            for step in status["timeline"]
        ]


class OfficerObjectionSerializer(serializers.ModelSerializer):
    request = serializers.SlugRelatedField(
        slug_field="registration_number", read_only=True, allow_null=True
    )
    unit = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    grounds = serializers.ListField(child=serializers.CharField(), read_only=True)
    name = serializers.CharField(
        read_only=True,
        allow_null=True,
        help_text="The objector's name; null without view_identity_objection.",
    )

    class Meta:
        model = Objection
        fields = [
            "number",
            "status",
            "request",
            "unit",
            "name",
            "grounds",
            "reason",
            "purpose",
            "received_at",
            "due_date",
            "filing_window_end",
            "outcome",
            "decision_reasons",
            "release_ordered",
            "decided_at",
            "released_at",
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not may_see(request.user, instance):
            data["name"] = None  # personal data (apps.accounts.personal_data)
        return data


class ObjectionDecideSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    reasons = serializers.CharField(required=False, allow_blank=True, default="")
    release_ordered = serializers.CharField(
        required=False, allow_blank=True, default=""
    )


class ObjectionReleaseSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")
