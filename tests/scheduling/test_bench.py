"""`smex bench scheduling` options at a tiny size (the benchmark itself runs by hand)."""

from __future__ import annotations

import pytest

from bench import scheduling as bench_scheduling

pytestmark = pytest.mark.unit


def test_bench_only_and_methods_run_one_instance_and_leave_benchmarks_alone(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[str] = []
    monkeypatch.setattr(bench_scheduling, "write_section", lambda *args, **kwargs: written.append(args[0]))

    status = bench_scheduling.run(["--only", "tiny-20", "--methods", "fcfs"])

    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| tiny-20")]
    assert (status, written, len(rows)) == (0, [], 1)
    assert "| fcfs |" in rows[0]
    assert rows[0].endswith("| yes |")


def test_bench_rejects_an_unknown_instance() -> None:
    with pytest.raises(SystemExit):
        bench_scheduling.run(["--only", "nowhere"])
