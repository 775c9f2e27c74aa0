"""Probes for load balancers and monitoring: /livez, /healthz, /metrics."""

import hmac
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from apps.core import observability
from apps.core.client import client_ip

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def livez(request):
    """200 while this process answers at all (no database, no cache): for the
    service manager or an orchestrator deciding whether to restart it."""
    return JsonResponse({"status": "ok"})


def _check_database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def _check_cache() -> bool:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", 10)
        ok = cache.get(key) == "1"
        cache.delete(key)
    except Exception:  # any client error means the cache is not usable
        logger.exception("healthz: the cache does not answer")
        return False
    return ok


def _check_storage() -> bool:
    from apps.core.files import private_storage

    try:
        private_storage.exists("healthz-probe")
    except Exception:  # a missing folder, a refused bucket, a network error
        logger.exception("healthz: the file storage does not answer")
        return False
    return True


@never_cache
@require_GET
def healthz(request):
    """Readiness: 503 when the database, the cache or the file storage fails (take
    this node out of the load balancer). A queue whose oldest task waited longer
    than HEALTHZ_MAX_QUEUE_LAG_SECONDS makes the status "degraded" (the workers
    are behind or stopped) but keeps 200: the web node itself can serve."""
    checks = {"database": _check_database()}
    checks["cache"] = _check_cache()
    checks["storage"] = _check_storage()
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    if not checks["database"]:
        body["status"] = "error"
        body["queue"] = "unknown"
        return JsonResponse(body, status=503)
    waiting, oldest = observability.queue_state()
    lagging = oldest > settings.HEALTHZ_MAX_QUEUE_LAG_SECONDS
    body["queue"] = "lagging" if lagging else "ok"
    body["queue_length"] = waiting
    body["queue_lag_seconds"] = round(oldest, 1)
    if not all(checks.values()):
        body["status"] = "error"
        return JsonResponse(body, status=503)
    body["status"] = "degraded" if lagging else "ok"
    return JsonResponse(body)


def _metrics_allowed(request) -> bool:
    token = settings.METRICS_TOKEN
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if token and header.startswith("Bearer "):
        return hmac.compare_digest(header[7:].encode(), token.encode())
    return client_ip(request) in settings.METRICS_ALLOWED_IPS


@never_cache
@require_GET
def metrics(request):
    """Prometheus metrics, for METRICS_TOKEN (Authorization: Bearer ...) or the
    addresses in METRICS_ALLOWED_IPS; 404 for anyone else."""
    if not _metrics_allowed(request):
        raise Http404
    return HttpResponse(
        observability.metrics_text(),
        content_type="text/plain; version=0.0.4; charset=utf-8",
    )
