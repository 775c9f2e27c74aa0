"""/api/v1/information/ and /api/v1/exemptions/: public reads; officers with a
token create and update items under the same rules as the back office."""

from rest_framework import mixins, permissions, serializers, viewsets

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone

from apps.accounts.models import Unit
from apps.accounts.roles import scope_to_user
from apps.registers import selectors, services
from apps.registers.filters import InformationItemFilter
from apps.registers.models import Document, ExemptInformation, InformationItem


class DocumentSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "title",
            "original_filename",
            "content_type",
            "size",
            "sha256",
            "page_count",
            "download_count",
            "external_url",
            "download_url",
        ]

    def get_download_url(self, obj) -> str:
        request = self.context.get("request")
        url = obj.get_download_url()
        return request.build_absolute_uri(url) if request else url


class InformationItemSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", queryset=Unit.objects.all())
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    formats = serializers.ListField(child=serializers.CharField(), read_only=True)
    documents = DocumentSerializer(many=True, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = InformationItem
        fields = [
            "id",
            "category",
            "title",
            "summary",
            "unit",
            "unit_name",
            "responsible_official",
            "production_time_place",
            "format_softcopy",
            "format_hardcopy",
            "format_recording",
            "formats",
            "retention_period",
            "media",
            "year",
            "legal_basis",
            "dip_decree_number",
            "dip_decree_date",
            "tags",
            "update_cycle",
            "last_refreshed_on",
            "refresh_due",
            "status",
            "published_at",
            "documents",
            "url",
        ]
        read_only_fields = ["status", "published_at"]

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        url = obj.get_absolute_url()
        return request.build_absolute_uri(url) if request else url

    def validate(self, attrs):
        # Model rules (berkala refresh date, formats) as field errors, before saving.
        instance = self.instance or InformationItem()
        for name, value in attrs.items():
            setattr(instance, name, value)
        services.apply_refresh_defaults(instance, timezone.localdate())
        try:
            instance.clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        finally:
            if self.instance is not None:
                self.instance.refresh_from_db()
        return attrs

    def create(self, validated_data):
        return services.information_item_create(
            actor=self.context["request"].user, data=validated_data
        )

    def update(self, instance, validated_data):
        return services.information_item_update(
            actor=self.context["request"].user, item=instance, data=validated_data
        )


class OfficerWritePermission(permissions.DjangoModelPermissions):
    """Reads for everyone; writes need the model permission (unit: in services)."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return super().has_permission(request, view)


class InformationItemViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Published public information (DIP) with documents and download URLs."""

    serializer_class = InformationItemSerializer
    filterset_class = InformationItemFilter
    permission_classes = [OfficerWritePermission]
    queryset = InformationItem.objects.none()

    def get_queryset(self):
        user = self.request.user
        if self.request.method in permissions.SAFE_METHODS:
            base = selectors.public_items()
        else:
            # Officers update drafts too, but only those of their own units.
            base = scope_to_user(InformationItem.objects.select_related("unit"), user)
        return base.prefetch_related("documents")

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        if self.request.method not in permissions.SAFE_METHODS and hasattr(
            serializer, "fields"
        ):
            serializer.fields["unit"].queryset = scope_to_user(
                Unit.objects.all(), self.request.user, unit_field="pk"
            )
        return serializer


class ExemptInformationSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    pasal17_letters = serializers.ListField(
        source="letters", child=serializers.CharField(), read_only=True
    )

    class Meta:
        model = ExemptInformation
        # Never the minutes file: it is not public.
        fields = [
            "id",
            "title",
            "unit",
            "unit_name",
            "pasal17_letters",
            "other_legal_basis",
            "reason",
            "consequence_if_opened",
            "interest_if_closed",
            "period_kind",
            "period_until",
            "period_event",
            "test_stage",
            "tested_on",
            "decided_by",
            "decision_number",
            "decision_date",
        ]


class ExemptInformationViewSet(viewsets.ReadOnlyModelViewSet):
    """The exempt information register (what is closed and why)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = ExemptInformationSerializer
    queryset = ExemptInformation.objects.none()
    filterset_fields = ["period_kind", "test_stage"]

    def get_queryset(self):
        return selectors.public_exemptions().order_by("-decision_date", "-pk")
