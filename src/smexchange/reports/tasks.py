"""Background jobs of reports: thin wrappers that load ids and call one service."""

from __future__ import annotations

import logging

from celery import shared_task

from smexchange.reports.services import execute_report_run

logger = logging.getLogger(__name__)


@shared_task(name="smexchange.reports.generate_report")
def task_generate_report(*, run_id: int) -> str:
    run = execute_report_run(run_id)
    logger.info("report run %s ended %s", run.pk, run.status)
    return str(run.status)
