"""Removing what an upload says about its author: EXIF (GPS position, device,
owner's name, time), XMP, IPTC, comments and text chunks of images; the document
information and XMP of PDFs.

Images (JPEG, PNG, WebP) are inspected segment by segment; one carrying anything
beyond pixels, colour profile and resolution is decoded and re-encoded by Pillow
without it, with the EXIF orientation applied to the pixels first (so the photo
stays upright). A clean image is kept byte for byte. Before decoding, the pixel
count is checked against MAX_IMAGE_PIXELS so a small file cannot expand into
gigabytes (Pillow's decompression-bomb guard, made an error here).

PDFs are rewritten by pypdf without /Info and /Metadata (document and page level)
only where the caller asks: rewriting breaks a digital signature, so it is done
for anonymous and confidential complaints, not for official documents.
"""

from __future__ import annotations

import io
import logging
import struct
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# 40 megapixels: above any phone's default photo size (12-50 MP binned), and about
# 160 MB decoded; a larger image is refused rather than decoded.
MAX_IMAGE_PIXELS = 40_000_000

IMAGE_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}

# Segments that carry nothing about the author.
JPEG_KEPT_APP = (
    (0xE0, b"JFIF\0"),
    (0xE0, b"JFXX\0"),
    (0xE2, b"ICC_PROFILE\0"),
    (0xEE, b"Adobe"),
)
PNG_KEPT_CHUNKS = {
    b"IHDR",
    b"PLTE",
    b"IDAT",
    b"IEND",
    b"tRNS",
    b"gAMA",
    b"cHRM",
    b"sRGB",
    b"iCCP",
    b"pHYs",
    b"sBIT",
    b"bKGD",
    b"acTL",
    b"fcTL",
    b"fdAT",
}
WEBP_KEPT_CHUNKS = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}


def _image_too_large() -> ValidationError:
    return ValidationError(
        _(
            "The image is too large (more than %(megapixels)s megapixels). "
            "Send a smaller photo or scan."
        )
        % {"megapixels": MAX_IMAGE_PIXELS // 1_000_000},
        code="image_too_large",
    )


def _image_unreadable() -> ValidationError:
    return ValidationError(
        _("The image cannot be read. Send it again as JPEG, PNG or WebP."),
        code="image_unreadable",
    )


def _jpeg_has_metadata(data: bytes) -> bool:
    position = 2  # after SOI
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return True  # not a marker where one must be: rewrite to be safe
        marker = data[position + 1]
        if marker == 0xFF:
            position += 1
            continue
        if marker == 0xDA:  # start of scan: the header is over
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        body = data[position + 4 : position + 2 + length]
        if marker == 0xFE:  # COM
            return True
        if 0xE0 <= marker <= 0xEF and not any(
            marker == kept and body.startswith(prefix) for kept, prefix in JPEG_KEPT_APP
        ):
            return True
        position += 2 + length
    # Anything after the end-of-image marker (a trailer, a second picture, a
    # motion-photo video) goes too.
    return not data.rstrip(b"\0\r\n ").endswith(b"\xff\xd9")


def _png_has_metadata(data: bytes) -> bool:
    position = 8
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        if kind not in PNG_KEPT_CHUNKS:
            return True
        position += 12 + length
        if kind == b"IEND":
            return position < len(data.rstrip(b"\0"))
    return True


def _webp_chunks(data: bytes) -> list[bytes]:
    kinds, position = [], 12
    while position + 8 <= len(data):
        kind, length = struct.unpack("<4sI", data[position : position + 8])
        kinds.append(kind)
        position += 8 + length + (length & 1)
    return kinds


def _webp_has_metadata(data: bytes) -> bool:
    return any(kind not in WEBP_KEPT_CHUNKS for kind in _webp_chunks(data))


def image_has_metadata(data: bytes, mimetype: str) -> bool:
    try:
        return {
            "image/jpeg": _jpeg_has_metadata,
            "image/png": _png_has_metadata,
            "image/webp": _webp_has_metadata,
        }[mimetype](data)
    except struct.error:
        return True


def strip_image_metadata(data: bytes, mimetype: str) -> bytes | None:
    """The image re-encoded without metadata, or None when it has none (keep the
    original). Raises ValidationError for an unreadable or oversized image."""
    if mimetype not in IMAGE_FORMATS or not image_has_metadata(data, mimetype):
        return None
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise _image_too_large()
            image.load()
            lossless = mimetype == "image/webp" and b"VP8L" in _webp_chunks(data)
            return _reencode(image, IMAGE_FORMATS[mimetype], lossless=lossless)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _image_too_large() from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise _image_unreadable() from None


def _reencode(image, target: str, *, lossless: bool) -> bytes:
    from PIL import ImageOps

    info = dict(image.info)
    animated = getattr(image, "n_frames", 1) > 1 and target in ("PNG", "WEBP")
    options: dict = {}
    if info.get("icc_profile"):
        options["icc_profile"] = info["icc_profile"]
    if info.get("dpi"):
        options["dpi"] = info["dpi"]
    orientation = image.getexif().get(0x0112, 1)
    if animated:
        source = image
        options.update(save_all=True, duration=info.get("duration", 0))
        if "loop" in info:
            options["loop"] = info["loop"]
    elif orientation not in (None, 1):
        source = ImageOps.exif_transpose(image)
    else:
        source = image
    if target == "JPEG":
        if source is image and image.format in ("JPEG", "MPO"):
            # The same quantisation: no visible loss from re-encoding.
            options.update(quality="keep", subsampling="keep")
        else:
            options["quality"] = 92
        if source.mode not in ("RGB", "L", "CMYK"):
            source = source.convert("RGB")
    elif target == "PNG":
        if "transparency" in info:
            options["transparency"] = info["transparency"]
    elif target == "WEBP":
        options["lossless"] = lossless
        options["quality"] = 100 if lossless else 90
    # Nothing of the original's info (comment, XMP, EXIF...) may flow into save().
    source.info = {}
    out = io.BytesIO()
    source.save(out, format=target, **options)
    return out.getvalue()


# PDFs -----------------------------------------------------------------------------


def pdf_has_metadata(data: bytes) -> bool:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return False  # cannot rewrite without the password: kept as sent
        root = reader.trailer["/Root"]
        return (
            "/Info" in reader.trailer
            or "/Metadata" in root
            or any("/Metadata" in page or "/PieceInfo" in page for page in reader.pages)
        )
    except Exception:  # noqa: BLE001 - a damaged PDF is kept as sent
        return False


def strip_pdf_metadata(data: bytes) -> bytes | None:
    """The PDF rewritten without document information and XMP metadata, or None
    when there is nothing to remove or it cannot be rewritten (encrypted,
    damaged): then it is kept as sent."""
    if not pdf_has_metadata(data):
        return None
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    try:
        reader = PdfReader(io.BytesIO(data))
        writer = PdfWriter(clone_from=reader)
        writer.pdf_header = reader.pdf_header  # keep the declared PDF version
        writer.metadata = None
        writer.xmp_metadata = None
        for page in writer.pages:
            for key in ("/Metadata", "/PieceInfo"):
                if key in page:
                    del page[NameObject(key)]
        # The old /Info and XMP objects are orphans now: leave them out.
        writer.compress_identical_objects(
            remove_duplicates=False, remove_unreferenced=True
        )
        out = io.BytesIO()
        writer.write(out)
    except Exception:  # noqa: BLE001 - a damaged PDF is kept as sent
        logger.warning("Could not remove the metadata of a PDF upload")
        return None
    return out.getvalue()
