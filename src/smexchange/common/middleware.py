"""Lost races and lock waits become clean HTTP answers, never a 500.

- `ConflictError` from a service, or an `IntegrityError` a concurrent write caused (a unique
  constraint that a parallel request got to first): 409 Conflict.
- A lock wait that timed out (`LOCK_TIMEOUT_MS`), a serialization failure or a deadlock:
  503 Service Unavailable with `Retry-After`, since the same request will likely pass later.

Pages get the friendly 409.html / 503.html; clients that ask for JSON (and the API) get
`{"detail": ..., "code": "conflict" | "retry"}`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from smexchange.common.db import is_retryable
from smexchange.common.exceptions import ConflictError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 2


class ConflictMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, ConflictError):
            return _answer(request, 409, " ".join(exception.messages), code="conflict")
        if isinstance(exception, IntegrityError):
            # Services check before they write; a constraint that still fires means a
            # concurrent request wrote first. Logged with its trace in case it is a bug instead.
            logger.warning("integrity error answered as 409 on %s", request.path, exc_info=exception)
            return _answer(request, 409, _("Someone else changed this at the same moment."), code="conflict")
        if is_retryable(exception):
            logger.warning("retryable database error on %s: %s", request.path, exception)
            response = _answer(
                request, 503, _("The site is busy with the same data right now."), code="retry"
            )
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        return None


def _wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return request.path.startswith("/api/") or ("application/json" in accept and "text/html" not in accept)


def _answer(request: HttpRequest, status: int, detail: str, *, code: str) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"detail": detail, "code": code}, status=status)
    referer = request.headers.get("Referer", "")
    back = (
        referer
        if referer and url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()})
        else "/"
    )
    context = {"detail": detail, "back": back, "retry_after": RETRY_AFTER_SECONDS}
    try:
        body = render_to_string(f"{status}.html", context, request=request)
    except Exception:  # the page itself must not fail: fall back to plain text
        logger.exception("could not render %s.html", status)
        body = detail
    return HttpResponse(body, status=status)
