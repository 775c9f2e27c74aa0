"""A task for the worker-pool test: each run appends one line to a log file."""

import os
import time

from django_tasks import task


@task()
def record_run(*, number: int, log_path: str, seconds: float = 0.0) -> int:
    time.sleep(seconds)  # stands for real work, so that the workers overlap
    # O_APPEND: lines of concurrent writers never mix.
    line = f"{number} {os.getpid()}\n".encode()
    handle = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(handle, line)
    finally:
        os.close(handle)
    return number
