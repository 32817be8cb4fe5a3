"""Background jobs of outcomes: thin wrappers that call one service."""

from __future__ import annotations

import logging

from celery import shared_task

from smexchange.outcomes.services.reminders import send_followup_reminders

logger = logging.getLogger(__name__)


@shared_task(name="smexchange.outcomes.send_followup_reminders")
def task_send_followup_reminders() -> int:
    """Periodic (e.g. every 15 minutes from celery beat or cron): reminds once per meeting and participant."""
    sent = send_followup_reminders()
    logger.info("sent %s follow-up reminders", sent)
    return sent
