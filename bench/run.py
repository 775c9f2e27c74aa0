"""Benchmark of the public pages against a bare Django view (issue 18, item 7).

Serves the portal and bench/baseline (one indexed row, a small template) with the
same gunicorn settings on the same database, loads each page with N concurrent
clients for D seconds (`wrk` if installed, else the small Python client below),
and prints per page: requests/s, the ratio to the baseline, p50/p99 latency and
the queries the page runs (counted in-process with Django's test client).

    DATABASE_URL=postgres://... CACHE_URL=redis://... \\
        .venv/bin/python bench/run.py [--workers 3] [--connections 8] [--seconds 15]

Fill the database first: BENCH_DATA=1 manage.py generate_bench_data --requests N.
This is a measurement, not a test: the query budgets are pinned by tests.
"""

import argparse
import http.client
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAGES = [
    "/",
    "/informasi/",
    "/informasi/?q=anggaran",
    "/informasi/?q=anggran",  # a typo
    "/statistik/",
    "/api/v1/information/",
]


def serve(module: str, port: int, workers: int, env: dict) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv/bin/gunicorn"),
        module,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/livez" if "ppid" in module else "/")
            connection.getresponse().read()
            return process
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{module} did not start")


def load(port: int, path: str, connections: int, seconds: float) -> dict:
    """Closed-loop load: each client sends the next request when one returns."""
    latencies: list[float] = []
    errors = [0]
    stop = time.perf_counter() + seconds
    lock = threading.Lock()

    def client():
        mine = []
        while time.perf_counter() < stop:
            start = time.perf_counter()
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.request("GET", path, headers={"Host": "localhost"})
                response = connection.getresponse()
                response.read()
                connection.close()
                if response.status != 200:
                    errors[0] += 1
                    continue
            except OSError:
                errors[0] += 1
                continue
            mine.append(time.perf_counter() - start)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(connections)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000 if latencies else None,
        "p99": (
            latencies[int(0.99 * (len(latencies) - 1))] * 1000 if latencies else None
        ),
        "errors": errors[0],
    }


def queries_per_page() -> dict[str, int]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppid_portal.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    counts = {}
    for path in PAGES:
        client.get(path)  # warm
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        counts[path] = len(queries)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=15)
    args = parser.parse_args()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret"),
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "FIELD_ENCRYPTION_KEY": os.environ.get(
            "FIELD_ENCRYPTION_KEY", "m4tRN0b1e2KqjGJqF2cV9s4yQp3vXy7Zk8wLh5uTn0A="
        ),
        "PYTHONPATH": str(ROOT),
    }
    os.environ.update(
        {k: env[k] for k in ("SECRET_KEY", "ALLOWED_HOSTS", "FIELD_ENCRYPTION_KEY")}
    )
    tool = "wrk" if shutil.which("wrk") else "python closed-loop client"
    sys.stdout.write(
        f"load: {tool}, {args.connections} connections, {args.seconds:.0f} s per "
        f"page; gunicorn sync, {args.workers} workers for both servers\n"
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    counts = queries_per_page()
    from apps.info_requests.models import InformationRequest
    from apps.registers.models import InformationItem

    size = (
        f"{InformationRequest.objects.count()} requests, "
        f"{InformationItem.objects.count()} items"
    )
    baseline = serve("bench.baseline.wsgi:application", 8791, args.workers, env)
    portal = serve("ppid_portal.wsgi:application", 8792, args.workers, env)
    try:
        bare = load(8791, "/", args.connections, args.seconds)
        sys.stdout.write(
            f"data: {size}\nbare Django: {bare['rps']:.0f} req/s, "
            f"p50 {bare['p50']:.1f} ms, p99 {bare['p99']:.1f} ms\n"
        )
        sys.stdout.write(
            f"{'page':28} {'req/s':>8} {'ratio':>7} {'p50 ms':>8} {'p99 ms':>8}"
            f" {'queries':>8} {'errors':>7}\n"
        )
        for path in PAGES:
            result = load(8792, path, args.connections, args.seconds)
            sys.stdout.write(
                f"{path:28} {result['rps']:8.1f} {result['rps'] / bare['rps']:7.1%}"
                f" {result['p50'] or 0:8.1f} {result['p99'] or 0:8.1f}"
                f" {counts[path]:8d} {result['errors']:7d}\n"
            )
            sys.stdout.flush()
    finally:
        for process in (baseline, portal):
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
