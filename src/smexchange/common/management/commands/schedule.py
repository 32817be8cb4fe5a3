"""`smex schedule`: solve one meeting-scheduling instance file (CONTRACTS.md section 2).

A thin wrapper around `smexchange.scheduling`; it needs no database. Bad input exits with
status 2 and one line on stderr naming the file, the record and the problem; the output file
is written atomically (temporary file, then rename), so it is never left half-written.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smexchange.scheduling import (
    InstanceError,
    Progress,
    load_instance,
    schedule_meetings,
    solution_to_dict,
    validate,
)


class Command(BaseCommand):
    help = "Schedule the one-on-one meetings of an instance file and write the solution as JSON."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--instance", required=True, help="instance JSON file (CONTRACTS.md section 2)")
        parser.add_argument("--out", required=True, help="where to write the solution JSON")
        parser.add_argument("--time-limit", type=float, default=30.0, help="seconds (default 30)")
        parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="CP-SAT workers (default 1: the same seed gives the same schedule; 2 or more race a "
            "portfolio and solve local-search pieces side by side: fewer idle slots, not repeatably)",
        )
        parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")

    def handle(self, *args: Any, **options: Any) -> None:
        source = options["instance"]
        try:
            instance = load_instance(source)
        except InstanceError as error:
            self.stderr.write(f"smex schedule: {source}: {error}")
            sys.exit(2)
        if options["time_limit"] <= 0:
            self.stderr.write(f"smex schedule: --time-limit must be positive, got {options['time_limit']}")
            sys.exit(2)
        if options["workers"] < 1:
            self.stderr.write(f"smex schedule: --workers must be at least 1, got {options['workers']}")
            sys.exit(2)
        solution = schedule_meetings(
            instance,
            time_limit=options["time_limit"],
            seed=options["seed"],
            workers=options["workers"],
            progress=None if options["quiet"] else self._progress,
        )
        problems = validate(instance, solution)
        if problems:  # a solver bug must never reach an organizer's file
            self.stderr.write(f"smex schedule: internal error, solution fails validation: {problems[0]}")
            sys.exit(1)
        _write_atomically(Path(options["out"]), solution_to_dict(solution))
        stats = solution.stats
        self.stdout.write(
            f"{stats.scheduled}/{stats.requested} meetings, weight {stats.weight_scheduled}"
            f" (upper bound {stats.weight_upper_bound}), idle slots {stats.idle_slots},"
            f" breaks {stats.breaks}, {stats.status}, {stats.solve_seconds:.1f} s"
        )

    def _progress(self, report: Progress) -> None:
        self.stderr.write(
            f"[{report.seconds:6.1f} s] {report.phase}: weight {report.weight}/{report.bound},"
            f" idle slots {report.idle_slots}, breaks {report.breaks}"
        )


def _write_atomically(path: Path, payload: dict[str, Any]) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(payload, stream, ensure_ascii=False, indent=1)
            stream.write("\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
