"""`smex check_migration_locks`: list migrations that may lock a large table, unless reviewed (TRUST 19)."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smexchange.common.migration_locks import REVIEWED, find_long_locks


class Command(BaseCommand):
    help = "List migration operations that may hold long locks on large tables; exit 1 if any is unreviewed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--all", action="store_true", help="list the reviewed ones too, with their reasons"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        unreviewed = 0
        for finding in find_long_locks():
            if finding.key in REVIEWED:
                if options["all"]:
                    self.stdout.write(f"reviewed   {finding}\n           why safe: {REVIEWED[finding.key]}")
                continue
            unreviewed += 1
            self.stdout.write(f"UNREVIEWED {finding}")
        self.stdout.write(f"{unreviewed} unreviewed operation(s)")
        if unreviewed:
            sys.exit(1)
