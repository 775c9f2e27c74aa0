from rest_framework import serializers

from apps.accounts.models import Unit
from apps.core.models import BodyProfile


class UnitSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )

    class Meta:
        model = Unit
        fields = [
            "slug",
            "code",
            "name",
            "kind",
            "parent",
            "address",
            "phone",
            "email",
            "website",
        ]


class BodyProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = BodyProfile
        fields = [
            "name",
            "short_name",
            "ppid_name",
            "region",
            "address",
            "phone",
            "email",
            "website",
            "office_hours",
            "instagram",
            "facebook",
            "x_account",
            "youtube",
            "ppid_decree_number",
            "ppid_decree_date",
            "maklumat",
        ]
