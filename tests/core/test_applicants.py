"""The one applicant identity (apps.core.applicants): each rule once, and each
place that asks it (model, form mixin, serializer mixin, personal data)."""

import datetime as dt

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import override

from apps.accounts.personal_data import RULES
from apps.complaints.forms import ComplaintForm
from apps.core.applicant_forms import ApplicantFields, ApplicantFormMixin
from apps.core.applicants import (
    MESSAGES,
    PERSONAL_FIELDS,
    REPORTER_FIELDS,
    REPORTER_MESSAGES,
    ApplicantType,
    clean_applicant,
    clean_reporter,
)
from apps.info_requests.admin_forms import OfficerIntakeForm
from apps.info_requests.serializers import RequestSubmitSerializer
from apps.objections.forms import PeriodicObjectionForm
from apps.objections.models import Objection
from apps.objections.serializers import ObjectionSubmitSerializer
from tests.info_requests.factories import VALID_NIK, InformationRequestFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def english():
    with override("en"):
        yield


def person(**changes):
    values = {
        "applicant_type": ApplicantType.INDIVIDUAL,
        "name": "Budi Santoso",
        "nik": VALID_NIK,
        "legal_entity_decree": "",
        "address": "Jl. Yos Sudarso No. 1, Sangatta",
        "phone": "",
        "email": "budi@example.com",
        "occupation": "",
        "representative_name": "",
        "representative_address": "",
        "representative_phone": "",
    }
    return {**values, **changes}


def errors_of(values, **kwargs) -> dict:
    with pytest.raises(ValidationError) as caught:
        clean_applicant(values, **kwargs)
    return caught.value.message_dict


# The rules, once each.


def test_a_complete_individual_passes_and_is_normalised():
    cleaned = clean_applicant(
        person(name="  Budi  ", email=" Budi@Example.COM ", phone="0812 3456 7890")
    )
    assert cleaned["name"] == "Budi"
    assert cleaned["email"] == "budi@example.com"
    assert cleaned["phone"] == "+6281234567890"


@pytest.mark.parametrize("field", ["name", "address"])
def test_name_and_address_are_required(field):
    assert errors_of(person(**{field: "  "})) == {field: [str(MESSAGES[field])]}


def test_an_individual_gives_a_nik():
    assert errors_of(person(nik="")) == {"nik": [str(MESSAGES["nik"])]}


def test_a_given_nik_must_be_valid_for_any_type():
    errors = errors_of(person(applicant_type=ApplicantType.LEGAL_ENTITY, nik="123"))
    assert errors["nik"] == [
        "The NIK must be exactly 16 digits (as printed on the KTP)."
    ]


def test_a_legal_entity_gives_its_decree_not_a_nik():
    values = person(applicant_type=ApplicantType.LEGAL_ENTITY, nik="")
    assert errors_of(values) == {
        "legal_entity_decree": [str(MESSAGES["legal_entity_decree"])]
    }
    clean_applicant({**values, "legal_entity_decree": "AHU-0012345.AH.01.04"})


def test_a_community_group_applies_through_its_attorney():
    values = person(applicant_type=ApplicantType.COMMUNITY_GROUP, nik="")
    assert errors_of(values) == {
        "representative_name": [str(MESSAGES["representative_name"])]
    }
    clean_applicant({**values, "representative_name": "Siti Aminah"})


def test_the_group_attorney_rule_can_be_left_out():
    values = person(applicant_type=ApplicantType.COMMUNITY_GROUP, nik="")
    values.update(identity_document=SimpleUploadedFile("ktp.pdf", PDF))
    values["power_of_attorney"] = None
    assert clean_applicant(values, documents=True, group_attorney=False)
    assert set(errors_of(values, documents=True)) == {
        "representative_name",
        "power_of_attorney",
    }


def test_a_phone_or_an_email_is_needed():
    assert errors_of(person(email="")) == {"email": [str(MESSAGES["contact"])]}
    assert clean_applicant(person(email="", phone="081234567890"))["phone"]


