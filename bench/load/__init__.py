"""`smex bench load [--participants N] [--users 20,50] [--duration S] [--no-write]`: the web site under load.

Seeds one expo of N participants (default 5,000) into a PostgreSQL database of its own
(`--database-url`, default `postgres://postgres@127.0.0.1:5432/smex_loadbench`), serves it with
gunicorn and production settings (`bench/load/settings.py`), and drives it with locust, headless,
in a child process, at each number of concurrent users: the event page, directory search, a
participant's agenda, recommendations and sending a request. Prints p50 and p95 latency per
endpoint and the errors, and writes them with the machine and its load into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench._report import machine, write_section

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/smex_loadbench"
ENDPOINTS = ("event page", "directory search", "participant agenda", "recommendations", "send a request")


@dataclass(frozen=True)
class Row:
    users: int
    endpoint: str
    requests: int
    failures: int
    p50: float
    p95: float
    rps: float


def _environment(database_url: str, data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SETTINGS_MODULE="bench.load.settings",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
        SMEX_DATA_DIR=str(data_dir),
    )
    env.pop("DEBUG", None)
    return env


def _create_database(database_url: str, *, fresh: bool) -> None:
    """The benchmark's own database; `fresh` drops it first (faster than deleting 100,000 rows)."""
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    admin = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        if fresh:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def _smex(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "smexchange", *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _serve(env: dict[str, str], port: int, workers: int, threads: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "smexchange.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--worker-class=gthread",
            f"--threads={threads}",
            # Longer than a user's pause between clicks: with gunicorn's default of 2 s the server
            # closes a kept-alive connection just as the client reuses it (connection reset).
            "--keep-alive=30",
            "--log-level=warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
            return server
        except OSError:
            time.sleep(0.5)
    os.killpg(server.pid, signal.SIGTERM)
    raise RuntimeError("gunicorn did not answer within 60 s")


class LoadSampler(threading.Thread):
    """Samples the machine's 1-minute load average while a level runs."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: list[float] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(5):
            self.samples.append(os.getloadavg()[0])

    def summary(self) -> str:
        if not self.samples:
            return f"{os.getloadavg()[0]:.1f}"
        return f"{sum(self.samples) / len(self.samples):.1f} (max {max(self.samples):.1f})"


def _drive(env: dict[str, str], port: int, users: int, duration: int, folder: Path) -> tuple[list[Row], str]:
    prefix = folder / f"users{users}"
    sampler = LoadSampler()
    sampler.start()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(ROOT / "bench" / "load" / "locustfile.py"),
            "--headless",
            f"--users={users}",
            f"--spawn-rate={max(1, users // 5)}",
            f"--run-time={duration}s",
            f"--host=http://127.0.0.1:{port}",
            f"--csv={prefix}",
            "--only-summary",
            "--stop-timeout=5",
            "--loglevel=WARNING",
        ],
        env=env,
        cwd=ROOT,
        check=False,  # locust exits 1 when any request failed: the table says which
        stdout=subprocess.DEVNULL,
    )
    sampler.stopping.set()
    rows = []
    with open(f"{prefix}_stats.csv", newline="") as stats:
        for record in csv.DictReader(stats):
            if record["Name"] in ENDPOINTS:
                rows.append(
                    Row(
                        users=users,
                        endpoint=record["Name"],
                        requests=int(record["Request Count"]),
                        failures=int(record["Failure Count"]),
                        p50=float(record["50%"]),
                        p95=float(record["95%"]),
                        rps=float(record["Requests/s"]),
                    )
                )
    rows.sort(key=lambda row: ENDPOINTS.index(row.endpoint))
    return rows, sampler.summary()


def table(rows: list[Row]) -> str:
    lines = [
        "| users | endpoint | requests | errors | p50 ms | p95 ms | requests/s |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {r.users} | {r.endpoint} | {r.requests} | {r.failures} | {r.p50:.0f} | {r.p95:.0f} | {r.rps:.1f} |"
        for r in rows
    ]
    return "\n".join(lines)


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="smex bench load")
    parser.add_argument("--participants", type=int, default=5000)
    parser.add_argument("--users", default="20,50", help="comma-separated concurrent users, one run each")
    parser.add_argument("--duration", type=int, default=60, help="seconds per level")
    parser.add_argument("--database-url", default=os.environ.get("LOAD_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--reuse", action="store_true", help="skip seeding: the database holds the expo already"
    )
    parser.add_argument("--no-write", action="store_true", help="print only, leave BENCHMARKS.md alone")
    options = parser.parse_args(argv)
    levels = [int(users) for users in options.users.split(",")]
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="smex-load-") as folder:
        env = _environment(options.database_url, Path(folder))
        _create_database(options.database_url, fresh=not options.reuse)
        _smex(env, "migrate", "--verbosity=0")
        _smex(env, "collectstatic", "--noinput", "--verbosity=0")
        started = time.monotonic()
        seeding = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.load.seeder",
                str(options.participants),
                *(["--reuse"] if options.reuse else []),
            ],
            env=env,
            cwd=ROOT,
            check=False,
            capture_output=True,
            text=True,
        )
        if seeding.returncode != 0:
            print(seeding.stderr[-3000:], file=sys.stderr)
            return 1
        seeded = json.loads(seeding.stdout.splitlines()[-1])
        seed_seconds = time.monotonic() - started
        env.update(
            LOAD_EVENT=seeded["event"],
            LOAD_PARTICIPANTS=str(options.participants),
            LOAD_FIRST_REGISTRATION=str(seeded["first_registration"]),
            LOAD_TERMS=",".join(seeded["terms"]),
            LOAD_SESSIONS=",".join(seeded["sessions"]),
        )
        server = _serve(env, options.port, options.workers, options.threads)
        try:
            rows: list[Row] = []
            loads = []
            for users in levels:
                level_rows, load = _drive(env, options.port, users, options.duration, Path(folder))
                rows += level_rows
                loads.append(f"{users} users: {load}")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    result = table(rows)
    print(result)
    if not options.no_write:
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        write_section(
            "load",
            "## Web site under load (`smex bench load`)\n\n"
            f"Run on {when}: {machine()}; PostgreSQL on the same machine; gunicorn "
            f"{options.workers} workers x {options.threads} threads, production settings; locust in a child "
            f"process on the same cores; one expo of {options.participants:,} participants (seeded in "
            f"{seed_seconds:.0f} s); each user signed in (a session made by the seeder) as its own participant, waiting 1-2 s between "
            f"requests; {options.duration} s per level. Load average (1/5/15 min) before it started, from "
            f"other work on the machine: {load_before[0]:.1f}/{load_before[1]:.1f}/{load_before[2]:.1f}; "
            "load average (1 min, this benchmark included) while it ran: "
            f"{'; '.join(loads)}.\n\n{result}",
        )
    return 0 if rows and all(r.failures == 0 for r in rows) else 1
