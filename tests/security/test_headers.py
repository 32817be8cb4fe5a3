"""Response headers, cookies, CSRF and the deploy check (TRUST 11)."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

import smexchange
from tests.security.matrix import ROUTES
from tests.security.pages import close_response
from tests.security.test_matrix import snapshot
from tests.security.world import PASSWORD, build_world

pytestmark = [pytest.mark.integration]

TEMPLATES = Path(smexchange.__file__).parent
# Inline script, event-handler attributes and inline styles: the CSP forbids them, so no template has them.
INLINE = re.compile(r"<script(?![^>]*\bsrc=)|\son[a-z]+\s*=|\sstyle\s*=|<style", re.IGNORECASE)


def _production_env(tmp_path: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DATABASE_URL": "postgres://smex@127.0.0.1:5432/smex",  # deployed mode; the checks do not connect
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "sme.example.org",
        "SMEX_DATA_DIR": str(tmp_path),
    }


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "smexchange", "check", "--deploy", "--fail-level", "WARNING"],
        env=_production_env(tmp_path),
        capture_output=True,
        text=True,
    )

    assert (result.returncode, result.stderr.strip()) == (0, "")


def test_production_settings_secure_the_cookies_send_hsts_and_hash_with_argon2(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.DEBUG, s.PASSWORD_HASHERS[0])"
    )
    env = {**_production_env(tmp_path), "DJANGO_SETTINGS_MODULE": "smexchange.settings"}

    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)

    assert result.stdout.split() == [
        "True", "True", "Lax", "True", "True", "31536000", "False", "django.contrib.auth.hashers.Argon2PasswordHasher",
    ]  # fmt: skip


@pytest.mark.django_db
def test_every_page_sends_the_security_headers(settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    world = build_world()
    client = Client()
    client.force_login(world.users["organizer"])
    urls = [reverse(route.name, kwargs=route.kwargs(world)) for route in ROUTES if route.method == "GET"]

    missing = {}
    for url in sorted(set(urls)):
        response = client.get(url, secure=True)
        close_response(response)
        headers = {
            "Strict-Transport-Security": response.get("Strict-Transport-Security", "").startswith(
                "max-age=31536000"
            ),
            "X-Content-Type-Options": response.get("X-Content-Type-Options") == "nosniff",
            "Referrer-Policy": response.get("Referrer-Policy") == "same-origin",
            "X-Frame-Options": response.get("X-Frame-Options") == "DENY",
            "Content-Security-Policy": "script-src 'self'" in response.get("Content-Security-Policy", "")
            or response.get("Content-Security-Policy") == "sandbox",
        }
        if not all(headers.values()):
            missing[url] = [name for name, ok in headers.items() if not ok]

    assert missing == {}


def test_templates_hold_no_inline_script_or_style():
    found = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("templates/**/*.html")
        # PDF templates are rendered by WeasyPrint on the server, never served to a browser.
        if "/documents/" not in str(path) and INLINE.search(path.read_text(encoding="utf-8"))
    ]

    assert found == []


@pytest.mark.django_db
def test_login_sets_secure_httponly_samesite_cookies(settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    world = build_world()
    client = Client()

    client.post(
        reverse("account_login"),
        {"login": "participant@matrix.example.org", "password": PASSWORD},
        secure=True,
    )

    session = client.cookies[settings.SESSION_COOKIE_NAME]
    assert (session["secure"], session["httponly"], session["samesite"]) == (True, True, "Lax")
    assert world.users["participant"].pk == int(client.session["_auth_user_id"])


def _allowed_role(route) -> str | None:
    return next((role for role, outcome in route.expect.items() if outcome in ("R", "200")), None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "route",
    [route for route in ROUTES if route.method == "POST" and _allowed_role(route) not in (None, "public")],
    ids=lambda route: route.id,
)
def test_session_writes_without_a_csrf_token_are_refused(route):
    world = build_world()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users[_allowed_role(route)])
    before = snapshot()

    response = client.post(reverse(route.name, kwargs=route.kwargs(world)), route.data(world))

    assert (response.status_code, snapshot() == before) == (403, True)
