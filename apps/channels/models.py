"""The omnichannel inbox: conversations with a sender on one channel, their
messages (in and out) with private attachments, and the raw webhook payloads."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.files import EncryptedPrivateStorage
from apps.core.models import TimeStampedModel


class ChannelKind(models.TextChoices):
    WHATSAPP = "whatsapp", _("WhatsApp")
    INSTAGRAM = "instagram", _("Instagram")
    FACEBOOK = "facebook", _("Facebook Messenger")
    TELEGRAM = "telegram", _("Telegram")
    EMAIL = "email", _("E-mail")


class ConversationStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    CONVERTED = "converted", _("Converted into a case")
    CLOSED = "closed", _("Closed (not a case)")


OPEN_STATUSES = (ConversationStatus.NEW, ConversationStatus.IN_PROGRESS)


class ConversationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class Conversation(TimeStampedModel):
    channel = models.CharField(_("channel"), max_length=16, choices=ChannelKind)
    # WhatsApp number (wa_id), page-scoped id, Telegram chat id or e-mail address.
    sender_id = models.CharField(_("sender"), max_length=255)
    sender_name = models.CharField(_("sender's name"), max_length=255, blank=True)
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ConversationStatus,
        default=ConversationStatus.NEW,
    )
    first_message_at = models.DateTimeField(_("first message"))
    last_message_at = models.DateTimeField(_("last message"))
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    information_request = models.OneToOneField(
        "info_requests.InformationRequest",
        verbose_name=_("information request"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conversation",
    )
    complaint = models.OneToOneField(
        "complaints.Complaint",
        verbose_name=_("complaint"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conversation",
    )
    closed_note = models.TextField(_("reason for closing"), blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at", "-pk"]
        permissions = [
            ("reply_conversation", _("Can reply to a conversation")),
            ("convert_conversation", _("Can turn a conversation into a case")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(channel__in=ChannelKind.values),
                name="channels_conversation_channel_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ConversationStatus.values),
                name="channels_conversation_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status=ConversationStatus.CONVERTED)
                | Q(information_request__isnull=False)
                | Q(complaint__isnull=False),
                name="channels_conversation_converted_has_case",
            ),
        ]
        indexes = [
            models.Index(
                fields=["channel", "-last_message_at"], name="channels_conv_channel_idx"
            ),
            models.Index(
                fields=["status", "-last_message_at"], name="channels_conv_status_idx"
            ),
            models.Index(
                fields=["-last_message_at", "-id"], name="channels_conv_inbox_idx"
            ),
            models.Index(
                fields=["channel", "sender_id", "status"],
                name="channels_conv_sender_idx",
            ),
            models.Index(fields=["first_message_at"], name="channels_conv_first_idx"),
        ]

    def __str__(self):
        name = self.sender_name or self.sender_id
        return f"{self.get_channel_display()} · {name}"

    @property
    def case(self):
        return self.information_request or self.complaint


class Direction(models.TextChoices):
    IN = "in", _("Received")
    OUT = "out", _("Sent")


class DeliveryStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    DELIVERED = "delivered", _("Delivered")
    READ = "read", _("Read")
    FAILED = "failed", _("Failed")
    NOT_SENT = "not_sent", _("Not sent (channel off)")


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation,
        verbose_name=_("conversation"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    channel = models.CharField(_("channel"), max_length=16, choices=ChannelKind)
    direction = models.CharField(_("direction"), max_length=3, choices=Direction)
    # text, image, document, ... or the provider's own type when we do not know it.
    message_type = models.CharField(_("type"), max_length=40, default="text")
    text = models.TextField(_("text"), blank=True)
    # The provider's id (wamid, mid, chat:message id, Message-ID): dedupes resends.
    provider_message_id = models.CharField(
        _("provider's message id"), max_length=255, blank=True
    )
    sent_at = models.DateTimeField(_("time"))
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    delivery_status = models.CharField(
        _("delivery"), max_length=16, choices=DeliveryStatus
    )
    delivery_error = models.TextField(_("delivery error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    raw = models.JSONField(_("raw payload"), default=dict, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "provider_message_id"],
                condition=~Q(provider_message_id=""),
                name="channels_message_provider_id_unique",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=ChannelKind.values),
                name="channels_message_channel_valid",
            ),
            models.CheckConstraint(
                condition=Q(direction__in=Direction.values),
                name="channels_message_direction_valid",
            ),
            models.CheckConstraint(
                condition=Q(delivery_status__in=DeliveryStatus.values),
                name="channels_message_delivery_valid",
            ),
        ]
        indexes = [
            models.Index(
                fields=["conversation", "sent_at"], name="channels_msg_thread_idx"
            ),
            models.Index(
                fields=["direction", "delivery_status"],
                name="channels_msg_delivery_idx",
            ),
        ]

    def __str__(self):
        return f"{self.get_direction_display()} {self.message_type}: {self.text[:40]}"


# Attachments may be KTP photos: encrypted at rest like identity scans.
attachment_storage = EncryptedPrivateStorage("channels")


class Attachment(models.Model):
    message = models.ForeignKey(
        Message,
        verbose_name=_("message"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(
        _("file"), storage=attachment_storage, upload_to="%Y/%m/", blank=True
    )
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("content type"), max_length=120, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    # Where the provider keeps it (media id, file id, URL) when the download failed.
    provider_ref = models.CharField(_("provider's reference"), max_length=1000)
    download_error = models.TextField(_("download error"), blank=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.filename or self.provider_ref


class PayloadStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    PROCESSED = "processed", _("Processed")
    FAILED = "failed", _("Could not be read")


class InboundPayload(models.Model):
    """Exactly what a provider sent, kept before anything is parsed: nothing is lost."""

    channel = models.CharField(_("channel"), max_length=16, choices=ChannelKind)
    body = models.BinaryField(_("raw body"))
    received_at = models.DateTimeField(_("received at"), db_index=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=PayloadStatus,
        default=PayloadStatus.PENDING,
    )
    error = models.TextField(_("error"), blank=True)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    message_count = models.PositiveIntegerField(_("messages"), default=0)

    class Meta:
        verbose_name = _("raw inbound payload")
        verbose_name_plural = _("raw inbound payloads")
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(channel__in=ChannelKind.values),
                name="channels_payload_channel_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=PayloadStatus.values),
                name="channels_payload_status_valid",
            ),
        ]
        indexes = [
            models.Index(
                fields=["status", "channel"], name="channels_payload_status_idx"
            )
        ]

    def __str__(self):
        return f"{self.get_channel_display()} {self.received_at:%Y-%m-%d %H:%M}"

    def body_text(self, limit: int = 20000) -> str:
        return bytes(self.body[:limit]).decode("utf-8", errors="replace")
