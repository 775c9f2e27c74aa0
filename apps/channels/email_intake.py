"""E-mail into the inbox: one RFC 822 message (MTA pipe or IMAP) stored raw, then
parsed like any webhook payload."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from apps.channels import services
from apps.channels.models import ChannelKind, InboundPayload


def email_receive(*, raw: bytes) -> InboundPayload:
    limit = settings.CHANNELS_MAX_EMAIL_KB * 1024
    if len(raw) > limit:
        raise ValidationError(
            _("The e-mail is larger than %(kb)s KB (CHANNELS_MAX_EMAIL_KB).")
            % {"kb": settings.CHANNELS_MAX_EMAIL_KB}
        )
    if not raw.strip():
        raise ValidationError(_("The e-mail is empty."))
    return services.payload_store(channel=ChannelKind.EMAIL, body=raw)
