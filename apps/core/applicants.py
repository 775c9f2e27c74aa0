"""The applicant's identity, kept once for every case kind.

UU 14/2008 Pasal 1(12) and Perki 1/2021 Pasal 4: an applicant is an individual
(with their NIK), a legal entity (with its legalisation decree) or a community
group (through an attorney), each with an address and a way to be reached.
`ApplicantIdentity` holds those fields for information requests and
objections; `ReporterIdentity` is the confidential/anonymous variant a
complaint keeps (Perpres 76/2013). `clean_applicant()` is the one validation,
with one set of messages, that models, forms, serializers and services ask.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.files import encrypted_storage
from apps.core.validators import normalize_phone, validate_nik


class ApplicantType(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    LEGAL_ENTITY = "legal_entity", _("Legal entity (badan hukum)")
    COMMUNITY_GROUP = "community_group", _("Community group (kelompok orang)")


# Personal data (apps.accounts.personal_data): officers with the right only.
IDENTITY_FIELDS = (
    "name",
    "nik",
    "legal_entity_decree",
    "address",
    "phone",
    "email",
    "occupation",
)
REPRESENTATIVE_FIELDS = (
    "representative_name",
    "representative_address",
    "representative_phone",
)
DOCUMENT_FIELDS = ("identity_document", "power_of_attorney")
PERSONAL_FIELDS = IDENTITY_FIELDS + REPRESENTATIVE_FIELDS + DOCUMENT_FIELDS
# Every field of the applicant a form or a service takes.
APPLICANT_FIELDS = ("applicant_type", *PERSONAL_FIELDS)

# The complaint variant: the same identity under the reporter_ names.
REPORTER_NAMES = {
    "name": "reporter_name",
    "nik": "reporter_nik",
    "phone": "reporter_phone",
    "email": "reporter_email",
}
REPORTER_FIELDS = tuple(REPORTER_NAMES.values())

MESSAGES = {
    "name": _("Give your full name."),
    "address": _("Give your address."),
    "nik": _("An individual applicant gives their NIK."),
    "legal_entity_decree": _(
        "A legal entity gives the number of its legalisation decree."
    ),
    "representative_name": _(
        "A community group applies through its attorney: give their name."
    ),
    "contact": _("Give an e-mail address or a phone number so we can reach you."),
    "identity_document": _("Attach the identity document this applicant type needs."),
    "power_of_attorney": _(
        "Attach the special power of attorney of the representative."
    ),
}
REPORTER_MESSAGES = {
    **MESSAGES,
    "name": _("Enter your name, or choose to report anonymously."),
    "anonymous": _("An anonymous complaint carries no name, NIK, phone or e-mail."),
}


def _text(value):
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else value


def applicant_errors(
    values: Mapping[str, Any],
    *,
    required: tuple[str, ...] = (),
    documents: bool = False,
    group_attorney: bool = True,
    messages: Mapping[str, Any] = MESSAGES,
) -> dict[str, list]:
    """The rules of an applicant's identity, keyed by field.

    A rule looks only at fields present in `values` (a form leaves out the fields
    that already failed their own checks; the complaint variant has no type or
    address). `required` names fields that must not be blank (a model field
    already says so itself); `documents` asks for the identity document and, with
    a representative, the power of attorney (the public forms require them).
    `group_attorney`: a community group must act through an attorney (a request,
    Perki 1/2021; an objection has not asked it).
    """
    errors: dict[str, list] = {}

    def add(field: str, message) -> None:
        errors.setdefault(field, []).append(message)

    def given(field: str) -> bool:
        return bool(_text(values.get(field)))

    for field in required:
        if field in values and not given(field):
            add(field, messages[field])
    applicant_type = values.get("applicant_type")
    if "nik" in values:
        if given("nik"):
            try:
                validate_nik(values["nik"])
            except ValidationError as error:
                errors.setdefault("nik", []).extend(error.messages)
        elif applicant_type == ApplicantType.INDIVIDUAL:
            add("nik", messages["nik"])
    if (
        applicant_type == ApplicantType.LEGAL_ENTITY
        and "legal_entity_decree" in values
        and not given("legal_entity_decree")
    ):
        add("legal_entity_decree", messages["legal_entity_decree"])
    group = group_attorney and applicant_type == ApplicantType.COMMUNITY_GROUP
    if group and not given("representative_name"):
        add("representative_name", messages["representative_name"])
    has_contact_fields = "phone" in values and "email" in values
    if has_contact_fields and not given("phone") and not given("email"):
        add("email", messages["contact"])
    if documents:
        if "identity_document" in values and not values["identity_document"]:
            add("identity_document", messages["identity_document"])
        represented = group or given("representative_name")
        if (
            "power_of_attorney" in values
            and represented
            and not values["power_of_attorney"]
        ):
            add("power_of_attorney", messages["power_of_attorney"])
    return errors


def clean_phone_value(value: str) -> str:
    """A phone in E.164 (apps.core.validators.normalize_phone), blank stays blank."""
    return normalize_phone(value or "")


def clean_applicant(
    values: Mapping[str, Any],
    *,
    required: tuple[str, ...] = ("name", "address"),
    documents: bool = False,
    group_attorney: bool = True,
    messages: Mapping[str, Any] = MESSAGES,
    names: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Normalise (strip, e-mail in lower case, phones in E.164) and check the
    applicant's values; returns them cleaned or raises one ValidationError with
    every message, keyed by `names` (the model's field names) where given."""
    cleaned = {key: _text(value) for key, value in values.items()}
    errors: dict[str, list] = {}
    if cleaned.get("email"):
        cleaned["email"] = cleaned["email"].lower()
    for field in ("phone", "representative_phone"):
        if field in cleaned:
            try:
                cleaned[field] = clean_phone_value(cleaned[field])
            except ValidationError as error:
                errors[field] = list(error.messages)
    # A phone that failed its check is not "no contact": leave the rule out.
    checked = {key: value for key, value in cleaned.items() if key not in errors}
    if "phone" in errors:
        checked.pop("email", None)
    for field, field_errors in applicant_errors(
        checked,
        required=required,
        documents=documents,
        group_attorney=group_attorney,
        messages=messages,
    ).items():
        errors.setdefault(field, []).extend(field_errors)
    if errors:
        names = names or {}
        raise ValidationError(
            {names.get(field, field): messages for field, messages in errors.items()}
        )
    return cleaned


