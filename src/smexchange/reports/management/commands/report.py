"""`smex report event SLUG --out FILE` and `smex report annual YEAR --out FILE` (CONTRACTS.md section 1).

The format comes from the file's extension (.pdf, .html, .xlsx). Bad input (an unknown event, a year
without events, an unknown extension) exits with status 2 and one line on stderr, and writes no file;
the file is written atomically (temporary file, then rename), so an old one is never left half-written.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smexchange.reports.documents.render import FORMATS
from smexchange.reports.figures import ReportInputError, event_by_slug
from smexchange.reports.services import LANGUAGES, annual_report, event_report


class Command(BaseCommand):
    help = "Write the report of one event, or the annual development report of a year, as PDF, HTML or XLSX."

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="{event,annual}")
        event = kinds.add_parser("event", help="the report of one event")
        event.add_argument("slug", help="the event's slug, e.g. global-sme-expo-2009")
        annual = kinds.add_parser("annual", help="the annual development report across all events of a year")
        annual.add_argument("year", help="e.g. 2012")
        for sub in (event, annual):
            sub.add_argument("--out", required=True, help="FILE.pdf, FILE.html or FILE.xlsx")
            sub.add_argument(
                "--language", default="en", choices=LANGUAGES, help="language of the report (default en)"
            )

    def _fail(self, message: str) -> None:
        self.stderr.write(f"smex report: {message}")
        sys.exit(2)

    def handle(self, *args: Any, **options: Any) -> None:
        out = Path(options["out"])
        fmt = out.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            self._fail(f"{out}: unknown format {out.suffix or '(none)'!r}; use .pdf, .html or .xlsx")
        if not (out.parent if str(out.parent) else Path(".")).is_dir():
            self._fail(f"{out}: the folder {out.parent} does not exist")
        language = options["language"]
        try:
            if options["kind"] == "event":
                content = event_report(event_by_slug(options["slug"]), fmt, language=language)
            else:
                content = annual_report(_year(options["year"]), fmt, language=language)
        except ReportInputError as error:
            self._fail(str(error))
        _write_atomically(out, content)
        self.stdout.write(f"wrote {out} ({len(content):,} bytes)")


def _year(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise ReportInputError(f"{text!r} is not a year (four digits, e.g. 2012)")
    return int(text)


def _write_atomically(path: Path, content: bytes) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
