"""Read one e-mail on stdin into the inbox (an MTA pipe alias calls this)."""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from apps.channels.email_intake import email_receive


class Command(BaseCommand):
    help = "Read one RFC 822 e-mail on stdin into the PPID inbox."
    # call_command("receive_email", stdin=io.BytesIO(...)) in tests.
    stealth_options = ("stdin",)

    def handle(self, *args, **options):
        stream = options.get("stdin") or sys.stdin.buffer
        raw = stream.read()
        try:
            payload = email_receive(raw=raw)
        except ValidationError as error:
            # A non-zero exit makes the MTA bounce the mail back to its sender.
            raise CommandError(" ".join(error.messages)) from None
        payload.refresh_from_db()
        self.stdout.write(
            f"Stored e-mail payload {payload.pk}: {payload.get_status_display()}."
        )
