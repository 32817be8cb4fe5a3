"""Background jobs: on a Celery worker when a broker is configured, in-process otherwise.

Jobs are sent when the current transaction commits, so a worker never sees uncommitted rows
and a rolled-back transaction sends nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connections, transaction

logger = logging.getLogger(__name__)


def enqueue(task: Callable[..., Any], **kwargs: Any) -> None:
    """Run `task(**kwargs)` after commit. `task` is a Celery task when a broker is configured."""
    transaction.on_commit(lambda: _dispatch(task, kwargs))


def _dispatch(task: Callable[..., Any], kwargs: dict[str, Any]) -> None:
    if settings.CELERY_BROKER_URL:
        task.delay(**kwargs)  # type: ignore[attr-defined]
    elif getattr(settings, "JOBS_INLINE", False):
        task(**kwargs)
    else:
        # The web request returns at once; the job reports progress through the database.
        threading.Thread(target=_run_in_thread, args=(task, kwargs), daemon=True).start()


def _run_in_thread(task: Callable[..., Any], kwargs: dict[str, Any]) -> None:
    try:
        task(**kwargs)
    except Exception:
        logger.exception("background job %s failed", getattr(task, "name", task))
    finally:
        connections.close_all()
