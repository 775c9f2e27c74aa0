"""Settings of the PPID portal: one module, every deployment value from the environment.

Every variable is listed with a one-line comment in .env.example.
"""

import base64
import hashlib
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from ppid_portal.env import env, env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(a long random string) or run with DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set. Set ALLOWED_HOSTS to the comma-separated "
            "host names the portal is served under (e.g. ppid.kutaitimurkab.go.id)."
        )
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The public address of the portal, used in e-mails and letters (status links).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "apps.accounts.apps.PPIDAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "rest_framework",
    # API keys: apps.accounts.ApiToken (hashed), not rest_framework.authtoken.
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "captcha",
    # Officer login: lockout (axes) and two-factor devices (django-otp); CSP headers.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "apps.core",
    "apps.accounts",
    "apps.registers",
    "apps.info_requests",
    "apps.complaints",
    "apps.pages",
    "apps.objections",
    "apps.channels",
    "apps.letters",
    "apps.reports",
    "apps.disclosure",
    "apps.portal",
    "apps.api",
]

MIDDLEWARE = [
    # Request id, JSON access log line and request metrics (issue 17, item 5).
    "apps.core.observability.RequestObservabilityMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # 400 for input no text column can hold, 503 while the database is down.
    "apps.core.middleware.InputGuardMiddleware",
    "apps.core.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): was the session confirmed with a second factor?
    "django_otp.middleware.OTPMiddleware",
    "apps.accounts.middleware.TwoFactorGateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Content-Security-Policy and Permissions-Policy headers (issue 12, item 8).
    "apps.core.headers.PortalCSPMiddleware",
    "apps.core.headers.SecurityHeadersMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: turns a lockout noted during authentication into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ppid_portal.urls"
WSGI_APPLICATION = "ppid_portal.wsgi.application"
ASGI_APPLICATION = "ppid_portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.core.context_processors.body_profile",
            ],
        },
    },
]

# SQLite in the project folder by default; production sets postgres://...
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env("DB_CONN_MAX_AGE", default=0, cast=int),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Waiting for the write lock beats failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
]
LOGIN_URL = "admin:login"

# --- Officer login: lockout and two-factor (issue 12, item 5) ---------------
# Axes checks the lockout before the password; the address is apps.core.client's.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed logins per account (from any address) and per address (on any account)
# before both are locked for LOGIN_LOCKOUT_MINUTES; every further
# LOGIN_FAILURE_LIMIT failures within a day doubles the lock, up to 24 hours.
LOGIN_FAILURE_LIMIT = env("LOGIN_FAILURE_LIMIT", default=5, cast=int)
LOGIN_LOCKOUT_MINUTES = env("LOGIN_LOCKOUT_MINUTES", default=15, cast=int)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = "apps.accounts.lockout.cool_off"
AXES_USE_ATTEMPT_EXPIRATION = True  # each lock ends at its own time
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # the day's failures, for the back-off
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "apps.core.client.client_ip"
AXES_LOCKOUT_CALLABLE = "apps.accounts.lockout.lockout_response"
AXES_VERBOSE = False
# Never stored in an attempt's form data (a recovery code could be used again).
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token"]
# 1: officers sign in with a code from an authenticator app (TOTP) or a recovery
# code; without a device they are sent to enrol first. Default: on without DEBUG.
OFFICER_2FA_REQUIRED = env_bool("OFFICER_2FA_REQUIRED", default=not DEBUG)
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="PPID")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

CACHE_URL = env("CACHE_URL", default="")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="ppid"),
        }
    }
    # Several web processes or machines: sessions, rate limits and the
    # calendar-correction version live in this one Redis (issue 17, item 2).
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
elif CACHE_URL in ("", "locmem://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    raise ImproperlyConfigured(
        f"CACHE_URL must be empty, locmem:// or redis://..., not {CACHE_URL!r}."
    )

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", default="Asia/Makassar")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Private files (identity scans, minutes, letters) live outside MEDIA_ROOT and
# are only ever served through permission-checked views.
PRIVATE_MEDIA_ROOT = Path(
    env("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private_media"))
)
# --- Object storage (issue 17, item 3) ---------------------------------------
# local (default): files on this machine's disk (MEDIA_ROOT, PRIVATE_MEDIA_ROOT).
# s3: any S3-compatible store (MinIO, Ceph, a cloud bucket) through django-storages.
# Private files are then encrypted before upload and never get a URL; public files
# (the logo) get short-lived signed URLs, so the bucket itself stays private.
FILE_STORAGE = env("FILE_STORAGE", default="local")
if FILE_STORAGE not in ("local", "s3"):
    raise ImproperlyConfigured(
        f"FILE_STORAGE must be local or s3, not {FILE_STORAGE!r}."
    )
