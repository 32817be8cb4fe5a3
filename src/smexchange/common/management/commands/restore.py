"""`smex restore FILE [--force]`: restore a backup of `smex backup` into this site (tools/restore)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smexchange.common.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup into an empty database and data folder, then migrate."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the .tar.gz written by smex backup")
        parser.add_argument("--force", action="store_true", help="replace a database and files that exist")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            done = restore_backup(Path(options["file"]), force=options["force"])
        except BackupError as error:
            self.stderr.write(f"smex restore: {error}")
            sys.exit(2)
        for line in done:
            self.stdout.write(line)
