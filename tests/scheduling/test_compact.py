"""Gap-closing moves, swaps and Kempe chains (compact.py) on hand-built schedules."""

from __future__ import annotations

import time

import pytest

from smexchange.scheduling import compact, parse_instance
from smexchange.scheduling.compact import compact_gaps, session_gaps
from smexchange.scheduling.problem import compile_problem
from smexchange.scheduling.state import FREE, ScheduleState
from tests.scheduling.conftest import Raw, slots

pytestmark = pytest.mark.unit


def _hub(count: int, slot_count: int) -> Raw:
    return {
        "slots": slots("am", slot_count),
        "tables": ["T1", "T2"],
        "participants": [{"id": "hub"}] + [{"id": f"s{n}"} for n in range(count)],
        "meetings": [{"id": f"m{n}", "a": "hub", "b": f"s{n}"} for n in range(count)],
    }


def _state(raw: Raw, placed: dict[int, int]) -> ScheduleState:
    state = ScheduleState(compile_problem(parse_instance(raw)))
    for m, s in placed.items():
        state.place(m, s, FREE)
    return state


def test_session_gaps_counts_idle_slots_and_runs() -> None:
    state = _state(_hub(3, 6), {0: 0, 1: 2, 2: 5})

    assert session_gaps(state.problem, state, 0, 0) == (3, 2)


def test_compact_gaps_closes_the_hub_gaps_and_keeps_every_meeting() -> None:
    state = _state(_hub(3, 6), {0: 0, 1: 2, 2: 5})

    moves = compact_gaps(state.problem, state, deadline=time.perf_counter() + 10)

    assert moves > 0
    assert session_gaps(state.problem, state, 0, 0) == (0, 0)
    assert FREE not in state.slot_of


def test_compact_gaps_closes_a_hole_without_opening_one_elsewhere() -> None:
    raw = _hub(2, 3)
    raw["participants"].append({"id": "x"})
    raw["meetings"].append({"id": "mx", "a": "s0", "b": "x"})
    # hub meets s0 at 0 and s1 at 2; s0 also meets x at 1: the hub's hole must close without
    # opening one for s0.
    state = _state(raw, {0: 0, 1: 2, 2: 1})

    compact_gaps(state.problem, state, deadline=time.perf_counter() + 10)

    gaps = [session_gaps(state.problem, state, p, 0) for p in range(4)]
    assert gaps == [(0, 0), (0, 0), (0, 0), (0, 0)]
    assert FREE not in state.slot_of


def test_compact_gaps_leaves_locked_meetings_in_place() -> None:
    raw = _hub(2, 4)
    raw["locked"] = [{"meeting": "m1", "slot": "am-3"}]
    state = _state(raw, {0: 0, 1: 3})

    compact_gaps(state.problem, state, deadline=time.perf_counter() + 10)

    assert state.slot_of == [2, 3]


def _chain_needed() -> Raw:
    """A waits at am-1 between x (am-0) and y (am-2); every single move and every swap of two
    meetings is blocked, but x, v and u can trade am-0 and am-1 all together."""
    people = "ABCDEFG"
    meetings = {"x": "AB", "y": "AC", "z": "CD", "w": "DE", "v": "BF", "u": "FG"}
    return {
        "slots": slots("am", 3),
        "tables": ["T1", "T2", "T3", "T4"],
        "participants": [{"id": p} for p in people],
        "meetings": [{"id": m, "a": a, "b": b} for m, (a, b) in meetings.items()],
    }


def _chain_start() -> ScheduleState:
    return _state(_chain_needed(), {0: 0, 1: 2, 2: 1, 3: 2, 4: 1, 5: 0})


def _idle(state: ScheduleState) -> int:
    return sum(session_gaps(state.problem, state, p, 0)[0] for p in range(state.problem.n_participants))


def test_a_kempe_chain_closes_a_gap_that_no_move_or_swap_closes(monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = _chain_start()
    monkeypatch.setattr(compact, "CHAIN_LIMIT", 2)  # chains of two are swaps, which are tried anyway
    compact_gaps(blocked.problem, blocked, deadline=time.perf_counter() + 10)
    assert _idle(blocked) == 1

    monkeypatch.undo()
    state = _chain_start()
    log: list[compact.Placements] = []
    compact_gaps(state.problem, state, deadline=time.perf_counter() + 10, log=log)

    assert _idle(state) == 0
    assert FREE not in state.slot_of
    assert max(len(change) for change in log) == 3


def test_a_chain_through_a_locked_meeting_is_not_tried() -> None:
    raw = _chain_needed()
    # Both chains that close A's gap run through u or w.
    raw["locked"] = [{"meeting": "u", "slot": "am-0"}, {"meeting": "w", "slot": "am-2"}]
    state = _state(raw, {0: 0, 1: 2, 2: 1, 3: 2, 4: 1, 5: 0})

    compact_gaps(state.problem, state, deadline=time.perf_counter() + 10)

    assert _idle(state) == 1
    assert state.slot_of[3] == 2
    assert state.slot_of[5] == 0
