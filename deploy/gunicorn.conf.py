"""gunicorn settings of the PPID portal (`gunicorn -c deploy/gunicorn.conf.py`).

Every value can be overridden from the environment (the systemd unit reads
/etc/ppid/ppid.env). Graceful reload after an upgrade: `systemctl reload ppid-web`
(SIGHUP: new workers start with the new code, old ones finish their requests).
"""

import multiprocessing
import os
import shutil


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# Only nginx on this machine talks to gunicorn; a second web node's nginx (or a
# load balancer) reaches it through that node's own nginx, never directly.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Synchronous workers, 2 per core + 1 (gunicorn's advice): each request holds
# one worker, and large private downloads leave through nginx (X-Accel-Redirect).
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
# PDFs (letters, the annual report) take seconds; nothing takes a minute.
timeout = _int("GUNICORN_TIMEOUT", 60)
# On reload or stop, workers finish what they are doing for up to this long.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5
# Recycle workers now and then so that a slow leak never grows.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max_requests // 10
# Workers' heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# The application logs each request as JSON itself (apps.core.observability);
# gunicorn's own messages go to stderr, i.e. the journal.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "ppid-web"
# systemd's signals do what gunicornc would (reload: HUP); no control socket, which
# would want a writable home folder.
control_socket_disable = True


# Prometheus metrics of all workers are summed from files in this folder.
_metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")


def on_starting(server):
    if _metrics_dir:
        shutil.rmtree(_metrics_dir, ignore_errors=True)
        os.makedirs(_metrics_dir, exist_ok=True)


def child_exit(server, worker):
    if _metrics_dir:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
