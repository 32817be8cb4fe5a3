"""What every benchmark writes beside its table: the machine it ran on, and its section of BENCHMARKS.md."""

from __future__ import annotations

import os
import platform
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def machine() -> str:
    """Cores, CPU model and Python version: enough to tell two runs' machines apart."""
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    return f"{os.cpu_count()} cores (nproc), {model}, Python {platform.python_version()}"


def markers(name: str) -> tuple[str, str]:
    """The comments that enclose benchmark `name`'s section, so a rerun replaces only its own."""
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def write_section(name: str, text: str, heading: str = "") -> None:
    """Replace benchmark `name`'s section of BENCHMARKS.md, or append it (under `heading`) the first time."""
    start, end = markers(name)
    path = ROOT / "BENCHMARKS.md"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"{start}\n{text}\n{end}"
    if start in current and end in current:
        updated = current[: current.index(start)] + block + current[current.index(end) + len(end) :]
    else:
        title = f"\n\n{heading}" if heading else ""
        updated = current.rstrip("\n") + title + "\n\n" + block + "\n"
    path.write_text(updated, encoding="utf-8")
