"""The audit log: services record organizer and staff actions here.

Who and from where come from the request being served (`AuditContextMiddleware` puts them in
context variables), so services need no request argument; commands and jobs record no address.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from smexchange.common.models import AuditEntry

_actor: ContextVar[Any] = ContextVar("audit_actor", default=None)
_ip: ContextVar[str | None] = ContextVar("audit_ip", default=None)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: the connecting one, or behind `SMEX_PROXY_COUNT` proxies the one
    the outermost of them saw.

    Each proxy appends the address it was connected from to X-Forwarded-For, so with N proxies
    the client is the N-th entry from the right; entries further left came from the client and
    are not trusted (anyone could pick the address they are throttled by). Behind a proxy that
    is not counted, every client would share the proxy's address, and a few failed log-ins
    would lock everyone out.
    """
    proxies = settings.SMEX_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if forwarded:
            return forwarded[-min(proxies, len(forwarded))]
    return request.META.get("REMOTE_ADDR") or None


@contextmanager
def acting(actor: Any, *, ip: str | None = None) -> Iterator[None]:
    """Record entries made inside the block as done by `actor` from `ip`."""
    actor_token, ip_token = _actor.set(actor), _ip.set(ip)
    try:
        yield
    finally:
        _actor.reset(actor_token)
        _ip.reset(ip_token)


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        with acting(user if user is not None and user.is_authenticated else None, ip=client_ip(request)):
            return self.get_response(request)


def record_audit(
    action: str,
    *,
    target: Any = None,
    event_slug: str = "",
    actor: Any = None,
    details: dict[str, Any] | None = None,
    anonymous: bool = False,
) -> AuditEntry:
    """Write one audit entry; the actor defaults to the user of the current request.

    `anonymous` records neither actor nor address (the deletion of an account names no one).
    """
    actor = None if anonymous else actor if actor is not None else _actor.get()
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEntry.objects.create(
        actor=actor,
        actor_label=(getattr(actor, "email", "") or str(actor)) if actor is not None else "",
        action=action,
        object_type=target._meta.label if target is not None else "",
        object_id=str(target.pk) if target is not None else "",
        object_label=str(target)[:300] if target is not None else "",
        event_slug=event_slug,
        ip_address=None if anonymous else _ip.get(),
        details=details or {},
    )
