from rest_framework.throttling import AnonRateThrottle

from django.conf import settings

from apps.core.client import client_bucket


class PublicSubmitThrottle(AnonRateThrottle):
    """Anonymous submissions (requests, objections, complaints) per client address.

    The address is the site's one rule (apps.core.client, TRUSTED_PROXY_COUNT),
    not DRF's own reading of X-Forwarded-For.
    """

    scope = "public_submit"

    def get_rate(self):
        return settings.PUBLIC_FORM_RATE

    def get_ident(self, request):
        return client_bucket(request)