def test_a_wrong_phone_is_its_own_error_not_a_missing_contact():
    errors = errors_of(person(email="", phone="12", representative_phone="x"))
    assert set(errors) == {"phone", "representative_phone"}


def test_documents_the_public_forms_ask_for():
    values = person(identity_document=None, power_of_attorney=None)
    clean_applicant(values)  # the officers' intake and the API do not ask
    assert errors_of(values, documents=True) == {
        "identity_document": [str(MESSAGES["identity_document"])]
    }
    upload = SimpleUploadedFile("ktp.pdf", PDF)
    represented = {**values, "identity_document": upload, "representative_name": "S"}
    assert errors_of(represented, documents=True) == {
        "power_of_attorney": [str(MESSAGES["power_of_attorney"])]
    }


def test_every_message_is_translated():
    with override("id"):
        translated = {key: str(message) for key, message in REPORTER_MESSAGES.items()}
    with override("en"):
        english = {key: str(message) for key, message in REPORTER_MESSAGES.items()}
    assert all(translated[key] != english[key] for key in english)


# The complaint variant.


def test_an_identified_reporter_needs_a_name_and_a_contact():
    with pytest.raises(ValidationError) as caught:
        clean_reporter(is_anonymous=False, name="", nik="", phone="", email="")
    assert caught.value.message_dict == {
        "reporter_name": [str(REPORTER_MESSAGES["name"])],
        "reporter_email": [str(MESSAGES["contact"])],
    }


def test_a_reporter_nik_is_optional_but_checked():
    base = {"is_anonymous": False, "name": "Ani", "phone": "", "email": "a@b.id"}
    assert clean_reporter(**base, nik="")["nik"] == ""
    with pytest.raises(ValidationError) as caught:
        clean_reporter(**base, nik="99")
    assert set(caught.value.message_dict) == {"reporter_nik"}


def test_an_anonymous_reporter_gives_nothing():
    blank = {"name": "", "nik": "", "phone": "", "email": ""}
    assert clean_reporter(is_anonymous=True, **blank) == blank
    with pytest.raises(ValidationError) as caught:
        clean_reporter(is_anonymous=True, **{**blank, "phone": "0812"})
    assert caught.value.message_dict == {
        "is_anonymous": [str(REPORTER_MESSAGES["anonymous"])]
    }


