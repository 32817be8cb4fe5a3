"""`smex fail_stale_runs`: mark failed the schedule runs whose worker died, so they can be retried.

Run it from cron (every few minutes) on deployments with Celery workers; the organizer's page does
the same check for its event whenever it is opened.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from smexchange.matchmaking.services.runs import fail_stale_schedule_runs


class Command(BaseCommand):
    help = "Mark failed the schedule runs whose worker stopped (running past their time limit, or never started)."

    def handle(self, *args: Any, **options: Any) -> None:
        marked = fail_stale_schedule_runs()
        self.stdout.write(f"{marked} stale schedule run(s) marked failed")