S3_BUCKET = env("S3_BUCKET", default="")
S3_ENDPOINT_URL = env("S3_ENDPOINT_URL", default="")
S3_REGION = env("S3_REGION", default="")
S3_ACCESS_KEY_ID = env("S3_ACCESS_KEY_ID", default="")
S3_SECRET_ACCESS_KEY = env("S3_SECRET_ACCESS_KEY", default="")
S3_ADDRESSING_STYLE = env("S3_ADDRESSING_STYLE", default="path")
# Key prefix inside the bucket ("" = its root), e.g. one bucket for two portals.
S3_PREFIX = env("S3_PREFIX", default="").strip("/")
if FILE_STORAGE == "s3" and not S3_BUCKET:
    raise ImproperlyConfigured("FILE_STORAGE=s3 needs S3_BUCKET.")
# Behind nginx: the internal location that serves PRIVATE_MEDIA_ROOT (deploy/nginx),
# e.g. /_private/. Checked views then answer with X-Accel-Redirect for plain private
# files on local disk; encrypted files are always decrypted and sent by Django.
PRIVATE_FILES_ACCEL_REDIRECT = env("PRIVATE_FILES_ACCEL_REDIRECT", default="")
STORAGES = {
    "default": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": S3_BUCKET,
                "endpoint_url": S3_ENDPOINT_URL or None,
                "region_name": S3_REGION or None,
                "access_key": S3_ACCESS_KEY_ID or None,
                "secret_key": S3_SECRET_ACCESS_KEY or None,
                "addressing_style": S3_ADDRESSING_STYLE or None,
                "signature_version": "s3v4",
                "location": "/".join(p for p in (S3_PREFIX, "media") if p),
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        }
        if FILE_STORAGE == "s3"
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("PLAIN_STATIC_STORAGE", default=False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10_485_760
MAX_UPLOAD_SIZE_MB = env("MAX_UPLOAD_SIZE_MB", default=10, cast=int)
# Registers (DIP): largest document an officer may attach, in megabytes.
REGISTERS_MAX_DOCUMENT_MB = env("REGISTERS_MAX_DOCUMENT_MB", default=25, cast=int)
# Registers: 1 lets a PPID Pelaksana publish their unit's items without the PPID Utama.
REGISTERS_PELAKSANA_MAY_PUBLISH = env_bool(
    "REGISTERS_PELAKSANA_MAY_PUBLISH", default=False
)
# OCR of scanned register documents (apps.disclosure.ocr: OCRmyPDF + tesseract-ind).
OCR_ENABLED = env_bool("OCR_ENABLED", default=True)
OCR_TIMEOUT_SECONDS = env("OCR_TIMEOUT_SECONDS", default=300, cast=int)

# Fernet key for files stored encrypted at rest (identity scans, powers of attorney).
FIELD_ENCRYPTION_KEY = env("FIELD_ENCRYPTION_KEY", default="")
if not FIELD_ENCRYPTION_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEY is not set. Generate one with: python -c "
            '"from cryptography.fernet import Fernet; '
            'print(Fernet.generate_key().decode())"'
        )
    # Local development only: a key derived from the development SECRET_KEY.
    FIELD_ENCRYPTION_KEY = base64.urlsafe_b64encode(
        hashlib.sha256(SECRET_KEY.encode()).digest()
    ).decode()

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default=(
        "django.core.mail.backends.console.EmailBackend"
        if DEBUG
        else "django.core.mail.backends.smtp.EmailBackend"
    ),
)
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env("EMAIL_PORT", default=25, cast=int)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="PPID <ppid@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: the immediate backend runs tasks in the request (no worker
# needed); TASKS_BACKEND=database queues them for `manage.py db_worker`.
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = env("TASKS_BACKEND", default="immediate")
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, "
        f"not {TASKS_BACKEND!r}."
    )
