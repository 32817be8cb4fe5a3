"""Idempotency-Key on POST: the same key from the same user gives one effect and one answer.

The key's row is inserted first, in the same transaction as the operation. A second request with the
same key blocks on the unique index until the first commits (then it replays the stored answer) or
rolls back (then it runs the operation itself). So under concurrency too there is one effect.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from smexchange.api.errors import error_body
from smexchange.api.models import IdempotencyRecord

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
KEY_PATTERN = r"^[\x21-\x7e]{1,255}$"
_KEY = re.compile(KEY_PATTERN)
# Answers that say "try again later" are not kept: the retry deserves a fresh attempt.
_NOT_STORED = {status.HTTP_409_CONFLICT, status.HTTP_429_TOO_MANY_REQUESTS}

PARAMETER = OpenApiParameter(
    HEADER,
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description=(
        "Any unique string (for example a UUID). Repeating a POST with the same key returns the first "
        "answer instead of acting again."
    ),
    pattern=KEY_PATTERN,
)


class _DiscardedError(Exception):
    def __init__(self, response: Response) -> None:
        self.response = response


def _fingerprint(request: Request) -> str:
    data = request.data
    if hasattr(data, "lists"):
        data = dict(data.lists())
    payload = json.dumps([request.method, request.path, data], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def _replay(record: IdempotencyRecord, fingerprint: str) -> Response:
    if record.fingerprint != fingerprint:
        return Response(
            error_body(
                "idempotency_key_reused",
                _("This Idempotency-Key was used for another request; use a new key."),
            ),
            status=status.HTTP_422_UNPROCESSABLE_ENTITY,
        )
    body = json.loads(record.body) if record.body else None
    return Response(body, status=record.status_code, headers={REPLAYED_HEADER: "true"})


def run_once(request: Request, key: str, produce: Callable[[], Response]) -> Response:
    """The answer of `produce()` for this user and key, computed at most once."""
    fingerprint = _fingerprint(request)
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    record = IdempotencyRecord.objects.create(
                        user=request.user, key=key, fingerprint=fingerprint
                    )
            except IntegrityError:
                # Committed by a request with the same key (we waited for it on the unique index).
                existing = IdempotencyRecord.objects.get(user=request.user, key=key)
                return _replay(existing, fingerprint)
            response = produce()
            if response.status_code >= 500 or response.status_code in _NOT_STORED:
                raise _DiscardedError(response)
            record.status_code = response.status_code
            record.body = JSONRenderer().render(response.data).decode()
            record.save(update_fields=["status_code", "body"])
            return response
    except _DiscardedError as discarded:
        return discarded.response


def idempotent(handler: Callable[..., Response]) -> Callable[..., Response]:
    """For a view method handling POST: honour an Idempotency-Key header when the client sends one."""

    @functools.wraps(handler)
    def wrapper(view: Any, request: Request, *args: Any, **kwargs: Any) -> Response:
        key = request.headers.get(HEADER)
        if key is None:
            return handler(view, request, *args, **kwargs)
        if not _KEY.match(key):
            return Response(
                error_body(
                    "invalid",
                    _("The Idempotency-Key header must be 1 to 255 visible ASCII characters."),
                    {HEADER: [_("Use 1 to 255 visible ASCII characters.")]},
                ),
                status=status.HTTP_400_BAD_REQUEST,
            )

        def produce() -> Response:
            try:
                return handler(view, request, *args, **kwargs)
            except Exception as exc:
                return view.handle_exception(exc)

        return run_once(request, key, produce)

    return wrapper
