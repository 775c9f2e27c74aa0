"""One adapter per channel behind one small interface (see base.py)."""

from apps.channels.adapters.base import Adapter, Inbound, SendResult, StatusUpdate
from apps.channels.models import ChannelKind


def get_adapter(channel: str) -> Adapter:
    from apps.channels.adapters.email import EmailAdapter
    from apps.channels.adapters.meta import FacebookAdapter, InstagramAdapter
    from apps.channels.adapters.telegram import TelegramAdapter
    from apps.channels.adapters.whatsapp import WhatsAppAdapter

    return {
        ChannelKind.WHATSAPP: WhatsAppAdapter,
        ChannelKind.INSTAGRAM: InstagramAdapter,
        ChannelKind.FACEBOOK: FacebookAdapter,
        ChannelKind.TELEGRAM: TelegramAdapter,
        ChannelKind.EMAIL: EmailAdapter,
    }[channel]()


__all__ = ["Adapter", "Inbound", "SendResult", "StatusUpdate", "get_adapter"]
