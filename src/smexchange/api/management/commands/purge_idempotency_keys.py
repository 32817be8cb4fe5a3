"""`smex purge_idempotency_keys [--hours 24]`: forget stored answers to POSTs with an Idempotency-Key."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smexchange.api.services import purge_idempotency_records


class Command(BaseCommand):
    help = (
        "Forget Idempotency-Keys (and their stored answers) older than --hours (default 24); periodic-safe."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args: Any, hours: int, **options: Any) -> None:
        if hours < 1:
            self.stderr.write("purge_idempotency_keys: --hours must be at least 1")
            raise SystemExit(2)
        deleted = purge_idempotency_records(older_than=dt.timedelta(hours=hours))
        self.stdout.write(f"forgot {deleted} idempotency keys older than {hours} hours")
