"""Re-writing files already on disk encrypted (or back to plain) in place, for the
data migrations that move a FileField to EncryptedPrivateStorage and for
`manage.py encrypt_private_files`.

A file is recognised by its content: one that FIELD_ENCRYPTION_KEY decrypts is
already encrypted and left alone, so running twice (or after a partial run) is
safe. Each file is replaced atomically (written beside it, then renamed), so a
crash leaves either the old or the new content, never half of it. File system
storages only (PRIVATE_MEDIA_ROOT).
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken

from django.conf import settings

logger = logging.getLogger(__name__)


@dataclass
class RewriteCount:
    rewritten: int = 0
    unchanged: int = 0
    missing: int = 0


def _fernet() -> Fernet:
    return Fernet(settings.FIELD_ENCRYPTION_KEY.encode())


def is_encrypted(data: bytes) -> bool:
    try:
        _fernet().decrypt(data)
    except InvalidToken:
        return False
    return True


def _replace(path: str, data: bytes) -> None:
    directory = os.path.dirname(path)
    mode = os.stat(path).st_mode & 0o777
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".rewrite-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def rewrite_file(path: str, *, encrypt: bool) -> bool | None:
    """Encrypt (or decrypt) one file in place; True if rewritten, False if it
    already was, None if it is missing."""
    if not os.path.isfile(path):
        return None
    with open(path, "rb") as handle:
        data = handle.read()
    fernet = _fernet()
    try:
        plain = fernet.decrypt(data)
    except InvalidToken:
        plain = None
    if encrypt:
        if plain is not None:
            return False
        _replace(path, fernet.encrypt(data))
        return True
    if plain is None:
        return False
    _replace(path, plain)
    return True


def rewrite_field_files(
    model, field_name: str, *, encrypt: bool, also=()
) -> RewriteCount:
    """Every distinct file named in `field_name` of `model` (and of the models in
    `also`, e.g. its historical model, whose column holds names in the same
    storage), rewritten in place in `model`'s storage for that field."""
    storage = model._meta.get_field(field_name).storage
    count = RewriteCount()
    seen = set()
    for source in (model, *also):
        if not any(f.name == field_name for f in source._meta.get_fields()):
            continue  # a historical model that leaves the file out
        names = (
            source._default_manager.exclude(**{f"{field_name}__isnull": True})
            .exclude(**{field_name: ""})
            .values_list(field_name, flat=True)
            .distinct()
        )
        for name in names.iterator():
            path = storage.path(name)
            if path in seen:
                continue
            seen.add(path)
            result = rewrite_file(path, encrypt=encrypt)
            if result is None:
                count.missing += 1
                logger.warning("%s: %s is missing on disk.", source.__name__, name)
            elif result:
                count.rewritten += 1
            else:
                count.unchanged += 1
    return count


def migration_operations(app_label: str, model_name: str, field_name: str):
    """(forward, backward) RunPython functions encrypting (decrypting) the files of
    one field, its historical model's names included when there is one."""

    def run(apps, encrypt):
        model = apps.get_model(app_label, model_name)
        try:
            also = [apps.get_model(app_label, f"Historical{model_name}")]
        except LookupError:
            also = []
        rewrite_field_files(model, field_name, encrypt=encrypt, also=also)

    def forward(apps, schema_editor):
        run(apps, encrypt=True)

    def backward(apps, schema_editor):
        run(apps, encrypt=False)

    return forward, backward
