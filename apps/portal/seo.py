"""Sitemaps gathered from every app, robots.txt and the noindex decorator.

Any app may add `apps/<app>/sitemaps.py` with SITEMAPS = {"section": SitemapClass};
/sitemap.xml picks it up (like demo.py for load_demo).
"""

import importlib
from functools import wraps

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET

# Never indexed: the back office, the API, status pages reached with a private
# token, display switches and every form where people type personal data.
DISALLOWED_PATHS = (
    "/admin/",
    "/api/",
    "/permohonan/status/",
    "/permohonan/tanda-bukti/",
    "/permohonan/berkas/",
    "/pengaduan/status/",
    "/keberatan/status/",
    "/tampilan/",
    "/i18n/",
    "/captcha/",
)
FORM_URL_NAMES = (
    "info_requests:submit",
    "objections:submit",
    "complaints:submit",
)


def collect_sitemaps() -> dict[str, type[Sitemap]]:
    """{section: Sitemap class} from each app's sitemaps.py, in app order."""
    sitemaps: dict[str, type[Sitemap]] = {}
    for app_config in apps.get_app_configs():
        if not app_config.name.startswith("apps."):
            continue
        try:
            module = importlib.import_module(f"{app_config.name}.sitemaps")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app_config.name}.sitemaps":
                raise
            continue
        sitemaps.update(getattr(module, "SITEMAPS", {}))
    return sitemaps


def sitemap(request):
    return sitemap_views.sitemap(request, sitemaps=collect_sitemaps())


def disallowed_paths() -> list[str]:
    paths = list(DISALLOWED_PATHS)
    for name in FORM_URL_NAMES:
        try:
            paths.append(reverse(name))
        except NoReverseMatch:
            continue
    return list(dict.fromkeys(paths))


@require_GET
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in disallowed_paths()]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def noindex(view):
    """Keep a view's pages out of search engines (header and, in base.html, meta)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.noindex = True
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped
