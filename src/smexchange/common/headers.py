"""Response headers Django 5.2 does not set itself: the Content Security Policy and a Permissions-Policy."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class SecurityHeadersMiddleware:
    """Adds `settings.SMEX_CONTENT_SECURITY_POLICY` and a restrictive Permissions-Policy to every response.

    The policy allows scripts and styles from the site only: no inline script or style, so an
    injected `<script>` or `onerror=` does not run even where escaping were to fail.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.SMEX_CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
        )
        return response
