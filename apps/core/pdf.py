"""PDF letters and reports (WeasyPrint) on the body's letterhead (templates/pdf/)."""

from pathlib import Path

from weasyprint import HTML

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from apps.core.models import BodyProfile


def render_pdf(
    template_name: str, context: dict, *, language: str | None = None
) -> bytes:
    """Render a template extending pdf/letter.html (or pdf/report.html) to PDF bytes."""
    profile = BodyProfile.load()
    logo_uri = ""
    if profile.logo and Path(profile.logo.path).exists():
        logo_uri = Path(profile.logo.path).as_uri()
    with translation.override(language or translation.get_language() or "id"):
        html = render_to_string(
            template_name, {"body": profile, "logo_uri": logo_uri, **context}
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
