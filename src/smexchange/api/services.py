"""Writes of the API app: API tokens, and forgetting old Idempotency-Keys."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from smexchange.api.models import ApiToken, IdempotencyRecord

TOKEN_PREFIX = "smex_"
# A last-use time to the minute is enough, and saves a write on every request.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def _digest(secret: str) -> str:
    # A plain hash suffices: the secret has 256 random bits, so there is nothing to brute-force.
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def create_api_token(user: Any, *, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; returns it with its secret, which is not stored and cannot be shown again."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name.strip(), prefix=secret[:12], digest=_digest(secret))
    return token, secret


def revoke_api_token(token: ApiToken, *, now: dt.datetime | None = None) -> ApiToken:
    """The token stops working at once; revoking twice keeps the first time."""
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=now or timezone.now())
    token.refresh_from_db(fields=["revoked_at"])
    return token


def token_for_secret(secret: str) -> ApiToken | None:
    """The active token with this secret, with its user; None for an unknown or revoked one."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    return ApiToken.objects.active().select_related("user").filter(digest=_digest(secret)).first()


def note_token_use(token: ApiToken, *, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def purge_idempotency_records(*, older_than: dt.timedelta, now: dt.datetime | None = None) -> int:
    """Forget Idempotency-Keys older than `older_than`; a later POST with such a key acts again."""
    cutoff = (now or timezone.now()) - older_than
    deleted, _by_model = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted
