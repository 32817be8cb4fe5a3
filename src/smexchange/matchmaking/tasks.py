"""Background jobs of matchmaking: thin wrappers that load ids and call one service."""

from __future__ import annotations

import logging

from celery import shared_task

from smexchange.matchmaking.services.runs import execute_schedule_run

logger = logging.getLogger(__name__)


@shared_task(name="smexchange.matchmaking.run_schedule")
def task_run_schedule(*, run_id: int) -> str:
    run = execute_schedule_run(run_id)
    logger.info("schedule run %s ended %s", run.pk, run.status)
    return str(run.status)
