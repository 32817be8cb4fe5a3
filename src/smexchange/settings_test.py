"""Test settings: only overrides of `settings`."""

import os

# The PostgreSQL run of the suite sets DATABASE_URL, which makes settings ask for a real key.
os.environ.setdefault("SECRET_KEY", "test-only-key-" + "x" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from smexchange.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
CELERY_BROKER_URL = ""
JOBS_INLINE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# The PostgreSQL run has DEBUG off; without autorefresh whitenoise warns (an error here) that STATIC_ROOT is missing.
WHITENOISE_AUTOREFRESH = True
# Same run: the test client speaks plain http, so no redirect to https.
SECURE_SSL_REDIRECT = False
# Close the connection after each request: the live server's request threads must not keep
# sessions open on the test database, or PostgreSQL refuses to drop it at the end.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
