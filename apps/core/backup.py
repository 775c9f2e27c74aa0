"""Backups that restore (issue 17, item 4): database dump, files, manifest.

One tar file holds:

- ``database.dump`` (PostgreSQL: ``pg_dump --format=custom``) or ``database.sqlite3``
  (SQLite: a consistent copy through SQLite's backup API);
- ``files/media/...`` and ``files/private/...``: every stored file, byte for byte
  as stored, so encrypted files stay encrypted;
- ``manifest.json``: what was backed up, the SHA-256 of every other member, the
  row count of every table and the case numbers, to check a restore against.

FIELD_ENCRYPTION_KEY (and SECRET_KEY) are never in it: the manifest keeps only a
fingerprint of the key, so that a restore can tell whether the key it runs with
is the one the files were encrypted with. Keep the key elsewhere (README).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage
from django.db import connection, transaction
from django.utils import timezone

FORMAT_VERSION = 1
AREAS = ("media", "private")


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def key_fingerprint() -> str:
    """Tells two keys apart without revealing either."""
    material = b"ppid-backup-key-fingerprint:" + settings.FIELD_ENCRYPTION_KEY.encode()
    return hashlib.sha256(material).hexdigest()[:16]


def area_storage(area: str) -> Storage:
    """The raw storage of an area (no decryption): the local folder or the bucket
    prefix the portal writes to."""
    if settings.FILE_STORAGE == "s3":
        from storages.backends.s3 import S3Storage

        from apps.core.files import s3_options

        prefix = "/".join(p for p in (settings.S3_PREFIX, area) if p)
        return S3Storage(**s3_options(location=prefix))
    root = settings.MEDIA_ROOT if area == "media" else settings.PRIVATE_MEDIA_ROOT
    return FileSystemStorage(location=str(root))


def walk(storage: Storage, path: str = ""):
    """Every file name under `path`, recursively, sorted."""
    try:
        folders, files = storage.listdir(path)
    except FileNotFoundError:
        return
    for name in sorted(files):
        if name.startswith(".rewrite-"):
            continue  # a half-written temporary of encrypt_files
        yield f"{path}/{name}" if path else name
    for folder in sorted(folders):
        yield from walk(storage, f"{path}/{folder}" if path else folder)


def _sha256_stream(handle) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _sha256_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return _sha256_stream(handle)


def database_facts() -> dict:
    """Row counts of every table the portal's models own, and the case numbers."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        counts[model._meta.label_lower] = model._base_manager.count()
    from apps.complaints.models import Complaint
    from apps.info_requests.models import InformationRequest
    from apps.objections.models import Objection

    numbers = {
        "information_requests": sorted(
            InformationRequest.objects.values_list("registration_number", flat=True)
        ),
        "objections": sorted(Objection.objects.values_list("number", flat=True)),
        "complaints": sorted(Complaint.objects.values_list("number", flat=True)),
    }
    return {"counts": counts, "numbers": numbers}


# --- Database ----------------------------------------------------------------------


def _pg_env_and_args() -> tuple[dict, list[str]]:
    db = settings.DATABASES["default"]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return env, args


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _sqlite_connect(name) -> sqlite3.Connection:
    name = str(name)
    return sqlite3.connect(name, uri=name.startswith("file:"))


def dump_database(folder: Path) -> tuple[str, dict]:
    """(file name of the dump in `folder`, database_facts() of exactly that dump)."""
    vendor = connection.vendor
    if vendor == "postgresql":
        env, args = _pg_env_and_args()
        target = folder / "database.dump"
        # pg_dump reads the snapshot this transaction exported, and the counts are
        # taken in it too: they describe the dump even while the portal is in use.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    *args,
                    "--file",
                    str(target),
                    settings.DATABASES["default"]["NAME"],
                ],
                env,
            )
            facts = database_facts()
        return target.name, facts
    if vendor == "sqlite":
        target = folder / "database.sqlite3"
        source = _sqlite_connect(settings.DATABASES["default"]["NAME"])
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        copy.close()
        source.close()
        return target.name, database_facts()  # SQLite: development, no writers
    raise BackupError(f"No backup for a {vendor} database.")


def database_is_empty() -> bool:
    return not connection.introspection.table_names()


def load_database(path: Path) -> None:
    vendor = connection.vendor
    connection.close()
    if vendor == "postgresql" and path.name == "database.dump":
        env, args = _pg_env_and_args()
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                *args,
                "--dbname",
                settings.DATABASES["default"]["NAME"],
                str(path),
            ],
            env,
        )
        return
    if vendor == "sqlite" and path.name == "database.sqlite3":
        source = sqlite3.connect(path)
        target = _sqlite_connect(settings.DATABASES["default"]["NAME"])
        with target:
            source.backup(target)
        target.close()
        source.close()
        return
    raise BackupError(
        f"This backup holds {path.name}; it cannot be restored into a {vendor} "
        "database."
    )


# --- Backup ------------------------------------------------------------------------


@dataclass
class BackupResult:
    path: Path
    files: int
    size: int


