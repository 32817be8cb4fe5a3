"""Settings of the benchmark's server: production settings (DEBUG off, PostgreSQL, manifest static
files, Argon2), except that there is no TLS proxy in front, so no https redirect and no Secure
cookies (a client on plain http would drop them)."""

from smexchange.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
LOGGING["root"]["level"] = "ERROR"  # noqa: F405
