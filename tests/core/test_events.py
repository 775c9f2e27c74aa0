"""The case event log: texts rendered when read, in the reader's language."""

import datetime as dt

import pytest

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from apps.core.events import LABEL, serialize
from apps.core.intake import Channel, Language, applicant_language
from apps.core.models import EventKind, StatusChange
from apps.core.workflow import record_event, record_transition
from apps.info_requests.letters import status_url
from apps.info_requests.models import WrittenNotice
from apps.info_requests.services import information_request_submit
from tests.db_constraints import covers, violates


def test_serialize_keeps_choices_as_references_and_dates_as_iso():
    stored = serialize(
        {
            "channel": Channel.WEB,
            "on": dt.date(2026, 3, 16),
            "letters": ["a", "b"],
            "count": 3,
            "gone": None,
            "name": "Dinas Kesehatan",
        }
    )
    assert stored == {
        "channel": {"choice": "apps.core.intake:Channel", "value": "web"},
        "on": "2026-03-16",
        "letters": ["a", "b"],
        "count": 3,
        "gone": None,
        "name": "Dinas Kesehatan",
    }


@pytest.mark.django_db
def test_text_is_rendered_in_the_language_of_the_reader(units):
    with translation.override("id"):  # written by an Indonesian-speaking officer
        event = record_transition(
            units["dinkes"],
            from_status="",
            to_status="received",
            message="Received via %(channel)s.",
            data={"channel": Channel.WEB},
        )
    event = StatusChange.objects.get(pk=event.pk)
    with translation.override("en"):
        assert event.text == "Received via Website."
    with translation.override("id"):
        assert event.text == "Diterima melalui Situs web."


@pytest.mark.django_db
def test_label_events_and_the_officers_note(units):
    event = record_event(
        units["dinkes"],
        kind=EventKind.OUTCOME,
        message=LABEL,
        data={"label": WrittenNotice.Decision.GRANTED},
        note="Dikirim lewat e-mail.",
    )
    with translation.override("en"):
        assert event.text == (
            f"{WrittenNotice.Decision.GRANTED.label} Dikirim lewat e-mail."
        )
    assert event.kind == "outcome"


@pytest.mark.django_db
def test_a_damaged_row_still_shows_its_message(units):
    event = record_event(
        units["dinkes"], kind=EventKind.NOTE, message="Hearing on %(date)s."
    )
    assert event.text == "Hearing on %(date)s."
    event.data = {"date": {"choice": "apps.nowhere:Gone", "value": "x"}}
    assert event.text.endswith("x.")


@pytest.mark.django_db
@covers("core_statuschange_kind_valid")
def test_the_kind_is_constrained_in_the_database(units):
    with violates("core_statuschange_kind_valid"):
        StatusChange.objects.create(
            content_type=ContentType.objects.get_for_model(units["dinkes"]),
            object_id=units["dinkes"].pk,
            kind="gossip",
            to_status="x",
            created_at=dt.datetime(2026, 3, 16, tzinfo=dt.UTC),
        )


@pytest.mark.django_db
def test_public_timeline_speaks_the_readers_language(client):
    with translation.override("id"):
        request = information_request_submit(
            applicant_type="individual",
            name="Budi Santoso",
            nik="6408011203850001",
            address="Jl. Yos Sudarso No. 1, Sangatta",
            email="budi@example.com",
            information_requested="Data kasus DBD per kelurahan 2025",
            purpose="Penelitian",
            access_method="view",
        )
    path = status_url(request).replace(settings.SITE_URL, "")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(path).content.decode()
    assert "Received via Website." in html
    assert "Diterima melalui" not in html
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    assert "Diterima melalui Situs web." in client.get(path).content.decode()


@pytest.mark.parametrize(
    ("page_language", "channel", "expected"),
    [("en", "web", "en"), ("id", "web", "id"), ("en", "walk_in", "id")],
)
def test_an_applicant_hears_in_the_language_of_the_page_they_used(
    page_language, channel, expected
):
    with translation.override(page_language):
        assert applicant_language(channel) == expected


def test_the_applicant_languages_are_the_sites():
    assert [code for code, _name in settings.LANGUAGES] == Language.values


@pytest.mark.django_db
def test_receipt_mail_speaks_the_applicants_language_and_the_pdf_stays_official(
    django_capture_on_commit_callbacks,
):
    from django.core import mail

    data = {
        "applicant_type": "individual",
        "name": "Budi Santoso",
        "nik": "6408011203850001",
        "address": "Jl. Yos Sudarso No. 1, Sangatta",
        "email": "budi@example.com",
        "information_requested": "Data kasus DBD per kelurahan 2025",
        "purpose": "Penelitian",
        "access_method": "view",
    }
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        english = information_request_submit(**data)
    with django_capture_on_commit_callbacks(execute=True):
        walk_in = information_request_submit(**data, channel="walk_in")
    assert (english.language, walk_in.language) == ("en", "id")
    subjects = [message.subject for message in mail.outbox]
    assert subjects == [
        f"Receipt of your information request {english.registration_number}",
        f"Tanda bukti permohonan informasi {walk_in.registration_number}",
    ]


@pytest.mark.django_db
@covers("inforeq_language_valid", "complaint_language_valid")
@pytest.mark.parametrize("factory", ["request", "complaint"])
def test_the_applicants_language_is_constrained_in_the_database(factory):
    from tests.complaints.factories import ComplaintFactory
    from tests.info_requests.factories import InformationRequestFactory

    case = {"request": InformationRequestFactory, "complaint": ComplaintFactory}[
        factory
    ]()
    assert case.language == "id"
    constraint = {"request": "inforeq", "complaint": "complaint"}[factory]
    with violates(f"{constraint}_language_valid"):
        type(case).objects.filter(pk=case.pk).update(language="fr")
