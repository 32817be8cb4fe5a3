"""allauth hooks: log-in throttling with a 429 and Retry-After, and the same answers for every e-mail."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from django.http import HttpRequest
from django.shortcuts import render

from smexchange.accounts import throttle
from smexchange.common.audit import client_ip


def _login_of(credentials: dict[str, Any]) -> str:
    return str(credentials.get("email") or credentials.get("username") or "")


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        wait = throttle.retry_after(login=_login_of(credentials), ip=client_ip(request))
        if wait:
            response = render(request, "accounts/throttled.html", {"retry_after": wait}, status=429)
            response["Retry-After"] = str(wait)
            raise ImmediateHttpResponse(response)
        super().pre_authenticate(request, **credentials)

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        throttle.record_failure(login=_login_of(credentials), ip=client_ip(request))

    def login(self, request: HttpRequest, user: Any) -> None:
        throttle.clear_failures(login=getattr(user, "email", ""))
        super().login(request, user)
