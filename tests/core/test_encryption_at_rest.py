"""Files holding personal data or letters are encrypted at rest; files already on
disk are re-written encrypted by the data migrations (reversibly) and by
`manage.py encrypt_private_files`."""

import pytest

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from apps.core.encrypt_files import is_encrypted
from apps.core.files import EncryptedPrivateStorage

ENCRYPTED = {
    ("channels.Attachment", "file"),
    ("complaints.ComplaintAttachment", "file"),
    ("info_requests.InformationRequest", "identity_document"),
    ("info_requests.InformationRequest", "power_of_attorney"),
    ("info_requests.RequestDocument", "file"),
    ("info_requests.WrittenNotice", "letter"),
    ("objections.Objection", "identity_document"),
    ("objections.Objection", "power_of_attorney"),
    ("objections.Objection", "answer_letter"),
    ("registers.ExemptInformation", "minutes_file"),
    ("letters.IssuedDocument", "file"),
    ("disclosure.Redaction", "removed"),
}
# Public by nature: published register documents (and their OCR'd copy), the
# body's logo, the redacted documents of the disclosure log and the published
# annual reports' XLSX.
PUBLIC = {
    ("registers.Document", "file"),
    ("core.BodyProfile", "logo"),
    ("disclosure.OcrJob", "searchable_pdf"),
    ("disclosure.PublishedDocument", "file"),
    ("reports.AnnualReportVersion", "xlsx"),
}


def test_every_file_field_is_encrypted_unless_public():
    encrypted, plain = set(), set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                key = (model._meta.label, field.name)
                if isinstance(field.storage, EncryptedPrivateStorage):
                    encrypted.add(key)
                else:
                    plain.add(key)
    assert encrypted == ENCRYPTED
    assert plain == PUBLIC


@pytest.mark.django_db
def test_command_encrypts_plain_files_and_is_idempotent(settings, units):
    from apps.channels.models import Attachment, Conversation, Message

    now = timezone.now()
    conversation = Conversation.objects.create(
        channel="whatsapp",
        sender_id="6281254001234",
        first_message_at=now,
        last_message_at=now,
    )
    message = Message.objects.create(
        conversation=conversation,
        channel="whatsapp",
        direction="in",
        sent_at=now,
        delivery_status="received",
    )
    # A file left plain by an older version (written straight to disk).
    folder = settings.PRIVATE_MEDIA_ROOT / "channels" / "2026" / "01"
    folder.mkdir(parents=True)
    (folder / "ktp.png").write_bytes(b"\x89PNG plain KTP photo")
    attachment = Attachment.objects.create(
        message=message, file="2026/01/ktp.png", provider_ref="media-1"
    )
    stored = Attachment.objects.create(message=message, provider_ref="media-2")
    stored.file.save("new.png", ContentFile(b"\x89PNG new photo"))

    call_command("encrypt_private_files", stdout=open("/dev/null", "w"))  # noqa: SIM115
    on_disk = (folder / "ktp.png").read_bytes()
    assert b"KTP" not in on_disk
    assert is_encrypted(on_disk)
    with attachment.file.open("rb") as handle:
        assert handle.read() == b"\x89PNG plain KTP photo"
    # Running again changes nothing (the new file was encrypted when saved).
    before = {p: p.read_bytes() for p in folder.parent.rglob("*.png")}
    call_command("encrypt_private_files", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert {p: p.read_bytes() for p in folder.parent.rglob("*.png")} == before
    with stored.file.open("rb") as handle:
        assert handle.read() == b"\x89PNG new photo"


@pytest.mark.django_db(transaction=True)
def test_migration_encrypts_existing_attachments_and_reverses(settings):
    executor = MigrationExecutor(connection)
    old = [("channels", "0001_initial")]
    new = [("channels", "0002_encrypt_attachments_at_rest")]
    executor.migrate(old)
    state = executor.loader.project_state(old).apps
    now = timezone.now()
    conversation = state.get_model("channels", "Conversation").objects.create(
        channel="telegram",
        sender_id="42",
        status="new",
        first_message_at=now,
        last_message_at=now,
        created_at=now,
        updated_at=now,
    )
    message = state.get_model("channels", "Message").objects.create(
        conversation=conversation,
        channel="telegram",
        direction="in",
        sent_at=now,
        delivery_status="received",
    )
    folder = settings.PRIVATE_MEDIA_ROOT / "channels" / "2026" / "02"
    folder.mkdir(parents=True)
    path = folder / "telegram.jpg"
    path.write_bytes(b"\xff\xd8\xff plain photo of a KTP")
    state.get_model("channels", "Attachment").objects.create(
        message=message, file="2026/02/telegram.jpg", provider_ref="file-1"
    )
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(new)
        assert is_encrypted(path.read_bytes())
        from apps.channels.models import Attachment

        with Attachment.objects.get().file.open("rb") as handle:
            assert handle.read() == b"\xff\xd8\xff plain photo of a KTP"

        executor = MigrationExecutor(connection)
        executor.migrate(old)
        assert path.read_bytes() == b"\xff\xd8\xff plain photo of a KTP"
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
