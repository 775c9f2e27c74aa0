"""Uploads: content-checked, size-limited, kept private (and encrypted where personal).

Private files live under PRIVATE_MEDIA_ROOT (or in an S3 bucket, encrypted), have
no URL and are only served by views that check permission first
(`private_file_response`).
"""

from __future__ import annotations

import functools
import hashlib
import os
from dataclasses import dataclass
from urllib.parse import quote

import filetype
from cryptography.fernet import Fernet, InvalidToken

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage
from django.http import FileResponse, HttpResponse
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileKind:
    label: str
    extensions: frozenset[str]
    mimetypes: frozenset[str]


PDF = FileKind(_("PDF"), frozenset({"pdf"}), frozenset({"application/pdf"}))
IMAGE = FileKind(
    _("image (JPEG, PNG, WebP)"),
    frozenset({"jpg", "jpeg", "png", "webp"}),
    frozenset({"image/jpeg", "image/png", "image/webp"}),
)
OFFICE = FileKind(
    _("office document (Word, Excel, PowerPoint, OpenDocument)"),
    frozenset({"doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp"}),
    frozenset(
        {
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
        }
    ),
)
IDENTITY_KINDS = (PDF, IMAGE)
DOCUMENT_KINDS = (PDF, OFFICE, IMAGE)


@dataclass(frozen=True)
class CheckedUpload:
    mimetype: str
    extension: str
    size: int
    sha256: str


def sniff(upload) -> tuple[str, str] | None:
    """(mimetype, extension) from the file's content, never from its name."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None:
        return None
    return kind.mime, kind.extension


def validate_upload(
    upload,
    kinds=DOCUMENT_KINDS,
    max_mb: int | None = None,
    *,
    strip_pdf_metadata: bool = False,
) -> CheckedUpload:
    """Refuse a file whose content is not one of `kinds` or that is too large.

    An accepted image loses its metadata here (EXIF, XMP...: see scrub.py), in
    place, so whatever the caller stores next is clean; so does a PDF when
    `strip_pdf_metadata` (anonymous and confidential reports)."""
    limit_mb = max_mb or settings.MAX_UPLOAD_SIZE_MB
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.") % {"limit": limit_mb},
            code="file_too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="file_empty")
    sniffed = sniff(upload)
    allowed = ", ".join(str(kind.label) for kind in kinds)
    if sniffed is None or not any(sniffed[0] in k.mimetypes for k in kinds):
        raise ValidationError(
            _("This file type is not accepted. Accepted: %(allowed)s.")
            % {"allowed": allowed},
            code="file_type",
        )
    scrub_upload(upload, sniffed[0], pdf=strip_pdf_metadata)
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(65536), b""):
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(
        mimetype=sniffed[0],
        extension=sniffed[1],
        size=upload.size,
        sha256=digest.hexdigest(),
    )


# --- Metadata removal (issue 12, item 7) -----------------------------------------


def scrub_upload(upload, mimetype: str, *, pdf: bool = False) -> None:
    """Re-write `upload` in place without its metadata (images always, PDFs when
    `pdf`); a file with none is left untouched. Raises ValidationError for an
    image that cannot be read or is too large to decode."""
    from apps.core import scrub

    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if mimetype in scrub.IMAGE_FORMATS:
        cleaned = scrub.strip_image_metadata(data, mimetype)
    elif mimetype == "application/pdf" and pdf:
        cleaned = scrub.strip_pdf_metadata(data)
    else:
        cleaned = None
    if cleaned is not None:
        _replace_content(upload, cleaned)


def _replace_content(upload, data: bytes) -> None:
    handle = upload.file
    try:
        # Same file object: a TemporaryUploadedFile keeps its temporary path.
        handle.seek(0)
        handle.truncate()
        handle.write(data)
        handle.flush()
        handle.seek(0)
    except (AttributeError, OSError, ValueError):
        import io

        upload.file = io.BytesIO(data)
    upload.size = len(data)


# --- end of metadata removal -------------------------------------------------------


# --- Where private files live: local disk (default) or an S3 bucket (issue 17) ---
#
# The storage classes stay the ones the migrations name; each picks its backend
# from the settings when used (tests switch folders and backends per test):
# FileSystemStorage under PRIVATE_MEDIA_ROOT, or S3Storage under the bucket's
# "private/" prefix. On S3 every private file is encrypted before it leaves the
# server and no private file ever has a URL (no public, no presigned link).


def s3_options(*, location: str) -> dict:
    """django-storages' S3Storage options of FILE_STORAGE=s3 (settings.S3_*)."""
    return {
        "bucket_name": settings.S3_BUCKET,
        "endpoint_url": settings.S3_ENDPOINT_URL or None,
        "region_name": settings.S3_REGION or None,
        "access_key": settings.S3_ACCESS_KEY_ID or None,
        "secret_key": settings.S3_SECRET_ACCESS_KEY or None,
        "addressing_style": settings.S3_ADDRESSING_STYLE or None,
        "signature_version": "s3v4",
        "location": location,
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }


