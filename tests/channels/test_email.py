import io
import socketserver
import threading
from email.message import EmailMessage

import pytest

from django.core.management import CommandError, call_command

from apps.channels.models import Attachment, Conversation, InboundPayload, Message

pytestmark = pytest.mark.django_db


def rfc822(
    *,
    message_id="<m1@warga.example>",
    subject="Permohonan data APBD",
    text="Mohon salinan APBD 2025.",
    sender="Rina Warga <rina@warga.example>",
    in_reply_to="",
    references="",
    attachment: bytes | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "ppid@kutaitimurkab.go.id"
    message["Subject"] = subject
    message["Date"] = "Thu, 01 Jan 2026 09:00:00 +0800"
    message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    if references:
        message["References"] = references
    message.set_content(text)
    if attachment is not None:
        message.add_attachment(
            attachment, maintype="application", subtype="pdf", filename="ktp.pdf"
        )
    return message.as_bytes()


@pytest.fixture
def receive(provider, django_capture_on_commit_callbacks):
    def run(raw: bytes):
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("receive_email", stdin=io.BytesIO(raw), stdout=out)
        return out.getvalue()

    return run


def test_receive_email_keeps_text_sender_and_attachment(receive, sample_pdf):
    output = receive(rfc822(attachment=sample_pdf))
    assert "Stored e-mail payload" in output
    conversation = Conversation.objects.get()
    assert conversation.channel == "email"
    assert conversation.sender_id == "rina@warga.example"
    assert conversation.sender_name == "Rina Warga"
    assert conversation.subject == "Permohonan data APBD"
    message = conversation.messages.get()
    assert message.text == "Mohon salinan APBD 2025."
    assert message.provider_message_id == "<m1@warga.example>"
    attachment = Attachment.objects.get()
    assert attachment.filename == "ktp.pdf"
    assert attachment.content_type == "application/pdf"
    with attachment.file.open("rb") as handle:
        assert handle.read() == sample_pdf


def test_replies_thread_by_headers_and_resends_are_ignored(receive):
    receive(rfc822())
    receive(rfc822())  # the MTA delivered it twice
    receive(
        rfc822(
            message_id="<m2@warga.example>",
            subject="Re: Permohonan data APBD",
            text="Untuk penelitian.",
            in_reply_to="<out1@kutaitimurkab.go.id>",
            references="<m1@warga.example> <out1@kutaitimurkab.go.id>",
        )
    )
    receive(rfc822(message_id="<m3@warga.example>", subject="Hal lain"))
    first, other = Conversation.objects.order_by("pk")
    assert list(first.messages.values_list("provider_message_id", flat=True)) == [
        "<m1@warga.example>",
        "<m2@warga.example>",
    ]
    assert other.messages.get().provider_message_id == "<m3@warga.example>"
    assert Message.objects.count() == 3


def test_oversized_or_empty_email_is_refused(receive, settings):
    settings.CHANNELS_MAX_EMAIL_KB = 1
    with pytest.raises(CommandError, match="CHANNELS_MAX_EMAIL_KB"):
        receive(rfc822(text="x" * 5000))
    with pytest.raises(CommandError, match="kosong|empty"):
        receive(b"  ")
    assert not InboundPayload.objects.exists()


def test_unreadable_email_is_kept_raw(receive):
    receive(b"This is not an e-mail at all\r\n")
    payload = InboundPayload.objects.get()
    assert payload.status == "failed"
    assert "no sender" in payload.error
    assert payload.body_text().startswith("This is not")


class FakeIMAP(socketserver.StreamRequestHandler):
    """The few IMAP4rev1 commands imaplib sends to poll a mailbox."""

    def write(self, line: bytes):
        self.wfile.write(line + b"\r\n")

    def handle(self):
        box = self.server.mailbox
        self.write(b"* OK IMAP4rev1 fake ready")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            tag, command, *rest = line.decode().strip().split(" ")
            self.server.commands.append(" ".join([command, *rest]))
            command = command.upper()
            if command == "CAPABILITY":
                self.write(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN")
            elif command == "LOGIN":
                if [word.strip('"') for word in rest] != ["inbox", "secret"]:
                    self.write(f"{tag} NO bad login".encode())
                    continue
            elif command == "SELECT":
                self.write(f"* {len(box)} EXISTS".encode())
                self.write(b"* FLAGS (\\Seen)")
                self.write(f"{tag} OK [READ-WRITE] SELECT completed".encode())
                continue
            elif command == "UID" and rest[0].upper() == "SEARCH":
                unseen = [uid for uid, (_raw, seen) in box.items() if not seen]
                self.write(b"* SEARCH " + " ".join(map(str, unseen)).encode())
            elif command == "UID" and rest[0].upper() == "FETCH":
                uid = int(rest[1])
                raw = box[uid][0]
                self.wfile.write(
                    f"* {uid} FETCH (UID {uid} BODY[] {{{len(raw)}}}\r\n".encode()
                )
                self.wfile.write(raw + b")\r\n")
            elif command == "UID" and rest[0].upper() == "STORE":
                uid = int(rest[1])
                box[uid] = (box[uid][0], True)
                self.write(f"* {uid} FETCH (UID {uid} FLAGS (\\Seen))".encode())
            elif command == "LOGOUT":
                self.write(b"* BYE logging out")
                self.write(f"{tag} OK LOGOUT completed".encode())
                return
            self.write(f"{tag} OK {command} completed".encode())


@pytest.fixture
def imap_server(settings):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), FakeIMAP)
    server.daemon_threads = True
    server.mailbox = {}
    server.commands = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.IMAP_HOST = "127.0.0.1"
    settings.IMAP_PORT = server.server_address[1]
    settings.IMAP_USE_SSL = False
    settings.IMAP_USER = "inbox"
    settings.IMAP_PASSWORD = "secret"
    yield server
    server.shutdown()
    server.server_close()


def test_poll_imap_reads_unseen_mail_and_marks_it_read(
    provider, imap_server, sample_pdf, django_capture_on_commit_callbacks
):
    imap_server.mailbox = {
        1: (rfc822(attachment=sample_pdf), False),
        2: (rfc822(message_id="<old@warga.example>"), True),
        3: (
            rfc822(
                message_id="<m2@warga.example>",
                in_reply_to="<m1@warga.example>",
                text="Tambahan",
            ),
            False,
        ),
    }
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("poll_imap", stdout=out)
    assert "Stored 2 e-mail(s)" in out.getvalue()
    conversation = Conversation.objects.get()
    assert list(conversation.messages.values_list("text", flat=True)) == [
        "Mohon salinan APBD 2025.",
        "Tambahan",
    ]
    assert Attachment.objects.get().size == len(sample_pdf)
    assert all(seen for _raw, seen in imap_server.mailbox.values())
    assert not Message.objects.filter(
        provider_message_id="<old@warga.example>"
    ).exists()
    # A second poll finds nothing new.
    out = io.StringIO()
    call_command("poll_imap", stdout=out)
    assert "Stored 0 e-mail(s)" in out.getvalue()


def test_poll_imap_reports_a_bad_login(provider, imap_server, settings):
    settings.IMAP_PASSWORD = "wrong"
    with pytest.raises(CommandError, match="IMAP"):
        call_command("poll_imap", stdout=io.StringIO())


def test_poll_imap_without_a_host_is_refused(settings):
    settings.IMAP_HOST = ""
    with pytest.raises(CommandError, match="IMAP_HOST"):
        call_command("poll_imap")
