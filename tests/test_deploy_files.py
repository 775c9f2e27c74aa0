"""The shipped production files (deploy/) agree with the portal's settings."""

import re
import runpy
import shlex
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
NGINX = (DEPLOY / "nginx" / "ppid.conf").read_text()
PROXY = (DEPLOY / "nginx" / "ppid-proxy.conf").read_text()


def _directive(text: str, name: str) -> list[str]:
    return re.findall(rf"^\s*{name}\s+([^;]+);", text, flags=re.MULTILINE)


def test_gunicorn_workers_follow_the_cores(monkeypatch):
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: 4)
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert config["workers"] == 9
    assert config["graceful_timeout"] < config["timeout"]
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    assert runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))["workers"] == 3


def test_nginx_waits_longer_than_gunicorn():
    timeout = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))["timeout"]
    (read,) = _directive(PROXY, "proxy_read_timeout")
    assert int(read.rstrip("s")) > timeout


def test_nginx_body_limit_matches_the_upload_limit():
    (limit,) = _directive(NGINX, "client_max_body_size")
    largest_file = max(settings.REGISTERS_MAX_DOCUMENT_MB, settings.MAX_UPLOAD_SIZE_MB)
    # Two identity files (scan and power of attorney) fit as well.
    assert int(limit.rstrip("m")) == largest_file + 1
    assert largest_file + 1 > 2 * settings.MAX_UPLOAD_SIZE_MB


def test_nginx_passes_the_client_address_in_the_one_trusted_header():
    headers = dict(
        value.split(None, 1) for value in _directive(PROXY, "proxy_set_header")
    )
    # TRUSTED_PROXY_COUNT=1 (README): the right-most entry is what nginx saw.
    assert headers["X-Forwarded-For"] == "$proxy_add_x_forwarded_for"
    assert headers["X-Forwarded-Proto"] == "$scheme"
    assert headers["X-Request-ID"] == "$request_id"
    assert "X-Real-IP" not in headers


def test_private_location_is_internal():
    block = re.search(r"location /_private/ \{(.*?)\}", NGINX, flags=re.S).group(1)
    assert "internal;" in block
    assert "alias /var/lib/ppid/private/;" in block
    assert "http2" in " ".join(_directive(NGINX, "listen"))
    assert _directive(NGINX, "gzip") == ["on"]


def _commands_in(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        match = re.search(r"manage\.py (.+)$", line)
        if match and not line.lstrip().startswith("#"):
            found.append(shlex.split(match.group(1))[0])
    return found


@pytest.mark.parametrize(
    "path",
    sorted(
        str(p.relative_to(DEPLOY))
        for p in [*DEPLOY.glob("systemd/*.service"), DEPLOY / "cron" / "ppid"]
    ),
)
def test_every_scheduled_command_exists(path):
    text = (DEPLOY / path).read_text()
    commands = get_commands()
    for name in _commands_in(text):
        assert name in commands, f"{path}: manage.py {name} does not exist"


def test_every_timer_has_its_service_and_cron_the_same_commands():
    systemd = DEPLOY / "systemd"
    for timer in systemd.glob("*.timer"):
        assert timer.with_suffix(".service").exists(), timer.name
    timed = {
        name
        for service in systemd.glob("*.service")
        if service.with_suffix(".timer").exists()
        for name in _commands_in(service.read_text())
    }
    assert timed == set(_commands_in((DEPLOY / "cron" / "ppid").read_text()))