TASKS = {
    "default": {
        "BACKEND": _TASK_BACKENDS[TASKS_BACKEND],
        "QUEUES": ["default"],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "apps.accounts.tokens.HashedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Closed by default: each public endpoint says AllowAny itself (issue 12, item 8).
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "apps.core.drf.pagination.StandardPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PARSER_CLASSES": [
        "apps.core.drf.parsers.JSONParser",
        "apps.core.drf.parsers.FormParser",
        "apps.core.drf.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "apps.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "apps.core.drf.exceptions.exception_handler",
    "DEFAULT_VERSIONING_CLASS": None,
    "DEFAULT_THROTTLE_RATES": {"public_submit": None},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PPID Portal API",
    "DESCRIPTION": "Public information registers, requests, objections and complaints.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "RequestStatusEnum": "apps.info_requests.models.Status",
        "ComplaintStatusEnum": "apps.complaints.models.Status",
        # Requests and complaints share one list of channels (apps.core.intake).
        "ChannelEnum": "apps.core.intake.Channel",
    },
}

# Public forms and the anonymous API: submissions per client IP before a captcha
# (forms) or HTTP 429 (API). django-ratelimit rate syntax: "10/h", "100/d".
PUBLIC_FORM_RATE = env("PUBLIC_FORM_RATE", default="10/h")
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["public_submit"] = PUBLIC_FORM_RATE
RATELIMIT_USE_CACHE = "default"

# --- Client address (issue 12, item 4) --------------------------------------
# One rule for every reader of the client's address (form rate limits, API
# throttles, login lockout): apps.core.client.client_ip. 0 = no proxy, the client
# is REMOTE_ADDR; N = N reverse proxies append to X-Forwarded-For, the client is
# the N-th entry from the right. Never more than the proxies you run.
TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT", default=0, cast=int)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")
if env("RATELIMIT_IP_META_KEY", default=""):
    raise ImproperlyConfigured(
        "RATELIMIT_IP_META_KEY is no longer read: set TRUSTED_PROXY_COUNT to the "
        "number of reverse proxies in front of the portal (0 when none)."
    )
RATELIMIT_IP_META_KEY = "apps.core.client.client_ip"
REST_FRAMEWORK["NUM_PROXIES"] = TRUSTED_PROXY_COUNT
CAPTCHA_TEST_MODE = False
CAPTCHA_IMAGE_SIZE = (140, 44)
CAPTCHA_FONT_SIZE = 30

# Information requests. While a request awaits the applicant's completion the
# clock "continue"s from receipt (UU 14/2008 Pasal 22(7), default) or is
# "restart"ed from the completion date.
REQUEST_COMPLETION_CLOCK = env("REQUEST_COMPLETION_CLOCK", default="continue")
if REQUEST_COMPLETION_CLOCK not in ("continue", "restart"):
    raise ImproperlyConfigured("REQUEST_COMPLETION_CLOCK must be continue or restart.")
# Days a private download link of a document given to an applicant stays valid.
REQUEST_DOCUMENT_LINK_DAYS = env("REQUEST_DOCUMENT_LINK_DAYS", default=30, cast=int)

