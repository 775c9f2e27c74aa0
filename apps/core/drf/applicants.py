"""The applicant's fields in API submissions (apps.core.applicants).

Each field is parsed and checked on its own here, with the forms' messages (NIK,
phones in E.164, identity files by content); the rules across fields run once,
in the service (`clean_applicant`), for every channel alike.
"""

from __future__ import annotations

from rest_framework import serializers
from rest_framework.fields import empty

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _

from apps.core.applicants import ApplicantType, clean_phone_value
from apps.core.files import IDENTITY_KINDS, validate_upload
from apps.core.validators import validate_nik


def _checked(check, value):
    try:
        return check(value)
    except DjangoValidationError as error:
        raise serializers.ValidationError(
            [str(message) for message in error.messages]
        ) from None


def _optional_text(max_length: int, **kwargs) -> serializers.CharField:
    return serializers.CharField(
        max_length=max_length, required=False, allow_blank=True, default="", **kwargs
    )


class ApplicantSerializerMixin(serializers.Serializer):
    """Every field optional; `applicant_required` names those a serializer
    requires (a request needs them; an objection about a request copies them)."""

    applicant_required: tuple[str, ...] = ()

    applicant_type = serializers.ChoiceField(
        choices=ApplicantType.choices,
        default=ApplicantType.INDIVIDUAL,
        label=_("applicant type"),
    )
    name = _optional_text(200, label=_("full name"))
    nik = _optional_text(16, help_text=_("16-digit NIK; required for individuals."))
    legal_entity_decree = _optional_text(
        120, help_text=_("SK Kemenkumham number; required for legal entities.")
    )
    address = _optional_text(500)
    phone = _optional_text(30)
    # No default: "" is not an e-mail address, so a schema may not offer it as one.
    email = serializers.EmailField(max_length=254, required=False, allow_blank=True)
    occupation = _optional_text(120)
    identity_document = serializers.FileField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("KTP scan, legalised deed or the attorney's KTP (PDF, JPEG, PNG)."),
    )
    representative_name = _optional_text(200)
    representative_address = _optional_text(500)
    representative_phone = _optional_text(30)
    power_of_attorney = serializers.FileField(
        required=False, allow_null=True, default=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.applicant_required:
            field = self.fields[name]
            field.required, field.default = True, empty
            if hasattr(field, "allow_blank"):
                field.allow_blank = False

    def validate_nik(self, value):
        if value:
            _checked(validate_nik, value)
        return value

    def validate_phone(self, value):
        return _checked(clean_phone_value, value)

    def validate_representative_phone(self, value):
        return _checked(clean_phone_value, value)

    def _upload(self, upload):
        if upload:
            _checked(lambda value: validate_upload(value, IDENTITY_KINDS), upload)
        return upload

    def validate_identity_document(self, value):
        return self._upload(value)

    def validate_power_of_attorney(self, value):
        return self._upload(value)


class ReporterSerializerMixin(serializers.Serializer):
    """The complaint variant: an anonymous report is never confidential; the
    service checks the identity (`clean_reporter`)."""

    is_anonymous = serializers.BooleanField(default=False)
    is_confidential = serializers.BooleanField(default=False)
    reporter_name = serializers.CharField(
        max_length=150, required=False, allow_blank=True
    )
    reporter_nik = serializers.CharField(
        max_length=16, required=False, allow_blank=True
    )
    reporter_phone = serializers.CharField(
        max_length=30, required=False, allow_blank=True
    )
    reporter_email = serializers.EmailField(required=False, allow_blank=True)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if attrs.get("is_anonymous"):
            attrs["is_confidential"] = False
        return attrs