@functools.lru_cache(maxsize=64)
def _backend_for(kind: str, root: str, subdir: str, options: tuple):
    if kind == "s3":
        from storages.backends.s3 import S3Storage

        prefix = "/".join(part for part in (root, "private", subdir) if part)
        return S3Storage(**s3_options(location=prefix))
    return FileSystemStorage(location=os.path.abspath(os.path.join(root, subdir)))


def uses_object_storage() -> bool:
    return settings.FILE_STORAGE == "s3"


@deconstructible
class PrivateStorage(Storage):
    """Private files: no URL, read through checked views only."""

    # Encrypted on S3 always; on local disk only in EncryptedPrivateStorage.
    always_encrypted = False

    def __init__(self, subdir: str = ""):
        self.subdir = subdir

    @property
    def backend(self) -> Storage:
        if uses_object_storage():
            options = tuple(sorted(s3_options(location="").items()))
            return _backend_for("s3", settings.S3_PREFIX, self.subdir, options)
        return _backend_for("local", str(settings.PRIVATE_MEDIA_ROOT), self.subdir, ())

    @property
    def encrypts(self) -> bool:
        return self.always_encrypted or uses_object_storage()

    @property
    def location(self) -> str:
        return os.path.abspath(os.path.join(settings.PRIVATE_MEDIA_ROOT, self.subdir))

    def _save(self, name, content):
        if self.encrypts:
            content.seek(0)
            content = ContentFile(_fernet().encrypt(content.read()))
        return self.backend._save(name, content)

    def _open(self, name, mode="rb"):
        if not self.encrypts:
            return self.backend._open(name, mode)
        with self.backend._open(name, "rb") as handle:
            token = handle.read()
        try:
            data = _fernet().decrypt(token)
        except InvalidToken as exc:
            raise ValueError(
                f"{name} cannot be decrypted with FIELD_ENCRYPTION_KEY."
            ) from exc
        return ContentFile(data, name=name)

    def delete(self, name):
        return self.backend.delete(name)

    def exists(self, name):
        return self.backend.exists(name)

    def listdir(self, path):
        return self.backend.listdir(path)

    def size(self, name):
        if self.encrypts:
            with self._open(name) as handle:
                return len(handle.read())
        return self.backend.size(name)

    def path(self, name):
        return self.backend.path(name)

    def get_modified_time(self, name):
        return self.backend.get_modified_time(name)

    def get_created_time(self, name):
        return self.backend.get_created_time(name)

    def get_accessed_time(self, name):
        return self.backend.get_accessed_time(name)

    def get_alternative_name(self, file_root, file_ext):
        return self.backend.get_alternative_name(file_root, file_ext)

    def url(self, name):
        raise ValueError(
            "Private files have no URL; serve them through a checked view."
        )

    def accel_path(self, name) -> str | None:
        """The internal nginx location of this file (X-Accel-Redirect), or None
        when Django must send it itself: encrypted (Django decrypts), on object
        storage, or PRIVATE_FILES_ACCEL_REDIRECT unset (no nginx in front)."""
        prefix = settings.PRIVATE_FILES_ACCEL_REDIRECT
        if not prefix or self.encrypts:
            return None
        relative = "/".join(part for part in (self.subdir, name) if part)
        return prefix.rstrip("/") + "/" + quote(relative)


def _fernet() -> Fernet:
    return Fernet(settings.FIELD_ENCRYPTION_KEY.encode())


@deconstructible
class EncryptedPrivateStorage(PrivateStorage):
    """Private storage encrypting content at rest (Fernet, FIELD_ENCRYPTION_KEY)."""

    always_encrypted = True


private_storage = PrivateStorage()
encrypted_storage = EncryptedPrivateStorage("encrypted")


def private_file_response(fieldfile, *, filename: str, as_attachment: bool = True):
    """Send a private (or encrypted) file; call only after checking permission.

    Behind nginx (PRIVATE_FILES_ACCEL_REDIRECT set) a plain file on local disk is
    sent by nginx from its internal location (X-Accel-Redirect), so a large
    download holds no Python worker; otherwise Django streams it."""
    storage = fieldfile.storage
    handle = storage.open(fieldfile.name, "rb")
    head = handle.read(8192)
    handle.seek(0)
    kind = filetype.guess(head)
    content_type = kind.mime if kind is not None else "application/octet-stream"
    accel = (
        storage.accel_path(fieldfile.name) if hasattr(storage, "accel_path") else None
    )
    if accel:
        handle.close()
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel
        response["Content-Disposition"] = content_disposition_header(
            as_attachment, filename
        )
    else:
        response = FileResponse(
            handle,
            as_attachment=as_attachment,
            filename=filename,
            content_type=content_type,
        )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
