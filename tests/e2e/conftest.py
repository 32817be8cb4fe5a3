from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connections

from tests.matchmaking.conftest import booth_host, brokerage  # noqa: F401  (shared fixtures)

CHROMIUM = Path("/usr/bin/chromium")
# Flags for a closed network: no background connections, no update checks.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser_page(live_server) -> Iterator:
    """A page in Debian's headless Chromium, driven by Playwright (no downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (tools/test installs it)")
    from playwright.sync_api import sync_playwright  # heavy import, only where a browser runs

    # Playwright's sync API runs an event loop in this thread, and Django then refuses ORM calls from
    # it. The tests' own ORM calls are synchronous and never overlap a browser call, so this is safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_page(locale="en-GB")
            page.set_default_timeout(15_000)
            yield page
            browser.close()
            # Playwright's sync API runs the test in a greenlet with its own context, so Django
            # opened a connection for it there; close it, or PostgreSQL cannot drop the test database.
            connections.close_all()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
