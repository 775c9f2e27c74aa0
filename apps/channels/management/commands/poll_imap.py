"""Fetch unread e-mail from the IMAP mailbox into the inbox (run it from cron)."""

import contextlib
import imaplib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from apps.channels.email_intake import email_receive


class Command(BaseCommand):
    help = (
        "Fetch unread messages from IMAP_HOST into the PPID inbox and mark them read."
    )

    def handle(self, *args, **options):
        if not settings.IMAP_HOST:
            raise CommandError("IMAP_HOST is not set.")
        client_class = imaplib.IMAP4_SSL if settings.IMAP_USE_SSL else imaplib.IMAP4
        try:
            client = client_class(
                settings.IMAP_HOST,
                settings.IMAP_PORT,
                timeout=settings.CHANNELS_HTTP_TIMEOUT,
            )
        except OSError as error:
            raise CommandError(f"Cannot reach {settings.IMAP_HOST}: {error}") from None
        stored = refused = 0
        try:
            client.login(settings.IMAP_USER, settings.IMAP_PASSWORD)
            status, _data = client.select(settings.IMAP_FOLDER)
            if status != "OK":
                raise CommandError(f"Cannot open folder {settings.IMAP_FOLDER}.")
            _status, data = client.uid("SEARCH", None, "UNSEEN")
            for uid in (data[0] or b"").split():
                _status, parts = client.uid("FETCH", uid, "(BODY.PEEK[])")
                raw = next((part[1] for part in parts if isinstance(part, tuple)), None)
                if raw is None:
                    continue
                try:
                    email_receive(raw=raw)
                    stored += 1
                except ValidationError as error:
                    refused += 1
                    self.stderr.write(
                        f"Message {uid.decode()}: {' '.join(error.messages)}"
                    )
                # Stored (or refused for good): mark it read so it is not fetched again.
                client.uid("STORE", uid, "+FLAGS", "(\\Seen)")
            client.close()
        except imaplib.IMAP4.error as error:
            raise CommandError(f"IMAP: {error}") from None
        finally:
            with contextlib.suppress(imaplib.IMAP4.error, OSError):
                client.logout()
        self.stdout.write(f"Stored {stored} e-mail(s), refused {refused}.")
