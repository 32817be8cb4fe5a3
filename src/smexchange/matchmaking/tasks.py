"""Background jobs of matchmaking: thin wrappers that load ids and call one service."""

from __future__ import annotations

import logging

from celery import shared_task

from smexchange.events.models import Event
from smexchange.matchmaking.services.recommendations import (
    refresh_directory_recommendations,
    refresh_event_recommendations,
)
from smexchange.matchmaking.services.runs import execute_schedule_run

logger = logging.getLogger(__name__)


@shared_task(name="smexchange.matchmaking.run_schedule")
def task_run_schedule(*, run_id: int) -> str:
    run = execute_schedule_run(run_id)
    logger.info("schedule run %s ended %s", run.pk, run.status)
    return str(run.status)


@shared_task(name="smexchange.matchmaking.refresh_recommendations")
def task_refresh_recommendations(*, event_id: int | None = None) -> int:
    if event_id is None:
        stored = refresh_directory_recommendations()
    else:
        stored = refresh_event_recommendations(Event.objects.get(pk=event_id))
    logger.info("stored %s recommendations (event %s)", stored, event_id)
    return stored
