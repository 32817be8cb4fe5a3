"""Tiny hand-built scheduling instances, as JSON-like dicts (the contract's own shape)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from smexchange.scheduling import Instance, Solution, parse_instance, schedule_meetings, validate

Raw = dict[str, Any]


def slots(session: str, count: int, *, day: str = "2009-07-13", hour: int = 9) -> list[Raw]:
    """`count` consecutive 20-minute slots named <session>-<n>."""
    result = []
    for n in range(count):
        start, end = hour * 60 + 20 * n, hour * 60 + 20 * (n + 1)
        result.append(
            {
                "id": f"{session}-{n}",
                "session": session,
                "start": f"{day}T{start // 60:02d}:{start % 60:02d}:00+08:00",
                "end": f"{day}T{end // 60:02d}:{end % 60:02d}:00+08:00",
            }
        )
    return result


@pytest.fixture
def two_sessions() -> Raw:
    """Six participants, two sessions of three slots, two tables, six meetings, one booth."""
    return {
        "name": "two-sessions",
        "slots": slots("am", 3) + slots("pm", 3, hour=14),
        "tables": ["T1", "T2"],
        "participants": [
            {"id": "p1"},
            {"id": "p2"},
            {"id": "p3", "booth": "B3"},
            {"id": "p4", "available": ["am-0", "am-1", "am-2"]},
            {"id": "p5"},
            {"id": "p6"},
        ],
        "meetings": [
            {"id": "m12", "a": "p1", "b": "p2", "weight": 3},
            {"id": "m13", "a": "p1", "b": "p3", "weight": 2},
            {"id": "m14", "a": "p1", "b": "p4"},
            {"id": "m23", "a": "p2", "b": "p3"},
            {"id": "m56", "a": "p5", "b": "p6", "slots": ["pm-1"]},
            {"id": "m45", "a": "p4", "b": "p5", "weight": 2},
        ],
    }


@pytest.fixture
def interpreted() -> Raw:
    """A Chinese and two Brazilian SMEs with no common language and one interpreter."""
    return {
        "name": "interpreted",
        "slots": slots("am", 3),
        "tables": ["T1", "T2"],
        "participants": [
            {"id": "zh1", "languages": ["zh"]},
            {"id": "pt1", "languages": ["pt"]},
            {"id": "pt2", "languages": ["pt", "es"]},
            {"id": "en1", "languages": ["en", "zh"]},
        ],
        "interpreters": [{"id": "i1", "languages": ["zh", "pt"], "available": ["am-0", "am-1"]}],
        "meetings": [
            {"id": "m1", "a": "zh1", "b": "pt1", "weight": 3},
            {"id": "m2", "a": "zh1", "b": "pt2", "weight": 2},
            {"id": "m3", "a": "zh1", "b": "en1"},
            {"id": "m4", "a": "pt1", "b": "pt2"},
        ],
    }


@pytest.fixture
def solve() -> Callable[..., tuple[Instance, Solution]]:
    """Parse, solve, and check the result with the independent validator."""

    def run(raw: Raw, **options: Any) -> tuple[Instance, Solution]:
        instance = parse_instance(copy.deepcopy(raw))
        solution = schedule_meetings(instance, time_limit=options.pop("time_limit", 10.0), **options)
        assert validate(instance, solution) == []
        return instance, solution

    return run


def placed(solution: Solution) -> dict[str, str]:
    """Meeting id -> slot id of the scheduled meetings."""
    return {item.meeting: item.slot for item in solution.assignments}
