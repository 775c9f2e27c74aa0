"""PDF letters and reports (WeasyPrint) on the body's letterhead (templates/pdf/).

Official documents (letters, receipts, registers, the annual report) are always
in Indonesian, whatever language the officer's browser or API client asks for:
they go to Indonesian citizens and into the body's archive. `render_pdf` renders
its template in OFFICIAL_LANGUAGE, and `official_document` does the same for a
whole producer, so that text composed in Python before the template (register
rows, column titles, choice labels, dates) is Indonesian too.
"""

import functools
from pathlib import Path

from weasyprint import HTML

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from apps.core.models import BodyProfile

OFFICIAL_LANGUAGE = "id"


def official_document(func):
    """Run `func` (a producer of an official document) in OFFICIAL_LANGUAGE.

    A fresh translation.override per call, so nested producers (the dispute
    bundle renders receipts) restore the caller's language correctly."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with translation.override(OFFICIAL_LANGUAGE):
            return func(*args, **kwargs)

    return wrapper


@official_document
def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a template extending pdf/base.html to PDF bytes, in Indonesian."""
    profile = BodyProfile.load()
    logo_uri = ""
    if profile.logo and Path(profile.logo.path).exists():
        logo_uri = Path(profile.logo.path).as_uri()
    html = render_to_string(
        template_name,
        {
            "body": profile,
            "logo_uri": logo_uri,
            "LANGUAGE_CODE": OFFICIAL_LANGUAGE,
            **context,
        },
    )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def column_widths(weights) -> list[str]:
    """CSS widths ("12.50%") of a table's columns from relative weights.

    Made here, not in the template: a number formatted by the template would
    take the Indonesian decimal comma, which CSS does not read."""
    total = sum(weights)
    return [f"{100 * weight / total:.2f}%" for weight in weights]
