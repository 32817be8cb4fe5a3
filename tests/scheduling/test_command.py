"""`smex schedule` through the real entry point: exit status, stderr line, output file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smexchange.__main__ import main
from smexchange.scheduling import Assignment, Solution, Stats, Unscheduled, parse_instance, validate
from tests.scheduling.conftest import Raw

pytestmark = pytest.mark.unit


def _run(*args: str) -> int:
    try:
        main(["smex", "schedule", *args])
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0


def _read_solution(path: Path) -> Solution:
    data = json.loads(path.read_text())
    return Solution(
        assignments=tuple(Assignment(**item) for item in data["assignments"]),
        unscheduled=tuple(Unscheduled(**item) for item in data["unscheduled"]),
        stats=Stats(**data["stats"]),
    )


@pytest.mark.parametrize("workers", [[], ["--workers", "2"]], ids=["one-worker", "two-workers"])
def test_schedule_command_writes_valid_solution(
    tmp_path: Path, two_sessions: Raw, workers: list[str]
) -> None:
    source, out = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(two_sessions))

    status = _run("--instance", str(source), "--out", str(out), "--time-limit", "10", "--quiet", *workers)

    assert status == 0
    solution = _read_solution(out)
    assert validate(parse_instance(two_sessions), solution) == []
    assert (solution.stats.weight_scheduled, solution.stats.status) == (10, "OPTIMAL")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"slots": [', "malformed JSON at line 1 column 12: Expecting value"),
        (
            '{"slots": [{"id": "s", "session": "a"}], "participants": [{"id": "p"}],'
            ' "meetings": [{"id": "m", "a": "p", "b": "q"}]}',
            "meeting m: unknown participant 'q' in 'b'",
        ),
        (
            '{"slots": [{"id": "s", "session": "a"}], "participants": [{"id": "p"}, {"id": "q"}],'
            ' "meetings": [{"id": "m", "a": "p", "b": "q", "weight": -3}]}',
            "meeting m: negative weight -3",
        ),
    ],
)
def test_schedule_command_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, problem: str
) -> None:
    source, out = tmp_path / "bad.json", tmp_path / "out.json"
    source.write_text(text)

    status = _run("--instance", str(source), "--out", str(out))

    assert status == 2
    assert capsys.readouterr().err == f"smex schedule: {source}: {problem}\n"
    assert list(tmp_path.iterdir()) == [source]


def test_schedule_command_bad_input_leaves_old_output_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], two_sessions: Raw
) -> None:
    source, out = tmp_path / "in.json", tmp_path / "out.json"
    two_sessions["meetings"].append(dict(two_sessions["meetings"][0]))
    source.write_text(json.dumps(two_sessions))
    out.write_text("old")

    status = _run("--instance", str(source), "--out", str(out))

    assert status == 2
    assert capsys.readouterr().err == f"smex schedule: {source}: meeting m12: duplicate id\n"
    assert out.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json", "out.json"]


def test_schedule_command_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "nope.json"

    status = _run("--instance", str(source), "--out", str(tmp_path / "out.json"))

    assert status == 2
    assert (
        capsys.readouterr().err
        == f"smex schedule: {source}: cannot read the file: No such file or directory\n"
    )


def test_schedule_command_refuses_zero_workers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], two_sessions: Raw
) -> None:
    source, out = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(two_sessions))

    status = _run("--instance", str(source), "--out", str(out), "--workers", "0")

    assert status == 2
    assert capsys.readouterr().err == "smex schedule: --workers must be at least 1, got 0\n"
    assert not out.exists()
