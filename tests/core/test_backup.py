"""manage.py backup / restore (issue 17, item 4)."""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import quote

import pytest
import time_machine

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from apps.core import backup
from apps.core.files import encrypted_storage, private_storage
from tests.info_requests.factories import InformationRequestFactory

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db(transaction=True)


def _make_backup(tmp_path) -> Path:
    InformationRequestFactory(registration_number="REQ-2026-00042")
    encrypted_storage.save("ktp/a.png", ContentFile(b"\x89PNG identity"))
    private_storage.save("minutes/b.txt", ContentFile(b"notulen"))
    call_command("backup", str(tmp_path / "out"), stdout=io.StringIO())
    (path,) = (tmp_path / "out").glob("ppid-backup-*.tar")
    return path


def _members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path) as archive:
        return {
            member.name: archive.extractfile(member).read()
            for member in archive.getmembers()
        }


def test_backup_holds_database_files_and_manifest_but_no_key(tmp_path, settings):
    path = _make_backup(tmp_path)
    members = _members(path)
    manifest = json.loads(members["manifest.json"])
    database = manifest["database"]["member"]
    assert database in {"database.dump", "database.sqlite3"}
    assert manifest["numbers"]["information_requests"] == ["REQ-2026-00042"]
    assert manifest["counts"]["info_requests.informationrequest"] == 1
    for name, digest in manifest["members"].items():
        assert hashlib.sha256(members[name]).hexdigest() == digest
    stored = {(f["area"], f["name"]) for f in manifest["files"]}
    assert stored == {("private", "encrypted/ktp/a.png"), ("private", "minutes/b.txt")}
    # Encrypted files stay as stored; the key is nowhere in the backup.
    assert b"identity" not in members["files/private/encrypted/ktp/a.png"]
    everything = b"".join(members.values())
    assert settings.FIELD_ENCRYPTION_KEY.encode() not in everything
    assert settings.SECRET_KEY.encode() not in everything
    assert manifest["key_fingerprint"] == backup.key_fingerprint()
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_restore_refuses_a_database_in_use(tmp_path):
    path = _make_backup(tmp_path)
    with pytest.raises(CommandError, match="database is not empty"):
        call_command("restore", str(path))


def test_restore_refuses_a_damaged_backup(tmp_path):
    path = _make_backup(tmp_path)
    members = _members(path)
    members["files/private/minutes/b.txt"] = b"tampered"
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(damaged, "w") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    with pytest.raises(CommandError, match="minutes/b.txt is damaged"):
        call_command("restore", str(damaged))
    (tmp_path / "not-a-backup.tar").write_bytes(b"")
    with pytest.raises((CommandError, tarfile.ReadError)):
        call_command("restore", str(tmp_path / "not-a-backup.tar"))


def test_restore_refuses_another_key(tmp_path, settings):
    path = _make_backup(tmp_path)
    settings.FIELD_ENCRYPTION_KEY = "Tl9ZUl8xR3lVdC1sZnFoY3lCUWZZb0RqdkR1a1dWR0c="
    with pytest.raises(CommandError, match="not the key this backup"):
        call_command("restore", str(path))


def test_keep_prunes_the_oldest(tmp_path):
    out = tmp_path / "out"
    for day in (1, 2, 3):
        with time_machine.travel(f"2026-03-0{day} 01:30Z"):
            call_command("backup", str(out), "--keep", "2", stdout=io.StringIO())
    assert sorted(p.name for p in out.glob("*.tar")) == [
        "ppid-backup-20260302-013000.tar",
        "ppid-backup-20260303-013000.tar",
    ]


FACTS_SCRIPT = """
import hashlib, json, django
django.setup()
from apps.core.backup import AREAS, area_storage, database_facts, walk
files = {}
for area in AREAS:
    storage = area_storage(area)
    for name in walk(storage):
        with storage.open(name, "rb") as handle:
            files[f"{area}/{name}"] = hashlib.sha256(handle.read()).hexdigest()
print(json.dumps({**database_facts(), "files": files}))
"""


def _database_url(name: str) -> str:
    db = connection.settings_dict
    credentials = quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"])
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{name}"


@pytest.mark.postgres
def test_demo_round_trip_into_an_empty_database_and_storage(tmp_path, settings):
    """Back up the demo, restore into a new database and new folders in another
    process, and compare row counts, case numbers and file checksums."""
    call_command("load_demo", stdout=io.StringIO())
    call_command("backup", str(tmp_path / "out"), stdout=io.StringIO())
    (path,) = (tmp_path / "out").glob("ppid-backup-*.tar")
    source = {
        **backup.database_facts(),
        "files": {
            f"{area}/{name}": hashlib.sha256(
                backup.area_storage(area).open(name, "rb").read()
            ).hexdigest()
            for area in backup.AREAS
            for name in backup.walk(backup.area_storage(area))
        },
    }
    assert source["numbers"]["information_requests"]
    assert any(name.startswith("private/encrypted/") for name in source["files"])

    target = f"{connection.settings_dict['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{target}"')
        cursor.execute(f'CREATE DATABASE "{target}"')
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(target),
        "MEDIA_ROOT": str(tmp_path / "restored" / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "restored" / "private"),
    }
    try:
        restore = subprocess.run(
            [sys.executable, "manage.py", "restore", str(path)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert restore.returncode == 0, restore.stderr
        assert "match the manifest" in restore.stdout
        facts = subprocess.run(
            [sys.executable, "-c", FACTS_SCRIPT],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "ppid_portal.settings"},
            capture_output=True,
            text=True,
        )
        assert facts.returncode == 0, facts.stderr
        restored = json.loads(facts.stdout.splitlines()[-1])
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
    assert restored["counts"] == source["counts"]
    assert restored["numbers"] == source["numbers"]
    assert restored["files"] == source["files"]
