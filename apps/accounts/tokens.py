"""API keys kept as digests: made and shown once, checked by digest.

Keys are 40 random hex characters (160 bits, DRF's format), so one SHA-256 is
enough to make a stolen table useless and lets a request find its key by an
indexed lookup (a slow password hash is for guessable secrets).
"""

from __future__ import annotations

import hashlib
import secrets

from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import ApiToken

PREFIX_LENGTH = 8


def api_token_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


@transaction.atomic
def api_token_issue(*, user) -> str:
    """Make `user`'s API key (replacing any earlier one) and return it: the only
    time it exists outside the client."""
    key = secrets.token_hex(20)
    ApiToken.objects.filter(user=user).delete()
    ApiToken.objects.create(
        user=user, digest=api_token_digest(key), prefix=key[:PREFIX_LENGTH]
    )
    return key


class HashedTokenAuthentication(TokenAuthentication):
    """DRF's `Authorization: Token <key>`, looked up by the key's digest."""

    model = ApiToken

    def authenticate_credentials(self, key):
        try:
            token = ApiToken.objects.select_related("user").get(
                digest=api_token_digest(key)
            )
        except ApiToken.DoesNotExist:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        return token.user, token
