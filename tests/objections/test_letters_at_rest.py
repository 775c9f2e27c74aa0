"""Written notices and objection answers are encrypted at rest; the download views
serve them decrypted."""

import pytest

from django.urls import reverse

from apps.core.encrypt_files import is_encrypted
from tests.objections.conftest import at

pytestmark = pytest.mark.django_db


def on_disk(settings, fieldfile) -> bytes:
    return (settings.PRIVATE_MEDIA_ROOT / fieldfile.name).read_bytes()


def test_the_written_notice_is_encrypted_and_still_served(client, settings, refused):
    from apps.core.tracking import make_status_token
    from apps.info_requests.letters import TRACKING_KIND

    letter = refused.notice.letter
    raw = on_disk(settings, letter)
    assert not raw.startswith(b"%PDF")
    assert is_encrypted(raw)
    token = make_status_token(TRACKING_KIND, refused.registration_number)
    response = client.get(reverse("info_requests:notice", args=[token]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_objection_answer_is_encrypted(settings, atasan):
    from apps.objections import services
    from tests.objections.factories import ObjectionFactory

    done = services.objection_decide(
        objection=ObjectionFactory(),
        actor=atasan,
        outcome="affirmed",
        reasons="Uji konsekuensi tepat.",
        now=at(2026, 4, 1, 10),
    )
    raw = on_disk(settings, done.answer_letter)
    assert is_encrypted(raw)
    with done.answer_letter.open("rb") as handle:
        assert handle.read().startswith(b"%PDF")


ENCRYPTING_MIGRATIONS = [
    "apps.channels.migrations.0002_encrypt_attachments_at_rest",
    "apps.info_requests.migrations.0004_encrypt_letters_and_documents_at_rest",
    "apps.objections.migrations.0002_encrypt_answer_letters_at_rest",
    "apps.registers.migrations.0002_encrypt_exemption_minutes_at_rest",
]


def test_the_data_migrations_decrypt_and_encrypt_again(
    settings, refused, file_objection, atasan
):
    """Each migration's RunPython, run backwards then forwards on real letters."""
    import importlib

    from django.apps import apps
    from django.db import migrations

    from apps.objections import services

    done = services.objection_decide(
        objection=file_objection(refused),
        actor=atasan,
        outcome="affirmed",
        reasons="Uji konsekuensi tepat.",
        now=at(2026, 4, 1, 10),
    )
    letters = [refused.notice.letter, done.answer_letter]
    operations = [
        operation
        for name in ENCRYPTING_MIGRATIONS
        for operation in importlib.import_module(name).Migration.operations
        if isinstance(operation, migrations.RunPython)
    ]
    assert len(operations) == 5
    for operation in operations:
        operation.reverse_code(apps, None)
    assert all(on_disk(settings, f).startswith(b"%PDF") for f in letters)
    for operation in operations:
        operation.code(apps, None)
    assert all(is_encrypted(on_disk(settings, f)) for f in letters)
    with done.answer_letter.open("rb") as handle:
        assert handle.read().startswith(b"%PDF")
