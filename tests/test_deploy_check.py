"""`manage.py check --deploy` is clean with the README's production settings."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
# Another change fixes this drf-spectacular warning (enum names of the schema); it
# says nothing about the deployment. Only this one is tolerated.
TOLERATED = {"drf_spectacular.W002"}


def readme_production_env() -> dict[str, str]:
    """The KEY=VALUE lines of the README block after <!-- production-env -->."""
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"<!-- production-env -->\s*```sh\n(.*?)```", readme, re.S)
    assert block, "README.md has no production-env block"
    env = {}
    for line in block.group(1).splitlines():
        if line.strip() and not line.startswith("#"):
            key, value = line.split("=", 1)
            env[key] = value
    return env


def _environment(overrides: dict[str, str]) -> dict[str, str]:
    production = readme_production_env()
    production["SECRET_KEY"] = secrets.token_urlsafe(50)
    production["FIELD_ENCRYPTION_KEY"] = Fernet.generate_key().decode()
    production.update(overrides)
    # Only the production variables: nothing inherited from the test run.
    return {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")} | (
        production
    )


def check_deploy(**overrides) -> tuple[int, set[str], str]:
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_environment(overrides),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = result.stdout + result.stderr
    ids = set(re.findall(r"\(([\w.]+\.[A-Z]\d{3})\)", output))
    return result.returncode, ids, output


def test_readme_production_settings_pass_check_deploy():
    env = readme_production_env()
    assert env["DEBUG"] == "0"
    assert env["OFFICER_2FA_REQUIRED"] == "1"
    assert env["SECURE_SSL_REDIRECT"] == "1"
    code, ids, output = check_deploy()
    assert ids <= TOLERATED, output
    if not ids:
        assert code == 0, output


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ({"SECURE_HSTS_SECONDS": "0"}, "security.W004"),
        ({"SECURE_SSL_REDIRECT": "0"}, "security.W008"),
        ({"OFFICER_2FA_REQUIRED": "0"}, "ppid.W001"),
        ({"BEHIND_TLS_PROXY": "0"}, "ppid.W002"),
    ],
)
def test_the_check_notices_a_weakened_setting(override, expected):
    code, ids, output = check_deploy(**override)
    assert expected in ids, output
    assert code != 0
