"""Django settings. Every value from the environment comes through `config.read_config()`.

Two modes:
- embedded (DATABASE_URL unset): SQLite under SMEX_DATA_DIR, DEBUG on by default,
  a secret key generated once into SMEX_DATA_DIR/secret_key. This is what
  `smex demo` and the test suite use.
- deployed (DATABASE_URL set): DEBUG off by default and a real SECRET_KEY required.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from smexchange.config import ConfigError, read_config

CONFIG = read_config()
PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(CONFIG["SMEX_DATA_DIR"]).resolve()
EMBEDDED = CONFIG["DATABASE_URL"] is None
DEBUG = CONFIG["DEBUG"] if CONFIG["DEBUG"] is not None else EMBEDDED

INSECURE_KEY_PREFIX = "django-insecure"


def _secret_key() -> str:
    key = CONFIG["SECRET_KEY"]
    if key:
        if not (DEBUG or EMBEDDED) and (len(key) < 50 or key.startswith(INSECURE_KEY_PREFIX)):
            raise ConfigError("SECRET_KEY is too weak for production (use 50+ random characters)")
        return str(key)
    if not EMBEDDED:
        raise ConfigError("SECRET_KEY is not set; it is required when DATABASE_URL is set")
    # The embedded mode keeps one generated key so that sessions survive restarts.
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

if CONFIG["ALLOWED_HOSTS"] is not None:
    ALLOWED_HOSTS = CONFIG["ALLOWED_HOSTS"]
elif EMBEDDED or DEBUG:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    raise ConfigError("ALLOWED_HOSTS is not set; it is required when DATABASE_URL is set")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "rules.apps.AutodiscoverRulesConfig",
    "smexchange.common",
    "smexchange.directory",
    "smexchange.events",
    "smexchange.matchmaking",
    "smexchange.outcomes",
    "smexchange.awards",
    "smexchange.imports",
    "smexchange.accounts",
    "smexchange.reports",
    "smexchange.web",
    "smexchange.demo",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "smexchange.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "smexchange.common.headers.SecurityHeadersMiddleware",
    "smexchange.common.audit.AuditContextMiddleware",
    "smexchange.common.middleware.ConflictMiddleware",
]

ROOT_URLCONF = "smexchange.urls"
WSGI_APPLICATION = "smexchange.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if EMBEDDED:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "smex.sqlite3"),
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL;",
            },
        }
    }
else:
    DATABASES = {
        "default": dj_database_url.parse(CONFIG["DATABASE_URL"], conn_max_age=60, conn_health_checks=True)
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Services that lock rows give up waiting after this long (PostgreSQL), answering 503 + Retry-After.
LOCK_TIMEOUT_MS = 3000

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "web:home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
# Failed log-ins are throttled by smexchange.accounts (in the database, with a 429 and Retry-After);
# allauth's own limits on sending mail (password reset, confirmation) stay on.
ACCOUNT_RATE_LIMITS = {"login_failed": False}
ACCOUNT_ADAPTER = "smexchange.accounts.adapter.AccountAdapter"
# `limit` failed log-ins within `window` seconds lock the account (or the address) for `lockout` seconds.
# Proxies that append the client's address to X-Forwarded-For (smexchange.common.audit.client_ip).
SMEX_PROXY_COUNT = CONFIG["SMEX_PROXY_COUNT"]
SMEX_LOGIN_THROTTLE = {
    "account": {"limit": 5, "window": 900, "lockout": 900},
    "ip": {"limit": 20, "window": 900, "lockout": 900},
}
# At most this many meeting requests sent by one participant in this many seconds.
SMEX_MEETING_REQUEST_RATE = (30, 600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# Agreement documents: outside MEDIA_ROOT, never served as static files, only through a view that checks access.
PRIVATE_MEDIA_ROOT = DATA_DIR / "private"
AGREEMENT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# The demo server runs without collectstatic; whitenoise then serves from the finders.
WHITENOISE_USE_FINDERS = DEBUG or EMBEDDED
WHITENOISE_AUTOREFRESH = DEBUG

CELERY_BROKER_URL = CONFIG["CELERY_BROKER_URL"]
CELERY_TASK_ACKS_LATE = True  # a worker that dies mid-job leaves the message for another worker
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Without a broker, jobs run in a thread of the web process; tests run them inline.
JOBS_INLINE = False

if CONFIG["EMAIL_HOST"]:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = CONFIG["EMAIL_HOST"]
    EMAIL_PORT = CONFIG["EMAIL_PORT"]
    EMAIL_HOST_USER = CONFIG["EMAIL_HOST_USER"]
    EMAIL_HOST_PASSWORD = CONFIG["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS = CONFIG["EMAIL_USE_TLS"]
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = CONFIG["DEFAULT_FROM_EMAIL"]

SECURE_CONTENT_TYPE_NOSNIFF = True
# Scripts and styles from the site only: no inline script, style or event handler anywhere.
SMEX_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = not EMBEDDED
    SESSION_COOKIE_SECURE = not EMBEDDED
    CSRF_COOKIE_SECURE = not EMBEDDED
    SECURE_HSTS_SECONDS = 0 if EMBEDDED else 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = not EMBEDDED
    SECURE_HSTS_PRELOAD = not EMBEDDED

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # The token scheme first: a request without credentials then gets 401, not 403.
        "smexchange.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "smexchange.api.pagination.ApiPagination",
    "DEFAULT_SCHEMA_CLASS": "smexchange.api.schema.ApiAutoSchema",
    "EXCEPTION_HANDLER": "smexchange.api.errors.api_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "SME Exchange API",
    "DESCRIPTION": "Events, programme, directory, cooperation profiles, registrations, meeting requests, "
    "meetings and deals of SME Exchange. See docs/api/README.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "EventKindEnum": "smexchange.events.enums.EventKind",
        "ProgrammeKindEnum": "smexchange.events.enums.ProgrammeKind",
        "OrganizationKindEnum": "smexchange.directory.enums.ORGANIZATION_KIND_CHOICES",
        "ParticipantRoleEnum": "smexchange.events.enums.ParticipantRole",
        "SpeakerRoleEnum": "smexchange.events.enums.SpeakerRole",
        "RegistrationStatusEnum": "smexchange.events.enums.RegistrationStatus",
        "MeetingRequestStatusEnum": "smexchange.matchmaking.enums.RequestStatus",
        "MeetingStatusEnum": "smexchange.matchmaking.enums.MeetingStatus",
        "ProfileStatusEnum": "smexchange.directory.enums.ProfileStatus",
        "DealStageEnum": "smexchange.outcomes.enums.DealStage",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO" if DEBUG else "WARNING"},
    "loggers": {
        "smexchange": {"level": "INFO"},
        # PDF rendering narrates every step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
