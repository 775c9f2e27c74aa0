"""A bare Django project on the portal's database: one view reading one indexed
row and rendering a small template (the baseline of bench/run.py)."""

import dj_database_url  # noqa: F401  (the portal's own parser, same database)

from ppid_portal.settings import DATABASES  # noqa: F401

SECRET_KEY = "bench-baseline-only"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.baseline.urls"
INSTALLED_APPS = []
MIDDLEWARE = []
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates"}]
USE_TZ = True
