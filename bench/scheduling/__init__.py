"""`smex bench scheduling [-- [--quick] [--seed N] [--no-write] [--only NAME] [--methods M,M]]`
(the benchmark's own options go after `--`): the meeting scheduler against first-come-first-served
and a plain CP-SAT model, each at the same time limit in a child process (for honest peak
memory), every result checked by `validate`."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench._report import machine, write_section
from bench.scheduling.generate import Spec, generate, generate_brokerage
from smexchange.scheduling import Assignment, Solution, Stats, Unscheduled, parse_instance, validate

ROOT = Path(__file__).resolve().parents[2]
METHODS = ("engine", "fcfs", "plain")


@dataclass(frozen=True)
class Case:
    spec: Spec | None
    name: str
    limit: float
    brokerage: tuple[int, int] | None = None

    def build(self, seed: int) -> dict[str, Any]:
        if self.brokerage is not None:
            return generate_brokerage(self.name, *self.brokerage, seed)
        assert self.spec is not None
        return generate(self.spec, seed)


QUICK = [
    Case(Spec("tiny-20", 20, 60, slots_per_session=6), "tiny-20", 10),
    Case(None, "bofill-40", 10, brokerage=(40, 200)),
]
FULL = [
    *QUICK,
    Case(None, "bofill-60", 10, brokerage=(60, 250)),
    Case(None, "bofill-80", 10, brokerage=(80, 300)),
    Case(Spec("real-120", 120, 600, slot_minutes=30), "real-120", 30),
    Case(Spec("real-300", 300, 2000, days=2), "real-300", 30),
    Case(Spec("real-250-interp", 250, 1500, days=2, interpreters=6), "real-250-interp", 30),
    Case(Spec("huge-5000", 5000, 50000, days=3, slots_per_session=10, interpreters=40), "huge-5000", 120),
]


def _solution(data: dict[str, Any]) -> Solution:
    return Solution(
        assignments=tuple(Assignment(**a) for a in data["assignments"]),
        unscheduled=tuple(Unscheduled(**u) for u in data["unscheduled"]),
        stats=Stats(**data["stats"]),
    )


def _run_child(method: str, source: Path, limit: float, seed: int) -> tuple[dict[str, Any], float]:
    """Run one method in a child; returns its output and its peak resident memory in MB."""
    out = source.with_suffix(f".{method}.json")
    command = [
        sys.executable,
        "-m",
        "bench.scheduling.worker",
        method,
        str(source),
        str(out),
        str(limit),
        str(seed),
    ]
    child = subprocess.Popen(command, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{method} failed on {source.name} (exit {child.returncode})")
    return json.loads(out.read_text()), usage.ru_maxrss / 1024


def _measure(case: Case, seed: int, folder: Path, methods: tuple[str, ...] = METHODS) -> list[dict[str, Any]]:
    raw = case.build(seed)
    source = folder / f"{case.name}.json"
    source.write_text(json.dumps(raw))
    instance = parse_instance(raw)
    rows = []
    for method in methods:
        data, peak = _run_child(method, source, case.limit, seed)
        problems = validate(instance, _solution(data))
        stats = data["stats"]
        rows.append(
            {
                "instance": case.name,
                "size": f"{len(raw['participants'])} p / {len(raw['meetings'])} m / {len(raw['slots'])} s",
                "limit": case.limit,
                "method": method,
                "weight": stats["weight_scheduled"],
                "bound": stats["weight_upper_bound"],
                "scheduled": f"{stats['scheduled']}/{stats['requested']}",
                "idle": stats["idle_slots"],
                "breaks": stats["breaks"],
                "status": stats["status"] if method == "engine" else data["note"],
                "seconds": data["seconds"],
                "peak_mb": peak,
                "valid": "yes" if not problems else f"NO: {problems[0]}",
            }
        )
        print(f"  {case.name} {method}: {rows[-1]}", file=sys.stderr, flush=True)
    engine = [row["bound"] for row in rows if row["method"] == "engine"]
    for row in rows if engine else []:
        row["bound"] = engine[0]
    return rows


def _table(rows: list[dict[str, Any]]) -> str:
    head = "| instance | size | limit s | method | weight / bound | scheduled | idle slots | breaks | status | seconds | peak MB | valid |"
    lines = [head, "|" + " --- |" * 12]
    for r in rows:
        share = 100 * r["weight"] / r["bound"] if r["bound"] else 100.0
        lines.append(
            f"| {r['instance']} | {r['size']} | {r['limit']:.0f} | {r['method']} | {r['weight']} / {r['bound']}"
            f" ({share:.2f}%) | {r['scheduled']} | {r['idle']} | {r['breaks']} | {r['status']} |"
            f" {r['seconds']:.1f} | {r['peak_mb']:.0f} | {r['valid']} |"
        )
    return "\n".join(lines)


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="smex bench scheduling")
    parser.add_argument("--quick", action="store_true", help="two small instances only")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-write", action="store_true", help="print only, leave BENCHMARKS.md alone")
    parser.add_argument(
        "--only", action="append", metavar="NAME", help="this instance only (repeatable); implies --no-write"
    )
    parser.add_argument(
        "--methods",
        default=",".join(METHODS),
        help="comma-separated subset of engine,fcfs,plain; implies --no-write",
    )
    options = parser.parse_args(argv)
    cases = QUICK if options.quick else FULL
    methods = tuple(m for m in options.methods.split(",") if m)
    unknown = [m for m in methods if m not in METHODS] + [
        n for n in options.only or [] if n not in {c.name for c in FULL}
    ]
    if unknown:
        parser.error(f"unknown method or instance: {', '.join(unknown)}")
    if options.only:
        cases = [case for case in FULL if case.name in options.only]
    partial = bool(options.only) or methods != METHODS
    with tempfile.TemporaryDirectory(prefix="smex-bench-") as folder:
        rows = [row for case in cases for row in _measure(case, options.seed, Path(folder), methods)]
    table = _table(rows)
    print(table)
    if not (options.no_write or partial):
        note = "quick subset" if options.quick else "full suite"
        write_section(
            "scheduling",
            f"Run `smex bench scheduling` ({note}, seed {options.seed}) on {machine()}, {date.today().isoformat()}.\n\n{table}",
            heading="## Meeting scheduling",
        )
    return 0 if all(r["valid"] == "yes" for r in rows) else 1
