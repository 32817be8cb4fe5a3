"""`smex import KIND FILE [--event SLUG]`: import organizations, people, profiles or registrations.

All rows or none. Exit status 0 when every row was imported (or existed already); 2 when the file
has problems, with one line on stderr per problem naming the file, the line, the column and the
record, and nothing written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smexchange.common.exceptions import DomainError
from smexchange.events.models import Event
from smexchange.imports.services import KINDS, import_file


class Command(BaseCommand):
    help = (
        "Import organizations, people, profiles or registrations from a CSV or XLSX file (all rows or none)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", help=f"what the file holds: {', '.join(KINDS)}")
        parser.add_argument("file", help="a .csv or .xlsx file (its content decides, not its name)")
        parser.add_argument("--event", default="", help="slug of the event (required for registrations)")
        parser.add_argument(
            "--encoding", default="", help="encoding of a CSV that is not UTF-8 or UTF-16 (e.g. gb18030)"
        )
        parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")

    def _fail(self, message: str) -> None:
        self.stderr.write(f"smex import: {message}")
        sys.exit(2)

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        event = None
        if options["event"]:
            event = Event.objects.filter(slug=options["event"]).first()
            if event is None:
                self._fail(f"{path}: no event with the slug “{options['event']}”")
        try:
            content = path.read_bytes()
        except OSError as error:
            self._fail(f"{path}: cannot read the file ({error.strerror})")
        try:
            run, report = import_file(
                options["kind"],
                content,
                file_name=path.name,
                event=event,
                encoding=options["encoding"],
                write=not options["dry_run"],
            )
        except DomainError as error:
            self._fail(f"{path}: {' '.join(error.messages)}")
        if report.problems:
            for problem in report.problems:
                self.stderr.write(f"smex import: {path}: {problem}")
            self.stderr.write(
                f"smex import: {path}: {len(report.problems)} problem(s) in {report.rows} row(s); nothing imported"
            )
            sys.exit(2)
        verb = "would import" if options["dry_run"] else "imported"
        extra = "".join(f", {count} new {name}" for name, count in report.counts.items())
        ignored = f"; ignored columns: {', '.join(report.ignored_columns)}" if report.ignored_columns else ""
        self.stdout.write(
            f"{path}: {report.rows} rows, {verb} {report.created} new {report.kind}{extra}, "
            f"{report.existing} already there{ignored} (import #{run.pk})"
        )
