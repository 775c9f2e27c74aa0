"""A local server speaking the S3 protocol (moto's server, in its own process)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

MOTO_SERVER = Path(sys.executable).with_name("moto_server")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_s3_server():
    """Yields the endpoint URL of a fresh moto S3 server; stops it afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1)  # noqa: S310
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError("moto_server exited at start-up") from None
                time.sleep(0.05)
        else:
            raise RuntimeError("moto_server did not answer")
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)
