"""Start-up rules of ppid_portal/settings.py, checked in a fresh interpreter."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETUP = "import django; django.setup(); from django.conf import settings; "


def run(code: str, **env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DEBUG",
            "DATABASE_URL",
            "CACHE_URL",
            "FIELD_ENCRYPTION_KEY",
            "EMAIL_BACKEND",
            "PLAIN_STATIC_STORAGE",
            "TIME_ZONE",
        }
    }
    env["DJANGO_SETTINGS_MODULE"] = "ppid_portal.settings"
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", SETUP + code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


PRODUCTION = {
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "ppid.example.go.id",
    "FIELD_ENCRYPTION_KEY": "KjbfxHyuFOEPTb0HkUvXA98XfcJ_Jl-aC6-vNHTej14=",
}


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "FIELD_ENCRYPTION_KEY"]
)
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = run("print('started')", DEBUG="0", **env)
    assert result.returncode != 0
    assert f"{missing} is not set" in result.stderr
    assert "started" not in result.stdout


def test_production_starts_with_everything_set():
    result = run(
        "print(settings.DEBUG, settings.ALLOWED_HOSTS, settings.TIME_ZONE, "
        "settings.LANGUAGE_CODE, settings.STORAGES['staticfiles']['BACKEND'])",
        DEBUG="0",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "['ppid.example.go.id']",
        "Asia/Makassar",
        "id",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]


def test_debug_starts_without_secrets_and_uses_sqlite():
    result = run(
        "print(settings.DATABASES['default']['ENGINE'], settings.EMAIL_BACKEND)",
        DEBUG="1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "django.core.mail.backends.console.EmailBackend",
    ]


def test_database_url_selects_postgresql():
    result = run(
        "d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'], d['HOST'])",
        DEBUG="1",
        DATABASE_URL="postgres://ppid:pw@db.internal:5432/ppid",
    )
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "ppid",
        "db.internal",
    ]


def test_cache_url_selects_redis():
    result = run(
        "c = settings.CACHES['default']; print(c['BACKEND'], c['LOCATION'])",
        DEBUG="1",
        CACHE_URL="redis://127.0.0.1:6379/3",
    )
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/3",
    ]


@pytest.mark.parametrize(
    ("name", "value"),
    [("CACHE_URL", "memcached://x"), ("DEBUG", "maybe"), ("TASKS_BACKEND", "celery")],
)
def test_bad_values_stop_start_up_with_a_message(name, value):
    result = run("print('started')", **{"DEBUG": "1", name: value})
    assert result.returncode != 0
    assert name in result.stderr


def test_time_zone_and_languages():
    result = run(
        "print(settings.TIME_ZONE, settings.USE_TZ, "
        "[c for c, _ in settings.LANGUAGES])",
        DEBUG="1",
        TIME_ZONE="Asia/Jakarta",
    )
    assert result.stdout.strip() == "Asia/Jakarta True ['id', 'en']"


@pytest.mark.parametrize(
    ("cache_url", "engine"),
    [
        ("", "django.contrib.sessions.backends.db"),
        ("redis://127.0.0.1:6379/4", "django.contrib.sessions.backends.cache"),
    ],
)
def test_sessions_follow_the_cache_to_redis(cache_url, engine):
    result = run("print(settings.SESSION_ENGINE)", **PRODUCTION, CACHE_URL=cache_url)
    assert result.stdout.split() == [engine], result.stderr


def test_object_storage_needs_a_bucket():
    result = run("", **PRODUCTION, FILE_STORAGE="s3")
    assert "FILE_STORAGE=s3 needs S3_BUCKET" in result.stderr
    result = run("", **PRODUCTION, FILE_STORAGE="ftp")
    assert "FILE_STORAGE must be local or s3" in result.stderr