# Omnichannel inbox (apps.channels). A channel without its credentials is off.
# Meta (WhatsApp Cloud API, Messenger, Instagram): app secret signs webhooks,
# verify token answers the subscription handshake.
META_APP_SECRET = env("META_APP_SECRET", default="")
META_VERIFY_TOKEN = env("META_VERIFY_TOKEN", default="")
META_PAGE_TOKEN = env("META_PAGE_TOKEN", default="")
META_GRAPH_URL = env("META_GRAPH_URL", default="https://graph.facebook.com/v21.0")
WHATSAPP_TOKEN = env("WHATSAPP_TOKEN", default="")
WHATSAPP_PHONE_NUMBER_ID = env("WHATSAPP_PHONE_NUMBER_ID", default="")
TELEGRAM_BOT_TOKEN = env("TELEGRAM_BOT_TOKEN", default="")
TELEGRAM_SECRET_TOKEN = env("TELEGRAM_SECRET_TOKEN", default="")
TELEGRAM_API_URL = env("TELEGRAM_API_URL", default="https://api.telegram.org")
# The inbox's own address: e-mail arriving there (MTA pipe or IMAP) lands in the inbox.
# Notifications (apps.core.notify): a failed message is tried again after
# NOTIFY_RETRY_SECONDS, doubling each time, at most NOTIFY_MAX_ATTEMPTS times;
# the domain of the Message-ID recorded for each e-mail.
NOTIFY_MAX_ATTEMPTS = env("NOTIFY_MAX_ATTEMPTS", default=5, cast=int)
NOTIFY_RETRY_SECONDS = env("NOTIFY_RETRY_SECONDS", default=300, cast=int)
NOTIFY_MESSAGE_ID_DOMAIN = env(
    "NOTIFY_MESSAGE_ID_DOMAIN", default=urlsplit(SITE_URL).hostname or "localhost"
)
CHANNELS_EMAIL_ADDRESS = env("CHANNELS_EMAIL_ADDRESS", default="")
IMAP_HOST = env("IMAP_HOST", default="")
IMAP_PORT = env("IMAP_PORT", default=993, cast=int)
IMAP_USER = env("IMAP_USER", default="")
IMAP_PASSWORD = env("IMAP_PASSWORD", default="")
IMAP_USE_SSL = env_bool("IMAP_USE_SSL", default=True)
IMAP_FOLDER = env("IMAP_FOLDER", default="INBOX")
# Largest webhook body accepted (HTTP 413 above) and largest e-mail read, in KB.
CHANNELS_MAX_PAYLOAD_KB = env("CHANNELS_MAX_PAYLOAD_KB", default=512, cast=int)
CHANNELS_MAX_EMAIL_KB = env("CHANNELS_MAX_EMAIL_KB", default=30720, cast=int)
# Outbound: tries per message (timeouts, 429, 5xx) and the first backoff in seconds
# (doubling each time); seconds before a provider call times out.
CHANNELS_SEND_ATTEMPTS = env("CHANNELS_SEND_ATTEMPTS", default=4, cast=int)
CHANNELS_SEND_BACKOFF_SECONDS = env(
    "CHANNELS_SEND_BACKOFF_SECONDS", default=2.0, cast=float
)
CHANNELS_HTTP_TIMEOUT = env("CHANNELS_HTTP_TIMEOUT", default=10.0, cast=float)
# Attachments are fetched from links the sender or provider chose (apps.core.fetch):
# https to public addresses only, at most MAX_UPLOAD_SIZE_MB, and at most this many
# seconds for the whole download (redirects included).
CHANNELS_MEDIA_TOTAL_TIMEOUT = env(
    "CHANNELS_MEDIA_TOTAL_TIMEOUT", default=60.0, cast=float
)
# Exact "ip:port" endpoints exempt from that rule: the test suite's local fake
# providers only. Deliberately not read from the environment.
CHANNELS_MEDIA_TEST_ENDPOINTS: list[str] = []

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https")
    if env_bool("BEHIND_TLS_PROXY", default=False)
    else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# --- Headers and transport (issue 12, item 8) -------------------------------
# HTTPS only: redirect plain HTTP and tell browsers to stay on HTTPS (HSTS).
# Off for `make run`; on in the documented production settings (README).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=False)
# Load balancers and monitoring probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^livez$"]
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS", default=0, cast=int)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool(
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False
)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The language cookie follows the session cookie: HTTPS only (not DEBUG), Lax.
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A failed CSRF check answers with the site's Indonesian page (templates/403_csrf.html).
CSRF_FAILURE_VIEW = "apps.core.http_errors.csrf_failure"
# Content-Security-Policy (django-csp): nothing inline, nothing from elsewhere.
# The public pages and the admin load scripts, styles, fonts and images from the
# portal itself only; data: images are Bootstrap's inline SVG icons in its CSS.
# apps.core.headers relaxes style-src for the admin and the API docs only.
_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_NONE],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "manifest-src": [_SELF],
        "form-action": [_SELF],
        "frame-ancestors": [_NONE],
        "base-uri": [_NONE],
        "object-src": [_NONE],
    }
}
# Browser features the portal never uses are switched off for every page.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "browsing-topics",
    )
)

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# --- Logs, metrics, health (issue 17, item 5) --------------------------------
# json: one JSON object a line with the request id (default without DEBUG);
# text: plain lines (make run). NIKs, e-mail addresses and phones are masked.
LOG_FORMAT = env("LOG_FORMAT", default="text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured("LOG_FORMAT must be json or text.")
# /metrics: Prometheus scrapes with "Authorization: Bearer <METRICS_TOKEN>", or from
# one of METRICS_ALLOWED_IPS (client address as apps.core.client reads it); else 404.
METRICS_TOKEN = env("METRICS_TOKEN", default="")
METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS")
# /healthz says "degraded" when the oldest waiting task has waited longer (seconds).
HEALTHZ_MAX_QUEUE_LAG_SECONDS = env(
    "HEALTHZ_MAX_QUEUE_LAG_SECONDS", default=300, cast=int
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "apps.core.observability.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "apps.core.observability.JsonFormatter"},
        "text": {
            "()": "apps.core.observability.TextFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Django's own request log repeats ppid.request's lines (and the path).
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "django_tasks": {"level": env("TASK_LOG_LEVEL", default="WARNING")},
        # Lockouts are warnings; every attempt would be noise.
        "axes": {"level": "WARNING"},
    },
}
