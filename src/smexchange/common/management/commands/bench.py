"""`smex bench [NAME]`: run the project's benchmarks from the repository's bench/ folder.

Each benchmark is a module `bench/<name>.py` (or package) with `run(argv: list[str]) -> int`
that prints its table and updates BENCHMARKS.md.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


def find_repository_root() -> Path:
    """bench/ lives beside src/ in a checkout; an editable install finds it from the package."""
    for candidate in (Path.cwd(), Path(__file__).resolve().parents[5]):
        if (candidate / "bench").is_dir() and (candidate / "pyproject.toml").is_file():
            return candidate
    raise CommandError("bench/ not found: run `smex bench` from a checkout of the repository")


def available_benchmarks(root: Path) -> list[str]:
    names = []
    for entry in sorted((root / "bench").iterdir()):
        if entry.name.startswith("_"):
            continue
        if entry.suffix == ".py" or (entry.is_dir() and (entry / "__init__.py").exists()):
            names.append(entry.stem)
    return names


class Command(BaseCommand):
    help = "Run the project's benchmarks (all, or one by name) and print their tables."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", nargs="?", help="benchmark to run (default: all)")
        parser.add_argument("bench_args", nargs="*", help="arguments passed on to the benchmark (after --)")

    def handle(self, *args: Any, **options: Any) -> None:
        root = find_repository_root()
        names = available_benchmarks(root)
        chosen = [options["name"]] if options["name"] else names
        unknown = [name for name in chosen if name not in names]
        if unknown:
            raise CommandError(f"unknown benchmark '{unknown[0]}' (available: {', '.join(names)})")
        sys.path.insert(0, str(root))
        failures = 0
        for name in chosen:
            module = importlib.import_module(f"bench.{name}")
            failures += int(module.run(list(options["bench_args"])) != 0)
        if failures:
            raise CommandError(f"{failures} benchmark(s) failed")
