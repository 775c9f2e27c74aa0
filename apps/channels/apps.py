from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.channels"
    label = "channels"
    verbose_name = _("Inbox (WhatsApp, social media, e-mail)")

    def ready(self):
        from apps.channels import services
        from apps.core import notify

        notify.register_applicant_reach(services.conversation_recipients)
        notify.register_sender(
            services.VIA_CONVERSATION, services.conversation_send_notice
        )
