from rest_framework.throttling import AnonRateThrottle


class PublicSubmitThrottle(AnonRateThrottle):
    """Anonymous submissions (requests, objections, complaints) per client IP."""

    scope = "public_submit"
