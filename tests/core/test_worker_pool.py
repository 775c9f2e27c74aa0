"""Several db_worker processes on one PostgreSQL run each task exactly once
(issue 17, item 2): django-tasks-db claims a task with SELECT ... FOR UPDATE
SKIP LOCKED, so two workers never take the same row."""

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from django_tasks_db.models import DBTaskResult

from django.db import connection

from tests.core.worker_tasks import record_run

ROOT = Path(__file__).resolve().parents[2]
BURST = 60

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _database_url() -> str:
    db = connection.settings_dict
    credentials = quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"])
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def _start_worker(index: int, env: dict) -> tuple[subprocess.Popen, threading.Event]:
    """A db_worker process and an event set once it polls the queue."""
    process = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-startup-delay",
            "--no-reload",
            "--worker-id",
            f"pool-{index}",
            "--interval",
            "0.1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    started = threading.Event()
    process.lines = []

    def read():
        for line in process.stdout:
            process.lines.append(line)
            if "Starting worker" in line:
                started.set()

    threading.Thread(target=read, daemon=True).start()
    return process, started


def test_two_workers_run_a_burst_of_tasks_each_exactly_once(settings, tmp_path):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default"],
        }
    }
    log = tmp_path / "runs.log"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "TASKS_BACKEND": "database",
        "LOG_LEVEL": "INFO",
    }
    workers = [_start_worker(index, env) for index in (1, 2)]
    try:
        for process, started in workers:
            assert started.wait(timeout=120), "".join(process.lines)
        # The burst arrives while both workers poll the queue.
        for number in range(BURST):
            record_run.enqueue(number=number, log_path=str(log), seconds=0.02)
        deadline = time.monotonic() + 180
        while DBTaskResult.objects.exclude(status="SUCCESSFUL").exists():
            assert time.monotonic() < deadline, "the burst was not finished in time"
            time.sleep(0.2)
    finally:
        for process, _started in workers:
            process.send_signal(signal.SIGTERM)
        for process, _started in workers:
            process.wait(timeout=60)
    for process, _started in workers:
        assert process.returncode == 0, "".join(process.lines)

    runs = [line.split() for line in log.read_text().splitlines()]
    per_task = Counter(int(number) for number, _pid in runs)
    assert per_task == Counter(range(BURST))  # every task, each exactly once
    results = DBTaskResult.objects.all()
    assert results.count() == BURST
    assert all(len(result.worker_ids) == 1 for result in results)
    # Both workers took part: the burst was shared, not run by one alone.
    assert {result.worker_ids[0] for result in results} == {"pool-1", "pool-2"}
    assert len({pid for _number, pid in runs}) == 2
