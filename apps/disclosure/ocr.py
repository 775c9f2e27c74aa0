"""OCR of scanned register documents: OCRmyPDF with tesseract's Indonesian data
(Debian: ocrmypdf, tesseract-ocr, tesseract-ocr-ind), run as a command.

A PDF keeps the pages that already have text (--skip-text); an image becomes a
one-page PDF. The output has a text layer (searchable in any viewer) and a
sidecar text file, which the register's search indexes.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

OCR_MIMETYPES = {"application/pdf", "image/jpeg", "image/png", "image/webp"}
# Fewer letters than this a page: the PDF is taken for a scan.
SCANNED_CHARS_PER_PAGE = 20
LANGUAGES = "ind+eng"
INSTALL_HINT = "apt-get install ocrmypdf tesseract-ocr tesseract-ocr-ind"


class OcrUnavailable(RuntimeError):
    """OCRmyPDF or tesseract's Indonesian data is not installed."""


class OcrFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class OcrResult:
    pdf: bytes
    text: str


@functools.lru_cache(maxsize=1)
def availability() -> tuple[bool, str]:
    """(available, what is missing) — cached for the process."""
    if not getattr(settings, "OCR_ENABLED", True):
        return False, str(_("OCR is switched off (OCR_ENABLED=0)."))
    if shutil.which("ocrmypdf") is None:
        return False, str(_("OCRmyPDF is not installed (%(hint)s).")) % {
            "hint": INSTALL_HINT
        }
    if shutil.which("tesseract") is None:
        return False, str(_("tesseract is not installed (%(hint)s).")) % {
            "hint": INSTALL_HINT
        }
    try:
        languages = subprocess.run(
            ["tesseract", "--list-langs"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout.split()
    except (OSError, subprocess.TimeoutExpired):
        languages = []
    if "ind" not in languages:
        return False, str(_("tesseract has no Indonesian data (%(hint)s).")) % {
            "hint": INSTALL_HINT
        }
    return True, ""


def is_available() -> bool:
    return availability()[0]


def looks_scanned(*, content_type: str, text: str, page_count: int | None) -> bool:
    if content_type not in OCR_MIMETYPES:
        return False
    if content_type.startswith("image/"):
        return True
    return len(text.strip()) < SCANNED_CHARS_PER_PAGE * max(page_count or 1, 1)


def run(data: bytes, content_type: str, *, timeout: int | None = None) -> OcrResult:
    """OCR `data`; raises OcrUnavailable or OcrFailed."""
    available, missing = availability()
    if not available:
        raise OcrUnavailable(missing)
    timeout = timeout or getattr(settings, "OCR_TIMEOUT_SECONDS", 300)
    suffix = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
    with tempfile.TemporaryDirectory(prefix="ppid-ocr-") as folder:
        source = Path(folder) / f"in{suffix.get(content_type, '.img')}"
        if content_type == "image/webp":
            source = _webp_as_png(data, Path(folder))
        else:
            source.write_bytes(data)
        output, sidecar = Path(folder) / "out.pdf", Path(folder) / "out.txt"
        command = [
            "ocrmypdf",
            "-l",
            LANGUAGES,
            "--skip-text",
            "--output-type",
            "pdf",
            "--optimize",
            "0",
            "--sidecar",
            str(sidecar),
            "--quiet",
        ]
        if content_type.startswith("image/"):
            command += ["--image-dpi", "300"]
        command += [str(source), str(output)]
        try:
            finished = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired as error:
            raise OcrFailed(f"OCR took longer than {timeout} s") from error
        if finished.returncode != 0 or not output.exists():
            raise OcrFailed(
                (finished.stderr or "").strip()[-2000:] or f"exit {finished.returncode}"
            )
        text = sidecar.read_text(errors="replace") if sidecar.exists() else ""
        return OcrResult(pdf=output.read_bytes(), text=" ".join(text.split()))


def _webp_as_png(data: bytes, folder: Path) -> Path:
    import io

    from PIL import Image

    path = folder / "in.png"
    with Image.open(io.BytesIO(data)) as image:
        image.convert("RGB").save(path, "PNG", dpi=(300, 300))
    return path
