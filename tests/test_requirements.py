"""The two dependency sets: production installs no dev tools, and both sets pin every
runtime package alike (requirements.lock, requirements-dev.lock; `make lock`)."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_LOCK = ROOT / "requirements.lock"
DEV_LOCK = ROOT / "requirements-dev.lock"
DEV_TOOLS = {
    "pytest",
    "pytest-django",
    "ruff",
    "playwright",
    "factory-boy",
    "moto",
    "aiosmtpd",
}

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)")
_HASH = re.compile(r"--hash=(sha256:[0-9a-f]{64})")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """{package: (version, hashes)} of a `uv pip compile --generate-hashes` file."""
    pins: dict[str, tuple[str, set[str]]] = {}
    current = None
    for line in path.read_text().splitlines():
        match = _PIN.match(line)
        if match:
            current = _normal(match.group(1))
            pins[current] = (match.group(2), set())
        elif current and line.startswith(" "):
            pins[current][1].update(_HASH.findall(line))
        else:
            current = None
    return {name: (version, frozenset(h)) for name, (version, h) in pins.items()}


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _names(requirements: list[str]) -> dict[str, str]:
    pins = {}
    for requirement in requirements:
        match = _PIN.match(requirement)
        assert match, f"{requirement!r} is not pinned with =="
        pins[_normal(match.group(1))] = match.group(2)
    return pins


@pytest.fixture(scope="module")
def runtime():
    return read_lock(RUNTIME_LOCK)


@pytest.fixture(scope="module")
def dev():
    return read_lock(DEV_LOCK)


def test_runtime_lock_has_no_dev_tools(runtime):
    declared_dev = set(_names(_pyproject()["optional-dependencies"]["dev"]))
    assert declared_dev >= DEV_TOOLS
    assert not (DEV_TOOLS | declared_dev) & set(runtime)


def test_dev_lock_has_the_dev_tools(dev):
    declared_dev = _names(_pyproject()["optional-dependencies"]["dev"])
    for name, version in declared_dev.items():
        assert dev[name][0] == version, name


def test_every_runtime_pin_is_identical_in_both_locks(runtime, dev):
    assert runtime, "requirements.lock lists no package"
    for name, (version, hashes) in runtime.items():
        assert name in dev, f"{name} missing from requirements-dev.lock"
        assert dev[name] == (version, hashes), f"{name} pinned differently"


def test_every_pin_is_hashed_and_matches_pyproject(runtime, dev):
    for lock in (runtime, dev):
        assert all(hashes for _version, hashes in lock.values())
    for name, version in _names(_pyproject()["dependencies"]).items():
        assert runtime[name][0] == version, name
