"""Request ids, JSON logs without personal data, metrics, health and liveness."""

import datetime as dt
import json
import logging
import re

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from django.urls import resolve

from apps.core.observability import JsonFormatter, mask_personal_data
from apps.core.tasks import send_email
from apps.info_requests.models import InformationRequest
from tests.info_requests.factories import InformationRequestFactory
from tests.info_requests.test_views import FORM_URL, form_data

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}


@pytest.mark.django_db
class TestRequestId:
    def test_each_response_carries_a_fresh_id(self, client):
        first = client.get("/livez")["X-Request-ID"]
        second = client.get("/livez")["X-Request-ID"]
        assert re.fullmatch(r"[0-9a-f]{32}", first)
        assert first != second

    def test_nginx_id_is_kept_and_a_forged_one_replaced(self, client):
        kept = client.get("/livez", HTTP_X_REQUEST_ID="3f2a9c0d11e04b7f")
        assert kept["X-Request-ID"] == "3f2a9c0d11e04b7f"
        forged = client.get("/livez", HTTP_X_REQUEST_ID="x\nEvil: 1 <script>")
        assert re.fullmatch(r"[0-9a-f]{32}", forged["X-Request-ID"])


def _json_lines(records) -> list[dict]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(record)) for record in records]


@pytest.mark.django_db
class TestLogs:
    def test_citizen_submission_logs_no_personal_data(
        self, client, caplog, units, sample_pdf, django_capture_on_commit_callbacks
    ):
        caplog.set_level(logging.INFO)
        data = form_data(client, sample_pdf, unit="dinkes")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(FORM_URL, data, HTTP_X_REQUEST_ID="rid-0123456789")
        assert response.status_code == 302
        request = InformationRequest.objects.get()
        status_url = response["Location"]
        client.get(status_url)
        lines = _json_lines(caplog.records)
        text = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)
        post = [
            line
            for line in lines
            if line["logger"] == "ppid.request" and line.get("method") == "POST"
        ]
        assert post == [
            {
                **post[0],
                "request_id": "rid-0123456789",
                "route": "/permohonan/ajukan/",
                "status": 302,
            }
        ]
        for secret in [
            data["nik"],
            data["name"],
            data["email"],
            data["address"],
            "0813 4567 8901",
            request.registration_number,
            status_url,
        ]:
            assert secret not in text

    def test_personal_data_in_a_message_is_masked(self, caplog):
        caplog.set_level(logging.INFO)
        logging.getLogger("apps.test").warning(
            "Applicant 6408015203850002 siti@example.com +62 813-4567-8901 08134567890"
        )
        (line,) = _json_lines(caplog.records)
        assert line["message"] == "Applicant [nik] [email] [phone] [phone]"
        assert line["level"] == "WARNING"

    def test_django_request_errors_name_the_pattern_not_the_path(self, caplog, rf):
        caplog.set_level(logging.INFO)
        request = rf.get("/permohonan/status/secret-status-token/")
        request.resolver_match = resolve("/permohonan/status/secret-status-token/")
        logging.getLogger("django.request").error(
            "Internal Server Error: %s",
            request.path,
            extra={"status_code": 500, "request": request},
        )
        (line,) = _json_lines(caplog.records)
        assert line["message"] == (
            "Internal Server Error: /permohonan/status/<str:token>/ 500"
        )

    def test_masking_keeps_ordinary_numbers(self):
        text = "PPID-KUTIM-2026-00012 took 350ms, 2026-03-02"
        assert mask_personal_data(text) == text

    def test_a_traceback_is_one_masked_json_line(self, caplog):
        caplog.set_level(logging.INFO)
        try:
            raise ValueError("NIK 6408015203850002 rejected")
        except ValueError:
            logging.getLogger("apps.test").exception("failed")
        (line,) = _json_lines(caplog.records)
        assert "ValueError: NIK [nik] rejected" in line["exception"]


@pytest.mark.django_db
class TestMetrics:
    def test_hidden_without_token_or_allowed_address(self, client, settings):
        settings.METRICS_TOKEN = "s3cret-token"
        assert client.get("/metrics").status_code == 404
        wrong = client.get("/metrics", HTTP_AUTHORIZATION="Bearer guess")
        assert wrong.status_code == 404

    def test_allowed_address(self, client, settings):
        settings.METRICS_ALLOWED_IPS = ["127.0.0.1"]
        assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 200
        assert client.get("/metrics", REMOTE_ADDR="10.0.0.9").status_code == 404

    def test_requests_queue_and_overdue_cases(self, client, settings):
        settings.METRICS_TOKEN = "s3cret-token"
        settings.TASKS = DATABASE_TASKS
        with time_machine.travel(dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)):
            send_email.enqueue(to=["a@example.com"], subject="s", body="b")
            send_email.enqueue(to=["b@example.com"], subject="s", body="b")
        InformationRequestFactory()  # received 2 March 2026, due 10 working days on
        client.get("/livez")
        with time_machine.travel(dt.datetime(2026, 4, 1, 1, 0, tzinfo=dt.UTC)):
            response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token")
        assert response.status_code == 200
        text = response.content.decode()
        assert (
            'ppid_http_requests_total{method="GET",route="/livez",status="200"}' in text
        )
        assert (
            'ppid_http_request_duration_seconds_bucket{le="0.05",method="GET"' in text
        )
        assert "ppid_task_queue_length 2.0" in text
        oldest = re.search(r"^ppid_task_oldest_age_seconds (\S+)$", text, re.M)
        assert float(oldest.group(1)) == pytest.approx(30 * 86400, abs=60)
        assert 'ppid_overdue_cases{kind="information_request"} 1.0' in text
        assert 'ppid_overdue_cases{kind="objection"} 0.0' in text


@pytest.mark.django_db
class TestHealth:
    def test_livez_touches_nothing(self, client, django_assert_num_queries):
        with django_assert_num_queries(0):
            response = client.get("/livez")
        assert response.json() == {"status": "ok"}

    def test_healthz_all_ok(self, client):
        body = client.get("/healthz").json()
        assert body == {
            "database": "ok",
            "cache": "ok",
            "storage": "ok",
            "queue": "ok",
            "queue_length": 0,
            "queue_lag_seconds": 0.0,
            "status": "ok",
        }

    def test_cache_down_is_503(self, client, settings):
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "redis://127.0.0.1:9/0?socket_connect_timeout=1",
            }
        }
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["cache"] == "unavailable"

    def test_storage_down_is_503(self, client, settings):
        settings.FILE_STORAGE = "s3"
        settings.S3_BUCKET = "ppid"
        settings.S3_ENDPOINT_URL = "http://127.0.0.1:9"
        settings.S3_ACCESS_KEY_ID = settings.S3_SECRET_ACCESS_KEY = "x"
        settings.S3_REGION = "us-east-1"
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["storage"] == "unavailable"

    def test_queue_lag_is_degraded_but_serving(self, client, settings):
        settings.TASKS = DATABASE_TASKS
        settings.HEALTHZ_MAX_QUEUE_LAG_SECONDS = 300
        with time_machine.travel(dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)):
            send_email.enqueue(to=["a@example.com"], subject="s", body="b")
        with time_machine.travel(dt.datetime(2026, 3, 2, 1, 4, tzinfo=dt.UTC)):
            assert client.get("/healthz").json()["status"] == "ok"
        with time_machine.travel(dt.datetime(2026, 3, 2, 1, 6, tzinfo=dt.UTC)):
            response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json()["status"] == "degraded"
        assert response.json()["queue_length"] == 1
        assert DBTaskResult.objects.count() == 1
