"""Database helpers for services that take row locks: waits are bounded, never endless."""

from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection

# SQLSTATE codes (PostgreSQL) of failures that a retry of the whole request can cure.
LOCK_NOT_AVAILABLE = "55P03"
SERIALIZATION_FAILURE = "40001"
DEADLOCK_DETECTED = "40P01"
QUERY_CANCELED = "57014"
RETRYABLE_SQLSTATES = frozenset(
    {LOCK_NOT_AVAILABLE, SERIALIZATION_FAILURE, DEADLOCK_DETECTED, QUERY_CANCELED}
)


def bound_lock_waits() -> None:
    """Make lock waits in the current transaction give up after `settings.LOCK_TIMEOUT_MS`.

    Called first thing inside the atomic block of a service that locks rows (publishing,
    booking, answering a request): a request stuck behind a long transaction then fails
    fast as a retryable error (503 with Retry-After) instead of holding a worker. SQLite
    serializes writers itself (its busy timeout bounds the wait), so this is PostgreSQL only.
    """
    if connection.vendor != "postgresql" or not connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('lock_timeout', %s, true)", [f"{int(settings.LOCK_TIMEOUT_MS)}ms"])


def sqlstate_of(error: BaseException) -> str | None:
    """The SQLSTATE of a database error (from the driver's exception Django wraps), if any."""
    cause = error.__cause__ or error
    state = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    return str(state) if state else None


def is_retryable(error: BaseException) -> bool:
    """A lock wait that timed out, a serialization failure or a deadlock: try again later."""
    if isinstance(error, IntegrityError) or not isinstance(error, DatabaseError):
        return False
    if sqlstate_of(error) in RETRYABLE_SQLSTATES:
        return True
    # SQLite: a writer waited out its busy timeout.
    return "database is locked" in str(error)
