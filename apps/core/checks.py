"""Deployment checks of the portal's own settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_officer_login(app_configs, **kwargs):
    if settings.OFFICER_2FA_REQUIRED:
        return []
    return [
        Warning(
            "OFFICER_2FA_REQUIRED is off: officers can sign in to the back office "
            "with a password alone.",
            hint="Set OFFICER_2FA_REQUIRED=1 (README, production settings).",
            id="ppid.W001",
        )
    ]


@register(Tags.security, deploy=True)
def check_https_behind_proxy(app_configs, **kwargs):
    if (
        settings.SECURE_SSL_REDIRECT
        and settings.TRUSTED_PROXY_COUNT > 0
        and not settings.SECURE_PROXY_SSL_HEADER
    ):
        return [
            Warning(
                "SECURE_SSL_REDIRECT is on behind a proxy that terminates TLS, but "
                "the portal does not trust X-Forwarded-Proto: every request would "
                "be redirected again.",
                hint="Set BEHIND_TLS_PROXY=1 (the proxy must set X-Forwarded-Proto).",
                id="ppid.W002",
            )
        ]
    return []
