"""Observability (issue 17, item 5): request ids, JSON logs without personal data,
Prometheus metrics, health and liveness checks.

Each request gets an id (nginx's X-Request-ID when it is a plain token, else a
new one); it is in every log line written while the request runs and in the
response's X-Request-ID. A request is logged by its URL pattern, never by its
path (status links carry secret tokens) and never with the client's address.
Log messages pass a filter that masks NIK numbers, e-mail addresses and phone
numbers, in case some code ever logs them.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging
import os
import re
import time
import uuid

from django.conf import settings

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar(
    "request_id", default=""
)
_INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
access_logger = logging.getLogger("ppid.request")


# --- Logs ------------------------------------------------------------------------

_PERSONAL = [
    (re.compile(r"\b\d{16}\b"), "[nik]"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    (
        re.compile(r"(?<![\w+])(?:\+62[ -]?|62|0)8\d{1,3}(?:[ -]?\d{2,4}){2,3}\b"),
        "[phone]",
    ),
]


def mask_personal_data(text: str) -> str:
    for pattern, replacement in _PERSONAL:
        text = pattern.sub(replacement, text)
    return text


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (empty outside a request)."""

    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id, extra
    fields passed as `extra={"ppid": {...}}`, and the traceback if any. The
    message and traceback have NIKs, e-mail addresses and phone numbers masked."""

    def format(self, record):
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": mask_personal_data(_message(record)),
            "request_id": getattr(record, "request_id", "") or request_id_var.get(),
        }
        entry.update(getattr(record, "ppid", None) or {})
        if record.exc_info:
            entry["exception"] = mask_personal_data(
                self.formatException(record.exc_info)
            )
        return json.dumps(entry, ensure_ascii=False, default=str)


def _message(record) -> str:
    """The record's message; Django's own request errors ("Internal Server Error:
    /permohonan/status/<token>/") name the URL pattern instead of the path."""
    request = getattr(record, "request", None)
    if record.name.startswith("django.") and hasattr(request, "META"):
        status = getattr(record, "status_code", "")
        return f"{str(record.msg).split(':', 1)[0]}: {_route(request)} {status}".strip()
    return record.getMessage()


class TextFormatter(logging.Formatter):
    """Plain lines for `make run`, masked the same way."""

    def format(self, record):
        return mask_personal_data(super().format(record))


# --- Metrics ---------------------------------------------------------------------

_metrics = None


def _request_metrics():
    """(counter, histogram), created once per process (prometheus_client keeps
    them in files under PROMETHEUS_MULTIPROC_DIR when gunicorn runs workers)."""
    global _metrics
    if _metrics is None:
        from prometheus_client import Counter, Histogram

        _metrics = (
            Counter(
                "ppid_http_requests",
                "HTTP requests answered, by URL pattern and status.",
                ["method", "route", "status"],
            ),
            Histogram(
                "ppid_http_request_duration_seconds",
                "Time to answer an HTTP request, by URL pattern.",
                ["method", "route"],
                buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
            ),
        )
    return _metrics


def _route(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "<unmatched>"
    return "/" + (match.route or match.view_name or "")


_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


class RequestObservabilityMiddleware:
    """First middleware: sets the request id, logs and counts each request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _INCOMING_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            elapsed = time.perf_counter() - started
            response["X-Request-ID"] = request_id
            self._record(request, response.status_code, elapsed)
            return response
        finally:
            request_id_var.reset(token)

    def _record(self, request, status: int, elapsed: float) -> None:
        method = request.method if request.method in _METHODS else "OTHER"
        route = _route(request)
        counter, histogram = _request_metrics()
        counter.labels(method, route, str(status)).inc()
        histogram.labels(method, route).observe(elapsed)
        if route in ("/healthz", "/livez", "/metrics"):
            return  # probes every few seconds would drown the log
        access_logger.info(
            "%s %s %s %.0fms",
            method,
            route,
            status,
            elapsed * 1000,
            extra={
                "ppid": {
                    "method": method,
                    "route": route,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 1),
                }
            },
        )


def queue_state(now: dt.datetime | None = None) -> tuple[int, float]:
    """(tasks waiting, age in seconds of the oldest one); (0, 0) without a queue."""
    if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
        return 0, 0.0
    from django_tasks_db.models import DBTaskResult

    from django.db.models import Count, Min
    from django.utils import timezone

    ready = DBTaskResult.objects.ready().aggregate(
        waiting=Count("id"), oldest=Min("enqueued_at")
    )
    if not ready["waiting"]:
        return 0, 0.0
    age = ((now or timezone.now()) - ready["oldest"]).total_seconds()
    return ready["waiting"], max(age, 0.0)


def overdue_counts(today: dt.date | None = None) -> dict[str, int]:
    from django.utils import timezone

    from apps.complaints.models import Complaint
    from apps.info_requests.models import InformationRequest
    from apps.objections.models import Objection

    today = today or timezone.localdate()
    return {
        "information_request": InformationRequest.objects.overdue(today).count(),
        "objection": Objection.objects.overdue(today).count(),
        "complaint": Complaint.objects.overdue(today).count(),
    }


class PortalCollector:
    """Gauges read from the database at each scrape."""

    def collect(self):
        from prometheus_client.core import GaugeMetricFamily

        waiting, oldest = queue_state()
        yield GaugeMetricFamily(
            "ppid_task_queue_length", "Background tasks waiting for a worker.", waiting
        )
        yield GaugeMetricFamily(
            "ppid_task_oldest_age_seconds",
            "Seconds the oldest waiting background task has waited.",
            oldest,
        )
        overdue = GaugeMetricFamily(
            "ppid_overdue_cases",
            "Open cases past their statutory due date.",
            labels=["kind"],
        )
        for kind, count in overdue_counts().items():
            overdue.add_metric([kind], count)
        yield overdue


def metrics_text() -> bytes:
    from prometheus_client import REGISTRY, CollectorRegistry, generate_latest

    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        requests = CollectorRegistry()
        multiprocess.MultiProcessCollector(requests)
    else:
        requests = REGISTRY
    _request_metrics()
    portal = CollectorRegistry()
    portal.register(PortalCollector())
    return generate_latest(requests) + generate_latest(portal)
