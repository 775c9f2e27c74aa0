"""Uploads: content-checked, size-limited, kept private (and encrypted where personal).

Private files live under PRIVATE_MEDIA_ROOT, have no URL and are only served by
views that check permission first (`private_file_response`).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

import filetype
from cryptography.fernet import Fernet, InvalidToken

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse
from django.utils.deconstruct import deconstructible
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


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT: no public URL, read through checked views."""

    def __init__(self, subdir: str = ""):
        self.subdir = subdir
        super().__init__()

    @property
    def base_location(self):
        return os.path.join(settings.PRIVATE_MEDIA_ROOT, self.subdir)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError(
            "Private files have no URL; serve them through a checked view."
        )


def _fernet() -> Fernet:
    return Fernet(settings.FIELD_ENCRYPTION_KEY.encode())


@deconstructible
class EncryptedPrivateStorage(PrivateStorage):
    """Private storage encrypting content at rest (Fernet, FIELD_ENCRYPTION_KEY)."""

    def _save(self, name, content):
        content.seek(0)
        token = _fernet().encrypt(content.read())
        return super()._save(name, ContentFile(token))

    def _open(self, name, mode="rb"):
        with super()._open(name, "rb") as handle:
            token = handle.read()
        try:
            data = _fernet().decrypt(token)
        except InvalidToken as exc:
            raise ValueError(
                f"{name} cannot be decrypted with FIELD_ENCRYPTION_KEY."
            ) from exc
        return ContentFile(data, name=name)


private_storage = PrivateStorage()
encrypted_storage = EncryptedPrivateStorage("encrypted")


def private_file_response(fieldfile, *, filename: str, as_attachment: bool = True):
    """Stream a private (or encrypted) file; call only after checking permission."""
    mimetype = None
    handle = fieldfile.storage.open(fieldfile.name, "rb")
    head = handle.read(8192)
    handle.seek(0)
    kind = filetype.guess(head)
    if kind is not None:
        mimetype = kind.mime
    response = FileResponse(
        handle,
        as_attachment=as_attachment,
        filename=filename,
        content_type=mimetype or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