def create_backup(destination: Path, *, now: dt.datetime | None = None) -> BackupResult:
    """Write one backup tar into `destination`; returns its path."""
    now = now or timezone.now()
    destination.mkdir(parents=True, exist_ok=True)
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
    final = destination / f"ppid-backup-{stamp}.tar"
    with tempfile.TemporaryDirectory(prefix="ppid-backup-") as work:
        work_path = Path(work)
        database_name, facts = dump_database(work_path)
        members = {database_name: _sha256_file(work_path / database_name)}
        partial = destination / f".{final.name}.partial"
        files = []
        with tarfile.open(partial, "w") as archive:
            archive.add(work_path / database_name, arcname=database_name)
            for area in AREAS:
                storage = area_storage(area)
                for name in walk(storage):
                    with storage.open(name, "rb") as handle:
                        data = handle.read()
                    arcname = f"files/{area}/{name}"
                    info = tarfile.TarInfo(arcname)
                    info.size = len(data)
                    info.mtime = int(now.timestamp())
                    info.mode = 0o600
                    archive.addfile(info, io.BytesIO(data))
                    digest = hashlib.sha256(data).hexdigest()
                    members[arcname] = digest
                    files.append({"area": area, "name": name, "sha256": digest})
            manifest = {
                "format": FORMAT_VERSION,
                "created_at": now.isoformat(),
                "database": {"vendor": connection.vendor, "member": database_name},
                "file_storage": settings.FILE_STORAGE,
                "key_fingerprint": key_fingerprint(),
                "members": members,
                "files": files,
                **facts,
            }
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            info.mtime = int(now.timestamp())
            info.mode = 0o600
            archive.addfile(info, io.BytesIO(data))
        os.chmod(partial, 0o600)
        os.replace(partial, final)
    return BackupResult(path=final, files=len(files), size=final.stat().st_size)


def prune_backups(destination: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups in `destination`."""
    backups = sorted(destination.glob("ppid-backup-*.tar"))
    removed = backups[:-keep] if keep > 0 else []
    for path in removed:
        path.unlink()
    return removed


# --- Restore -----------------------------------------------------------------------


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        member = archive.getmember("manifest.json")
    except KeyError:
        raise BackupError(
            "This file has no manifest.json: not a portal backup."
        ) from None
    manifest = json.load(archive.extractfile(member))
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def verify_archive(archive: tarfile.TarFile, manifest: dict) -> None:
    """Every member present, with the checksum the manifest says."""
    for name, expected in manifest["members"].items():
        try:
            handle = archive.extractfile(name)
        except KeyError:
            raise BackupError(f"{name} is missing from the backup.") from None
        if _sha256_stream(handle) != expected:
            raise BackupError(f"{name} is damaged: its checksum does not match.")


@dataclass
class RestoreResult:
    files: int
    mismatches: list[str]


def restore_backup(path: Path, *, allow_other_key: bool = False) -> RestoreResult:
    """Restore a backup into an EMPTY database and EMPTY file storage, then check
    counts, case numbers and every file's checksum against the manifest."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    with tarfile.open(path, "r") as archive:
        manifest = read_manifest(archive)
        verify_archive(archive, manifest)
        if manifest["key_fingerprint"] != key_fingerprint() and not allow_other_key:
            raise BackupError(
                "FIELD_ENCRYPTION_KEY is not the key this backup's files were "
                "encrypted with: set the original key (or pass --allow-other-key)."
            )
        if not database_is_empty():
            raise BackupError(
                "The database is not empty. Restore into a new, empty database "
                "(createdb), never over a running portal."
            )
        for area in AREAS:
            if next(walk(area_storage(area)), None) is not None:
                raise BackupError(
                    f"The {area} file storage is not empty. Restore into empty "
                    "folders (or an empty bucket prefix)."
                )
        with tempfile.TemporaryDirectory(prefix="ppid-restore-") as work:
            member = manifest["database"]["member"]
            archive.extract(member, work, filter="data")
            load_database(Path(work) / member)
        for entry in manifest["files"]:
            handle = archive.extractfile(f"files/{entry['area']}/{entry['name']}")
            storage = area_storage(entry["area"])
            saved = storage.save(entry["name"], ContentFile(handle.read()))
            if saved != entry["name"]:
                raise BackupError(f"{entry['name']} was stored as {saved}.")
    return RestoreResult(
        files=len(manifest["files"]), mismatches=check_restore(manifest)
    )


def check_restore(manifest: dict) -> list[str]:
    """Differences between the portal as it is now and the manifest."""
    problems = []
    facts = database_facts()
    for label, count in manifest["counts"].items():
        if facts["counts"].get(label) != count:
            problems.append(
                f"{label}: {facts['counts'].get(label)} rows, {count} expected"
            )
    if facts["numbers"] != manifest["numbers"]:
        problems.append("case numbers differ")
    for entry in manifest["files"]:
        storage = area_storage(entry["area"])
        with storage.open(entry["name"], "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
        if digest != entry["sha256"]:
            problems.append(f"files/{entry['area']}/{entry['name']}: checksum differs")
    return problems