def clean_reporter(
    *, is_anonymous: bool, name: str, nik: str, phone: str, email: str
) -> dict[str, str]:
    """The complaint variant: an anonymous reporter gives nothing; anyone else a
    name and a way to be reached, and a valid NIK if they give one. Returns the
    cleaned name, nik, phone and e-mail; errors are keyed by the reporter_ fields."""
    values = {"name": name, "nik": nik, "phone": phone, "email": email}
    if is_anonymous:
        if any(_text(value) for value in values.values()):
            raise ValidationError({"is_anonymous": [REPORTER_MESSAGES["anonymous"]]})
        return dict.fromkeys(values, "")
    return clean_applicant(
        values, required=("name",), messages=REPORTER_MESSAGES, names=REPORTER_NAMES
    )


def identity_document_path(instance, filename) -> str:
    return f"{instance.applicant_files}/identity/{uuid.uuid4().hex}"


def power_of_attorney_path(instance, filename) -> str:
    return f"{instance.applicant_files}/attorney/{uuid.uuid4().hex}"


def applicant_constraints(prefix: str) -> list[models.CheckConstraint]:
    """The database's share of the rules: a known type and a way to be reached."""
    return [
        models.CheckConstraint(
            condition=Q(applicant_type__in=ApplicantType.values),
            name=f"{prefix}_applicant_type_valid",
        ),
        models.CheckConstraint(
            condition=~Q(phone="") | ~Q(email=""), name=f"{prefix}_has_contact"
        ),
    ]


def reporter_constraints(prefix: str) -> list[models.CheckConstraint]:
    return [
        models.CheckConstraint(
            condition=Q(is_anonymous=False) | Q(**dict.fromkeys(REPORTER_FIELDS, "")),
            name=f"{prefix}_anonymous_has_no_identity",
        )
    ]


class ApplicantIdentity(models.Model):
    """The applicant of a request or an objection (personal data: officers only,
    never public). A subclass names the folder of its files (`applicant_files`)
    and adds `applicant_constraints()` to its Meta.constraints."""

    applicant_files = "applicants"
    group_attorney = True  # see applicant_errors()
    # What apps.accounts.personal_data hides from officers without the right.
    personal_fields = PERSONAL_FIELDS

    applicant_type = models.CharField(
        _("applicant type"),
        max_length=20,
        choices=ApplicantType.choices,
        default=ApplicantType.INDIVIDUAL,
    )
    name = models.CharField(_("full name"), max_length=200)
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    legal_entity_decree = models.CharField(
        _("legalisation decree number (SK Kemenkumham)"), max_length=120, blank=True
    )
    address = models.TextField(_("address"))
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    occupation = models.CharField(_("occupation"), max_length=120, blank=True)
    identity_document = models.FileField(
        _("identity document"),
        storage=encrypted_storage,
        upload_to=identity_document_path,
        blank=True,
        max_length=200,
    )
    identity_document_type = models.CharField(max_length=80, blank=True, editable=False)
    representative_name = models.CharField(
        _("representative (kuasa)"), max_length=200, blank=True
    )
    representative_address = models.TextField(_("representative's address"), blank=True)
    representative_phone = models.CharField(
        _("representative's phone"), max_length=20, blank=True
    )
    power_of_attorney = models.FileField(
        _("power of attorney (surat kuasa khusus)"),
        storage=encrypted_storage,
        upload_to=power_of_attorney_path,
        blank=True,
        max_length=200,
    )
    power_of_attorney_type = models.CharField(max_length=80, blank=True, editable=False)

    class Meta:
        abstract = True

    @classmethod
    def applicant_field_names(cls) -> tuple[str, ...]:
        """The applicant fields this model has (a subclass may drop one)."""
        present = {field.name for field in cls._meta.get_fields()}
        return tuple(name for name in APPLICANT_FIELDS if name in present)

    def applicant_values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.applicant_field_names()}

    def applicant_errors(self) -> dict[str, list]:
        """The identity rules on this row; the model's own blank checks cover
        the name and the address."""
        values = self.applicant_values()
        for name in DOCUMENT_FIELDS:
            values.pop(name, None)  # files are checked where they are uploaded
        return applicant_errors(values, group_attorney=self.group_attorney)

    def clean(self):
        super().clean()
        errors = self.applicant_errors()
        if errors:
            raise ValidationError(errors)


class ReporterIdentity(models.Model):
    """The reporter of a complaint: may stay anonymous (nothing kept) or be known
    to the PPID Utama only (confidential). Add `reporter_constraints()`."""

    personal_fields = REPORTER_FIELDS

    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    is_confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("The identity is shown to the PPID Utama only."),
    )
    reporter_name = models.CharField(_("name"), max_length=150, blank=True)
    reporter_nik = models.CharField(_("NIK"), max_length=16, blank=True)
    reporter_phone = models.CharField(_("phone"), max_length=20, blank=True)
    reporter_email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        abstract = True

    @property
    def has_identity(self) -> bool:
        return not self.is_anonymous
