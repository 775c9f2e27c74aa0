import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.core import mail

from apps.core.tasks import send_email

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_503_when_the_database_is_down():
    # A real PostgreSQL connection attempt to a port where nothing listens.
    code = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(r.status_code, r.json()['database'])"
    )
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none?connect_timeout=2",
        "DJANGO_SETTINGS_MODULE": "ppid_portal.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.stdout.split() == ["503", "unavailable"], result.stderr


@pytest.mark.django_db
def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_send_email_task_runs_through_the_task_backend():
    result = send_email.enqueue(
        to=["warga@example.com"],
        subject="Tanda bukti",
        body="Isi",
        attachments=[("a.txt", "aGFsbw==", "text/plain")],
    )
    assert result.return_value == 1
    assert mail.outbox[0].subject == "Tanda bukti"
    assert mail.outbox[0].attachments[0] == ("a.txt", "halo", "text/plain")
