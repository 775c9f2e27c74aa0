"""The inbox on the admin home: new conversations and unreadable payloads."""

from django.urls import reverse
from django.utils.translation import gettext as _

from apps.channels.models import (
    Conversation,
    ConversationStatus,
    InboundPayload,
    PayloadStatus,
)

SHOWN = 5


def panels(request) -> list[dict]:
    if not request.user.has_perm("channels.view_conversation"):
        return []
    changelist = reverse("admin:channels_conversation_changelist")
    new = Conversation.objects.filter(status=ConversationStatus.NEW)
    failed = InboundPayload.objects.filter(status=PayloadStatus.FAILED)
    items = new.order_by("-last_message_at", "-pk")[:SHOWN]
    return [
        {
            "title": _("Inbox"),
            "rows": [
                {
                    "label": _("New conversations"),
                    "count": new.count(),
                    "url": f"{changelist}?status__exact=new",
                    "alert": False,
                    "items": [
                        {
                            "label": str(conversation),
                            "url": reverse(
                                "admin:channels_conversation_change",
                                args=[conversation.pk],
                            ),
                        }
                        for conversation in items
                    ],
                },
                {
                    "label": _("Payloads that could not be read"),
                    "count": failed.count(),
                    "url": reverse("admin:channels_inboundpayload_changelist")
                    + "?status__exact=failed",
                    "alert": True,
                    "items": [],
                },
            ],
        }
    ]