def test_the_public_complaint_form_drops_identity_when_anonymous():
    form = ComplaintForm(
        {
            "form_token": "t",
            "identity": ComplaintForm.ANONYMOUS,
            "is_confidential": "on",
            "reporter_name": "Ani",
            "reporter_phone": "0812 3456 7890",
            "classification": "complaint",
            "title": "Jalan rusak",
            "description": "Lubang besar di jalan.",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["reporter_name"] == ""
    assert form.cleaned_data["is_confidential"] is False


# The models.


@pytest.mark.django_db
def test_the_model_runs_the_rules_but_leaves_files_to_the_upload():
    info_request = InformationRequestFactory.build(
        nik="", applicant_type=ApplicantType.LEGAL_ENTITY, phone="", email=""
    )
    with pytest.raises(ValidationError) as caught:
        info_request.full_clean(exclude=["registration_number"])
    errors = caught.value.message_dict
    assert errors["legal_entity_decree"] == [str(MESSAGES["legal_entity_decree"])]
    assert errors["email"] == [str(MESSAGES["contact"])]
    assert "identity_document" not in errors


@pytest.mark.django_db
def test_an_objection_about_a_request_keeps_the_requests_identity():
    info_request = InformationRequestFactory(
        applicant_type=ApplicantType.COMMUNITY_GROUP, representative_name="Siti"
    )
    objection = Objection(request=info_request, name="Kelompok Tani", phone="+62812")
    assert objection.applicant_errors() == {}
    objection.request = None
    assert set(objection.applicant_errors()) == {"nik"}
    # A group may object without an attorney (the request's rule, not asked here).
    objection.applicant_type = ApplicantType.COMMUNITY_GROUP
    assert objection.applicant_errors() == {}
    assert "legal_entity_decree" not in Objection.applicant_field_names()


@pytest.mark.django_db
def test_the_database_keeps_a_contact():
    with pytest.raises(IntegrityError), transaction.atomic():
        InformationRequestFactory(phone="", email="")


def test_personal_data_reads_the_one_list():
    assert RULES["info_requests.informationrequest"].fields == PERSONAL_FIELDS
    assert RULES["objections.objection"].fields == PERSONAL_FIELDS
    assert RULES["complaints.complaint"].fields == REPORTER_FIELDS


# The form mixin.


class IdentityForm(ApplicantFormMixin, ApplicantFields):
    applicant_documents = True
    applicant_texts = {"applicant_type": {"label": "Saya sebagai"}}


def form_data(**changes):
    data = person(**{"phone": "0812-3456-7890", **changes})
    return {key: value for key, value in data.items() if value is not None}


def test_the_form_mixin_checks_and_normalises():
    form = IdentityForm(form_data(), {"identity_document": _pdf()})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "+6281234567890"
    assert form.fields["applicant_type"].label == "Saya sebagai"


def test_the_form_mixin_does_not_repeat_a_fields_own_error():
    form = IdentityForm(form_data(email="not-an-email", phone=""), {})
    assert not form.is_valid()
    assert form.errors["email"] == ["Enter a valid email address."]
    assert form.errors["identity_document"] == [str(MESSAGES["identity_document"])]
    invalid_nik = IdentityForm(form_data(nik="6408013203850001"), {})
    assert not invalid_nik.is_valid()
    assert invalid_nik.errors["nik"] == [
        "Digits 7 to 12 of the NIK are not a valid date of birth."
    ]


def test_a_form_can_leave_out_an_identity_field():
    assert "legal_entity_decree" not in PeriodicObjectionForm().fields
    assert str(PeriodicObjectionForm().fields["applicant_type"].label) == "I object as"


@pytest.mark.django_db
def test_the_intake_model_form_gets_the_rules_from_the_model_once():
    form = OfficerIntakeForm(
        {
            **form_data(nik=""),
            "channel": "walk_in",
            "received_at": (timezone.now() - dt.timedelta(hours=1)).strftime(
                "%Y-%m-%d %H:%M:%S"
            ),
            "information_requested": "RKA 2026",
            "purpose": "Penelitian",
            "access_method": "view",
        }
    )
    assert not form.is_valid()
    assert form.errors["nik"] == [str(MESSAGES["nik"])]


def _pdf():
    return SimpleUploadedFile("ktp.pdf", PDF, content_type="application/pdf")


# The serializer mixin.


def test_the_serializer_mixin_requires_what_a_kind_needs():
    fields = RequestSubmitSerializer().fields
    assert all(fields[name].required for name in ("applicant_type", "name", "address"))
    objection_fields = ObjectionSubmitSerializer().fields
    assert not objection_fields["name"].required
    assert "legal_entity_decree" not in objection_fields


@pytest.mark.django_db
def test_the_serializer_mixin_checks_fields_with_the_forms_messages():
    serializer = ObjectionSubmitSerializer(
        data={"grounds": ["b"], "reason": "x", "nik": "12", "phone": "0812 3456 7890"}
    )
    assert not serializer.is_valid()
    assert serializer.errors["nik"] == [
        "The NIK must be exactly 16 digits (as printed on the KTP)."
    ]
    serializer = ObjectionSubmitSerializer(
        data={"grounds": ["b"], "reason": "x", "phone": "0812 3456 7890"}
    )
    assert serializer.is_valid(), serializer.errors
    assert serializer.validated_data["phone"] == "+6281234567890"
