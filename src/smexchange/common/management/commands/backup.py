"""`smex backup [--out FILE]`: the database, uploaded files and secret key in one archive (tools/backup)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from smexchange.common.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database, the uploaded files and the secret key into one .tar.gz (mode 600)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--out", default="", help="archive to write (default: DATA_DIR/backups/smex-<time>.tar.gz)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        out = Path(options["out"] or Path(settings.DATA_DIR) / "backups" / f"smex-{stamp}.tar.gz")
        try:
            written = create_backup(out)
        except BackupError as error:
            self.stderr.write(f"smex backup: {error}")
            sys.exit(2)
        self.stdout.write(f"backup written to {written} ({written.stat().st_size} bytes)")
