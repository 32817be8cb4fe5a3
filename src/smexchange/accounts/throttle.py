"""Log-in throttling: failed log-ins counted per account and per address, in the database.

The database (not a cache) so that every web process sees the same counts without Redis, and a
restart does not reset a lock-out. Each failure is one row; old rows are deleted as new ones come.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from smexchange.accounts.models import FailedLogin


@dataclass(frozen=True)
class ThrottlePolicy:
    """`limit` failures within `window` lock the account (or the address) for `lockout`."""

    limit: int
    window: dt.timedelta
    lockout: dt.timedelta


def policy() -> dict[str, ThrottlePolicy]:
    limits = settings.SMEX_LOGIN_THROTTLE
    return {
        scope: ThrottlePolicy(
            limit=int(value["limit"]),
            window=dt.timedelta(seconds=int(value["window"])),
            lockout=dt.timedelta(seconds=int(value["lockout"])),
        )
        for scope, value in limits.items()
    }


def account_key(login: str) -> str:
    """The account as a hash of the normalized e-mail, so the table holds no addresses."""
    return hashlib.sha256(login.strip().lower().encode()).hexdigest()


def retry_after(*, login: str, ip: str | None, now: dt.datetime | None = None) -> int:
    """Seconds until a log-in for `login` from `ip` is allowed again; 0 when it is allowed now."""
    now = now or timezone.now()
    waits = [0]
    for scope, rule in policy().items():
        rows = FailedLogin.objects.filter(created_at__gte=now - rule.window - rule.lockout)
        rows = rows.filter(account=account_key(login)) if scope == "account" else rows.filter(ip=ip or "")
        times = sorted(rows.values_list("created_at", flat=True), reverse=True)
        # Locked while the latest `limit` failures all fall within one window and the last is recent.
        if len(times) >= rule.limit and times[0] - times[rule.limit - 1] <= rule.window:
            unlock = times[0] + rule.lockout
            if unlock > now:
                waits.append(math.ceil((unlock - now).total_seconds()))
    return max(waits)


def record_failure(*, login: str, ip: str | None, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    longest = max((rule.window + rule.lockout for rule in policy().values()), default=dt.timedelta(0))
    FailedLogin.objects.filter(created_at__lt=now - longest).delete()
    FailedLogin.objects.create(account=account_key(login), ip=ip or "", created_at=now)


def clear_failures(*, login: str) -> None:
    """A successful log-in forgets the account's failures (not the address's: that would let an
    attacker who owns one account reset the count between guesses at others)."""
    FailedLogin.objects.filter(account=account_key(login)).delete()
