"""schedule_meetings: each hard rule, the objective order, status, repair, determinism."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from smexchange.scheduling import Progress, Solution, parse_instance, schedule_meetings, validate
from smexchange.scheduling import solve as solve_module
from tests.scheduling.conftest import Raw, placed, slots

pytestmark = pytest.mark.unit

Solve = Callable[..., tuple[object, Solution]]


def _star(count: int, slot_count: int, weights: list[int]) -> Raw:
    """Participant hub meets spokes s0..s{count-1}, in `slot_count` slots of one session."""
    return {
        "slots": slots("am", slot_count),
        "tables": ["T1", "T2", "T3", "T4"],
        "participants": [{"id": "hub"}] + [{"id": f"s{n}"} for n in range(count)],
        "meetings": [{"id": f"m{n}", "a": "hub", "b": f"s{n}", "weight": weights[n]} for n in range(count)],
    }


def test_schedule_meetings_two_sessions_places_all_optimally(solve: Solve, two_sessions: Raw) -> None:
    _, solution = solve(two_sessions)

    stats = solution.stats
    assert (stats.scheduled, stats.weight_scheduled, stats.weight_upper_bound) == (6, 10, 10)
    assert (stats.idle_slots, stats.breaks, stats.status) == (0, 0, "OPTIMAL")
    assert solution.unscheduled == ()


def test_schedule_meetings_meeting_slots_are_respected(solve: Solve, two_sessions: Raw) -> None:
    _, solution = solve(two_sessions)

    assert placed(solution)["m56"] == "pm-1"


def test_schedule_meetings_availability_is_respected(solve: Solve, two_sessions: Raw) -> None:
    _, solution = solve(two_sessions)

    sessions = {placed(solution)[m].split("-")[0] for m in ("m14", "m45")}
    assert sessions == {"am"}


def test_schedule_meetings_booth_holder_meets_at_booth(solve: Solve, two_sessions: Raw) -> None:
    _, solution = solve(two_sessions)

    locations = {item.meeting: item.location for item in solution.assignments}
    assert (locations["m13"], locations["m23"]) == ("B3", "B3")
    assert {locations[m] for m in ("m12", "m14", "m45", "m56")} <= {"T1", "T2"}


def test_schedule_meetings_participant_slot_keeps_heaviest(solve: Solve) -> None:
    _, solution = solve(_star(3, 2, [3, 2, 1]))

    assert set(placed(solution)) == {"m0", "m1"}
    assert [(u.meeting, u.reason) for u in solution.unscheduled] == [
        ("m2", "every common slot is taken by meetings of more value (participants, tables or interpreters)")
    ]
    assert (solution.stats.weight_upper_bound, solution.stats.status) == (5, "OPTIMAL")


def test_schedule_meetings_table_capacity_limits_each_slot(solve: Solve) -> None:
    raw = {
        "slots": slots("am", 2),
        "tables": ["T1"],
        "participants": [{"id": f"p{n}"} for n in range(8)],
        "meetings": [
            {"id": f"m{n}", "a": f"p{2 * n}", "b": f"p{2 * n + 1}", "weight": n + 1} for n in range(4)
        ],
    }

    _, solution = solve(raw)

    assert set(placed(solution)) == {"m2", "m3"}
    assert sorted(item.location for item in solution.assignments) == ["T1", "T1"]


def test_schedule_meetings_shared_booth_holds_one_meeting_per_slot(solve: Solve) -> None:
    raw = {
        "slots": slots("am", 1),
        "tables": [],
        "participants": [
            {"id": "x1", "booth": "B1"},
            {"id": "x2", "booth": "B1"},
            {"id": "v1"},
            {"id": "v2"},
        ],
        "meetings": [{"id": "m1", "a": "x1", "b": "v1"}, {"id": "m2", "a": "v2", "b": "x2", "weight": 2}],
    }

    _, solution = solve(raw)

    assert placed(solution) == {"m2": "am-0"}


def test_schedule_meetings_max_meetings_is_respected(solve: Solve) -> None:
    raw = _star(3, 3, [1, 3, 2])
    raw["participants"][0]["max_meetings"] = 1

    _, solution = solve(raw)

    assert set(placed(solution)) == {"m1"}
    assert solution.unscheduled[0].reason == "participant hub reached max_meetings 1"


def test_schedule_meetings_no_common_slot_is_explained(solve: Solve, two_sessions: Raw) -> None:
    two_sessions["participants"][4]["available"] = ["am-0"]
    two_sessions["participants"][5]["available"] = ["pm-0", "pm-1", "pm-2"]

    _, solution = solve(two_sessions)

    assert [(u.meeting, u.reason) for u in solution.unscheduled] == [("m56", "no common available slot")]
    assert solution.stats.weight_upper_bound == 9


def test_schedule_meetings_interpreters_serve_meetings_without_common_language(
    solve: Solve, interpreted: Raw
) -> None:
    _, solution = solve(interpreted)

    interpreters = {item.meeting: item.interpreter for item in solution.assignments}
    assert interpreters == {"m1": "i1", "m2": "i1", "m3": None, "m4": None}
    assert {placed(solution)["m1"], placed(solution)["m2"]} == {"am-0", "am-1"}


def test_schedule_meetings_scarce_interpreter_keeps_heaviest(solve: Solve, interpreted: Raw) -> None:
    interpreted["interpreters"][0]["available"] = ["am-0"]

    _, solution = solve(interpreted)

    assert placed(solution)["m1"] == "am-0"
    assert [(u.meeting, u.reason) for u in solution.unscheduled] == [
        ("m2", "every common slot is taken by meetings of more value (participants, tables or interpreters)")
    ]


def test_schedule_meetings_without_interpreter_list_needs_none(solve: Solve, interpreted: Raw) -> None:
    interpreted.pop("interpreters")

    _, solution = solve(interpreted)

    assert solution.stats.scheduled == 4
    assert {item.interpreter for item in solution.assignments} == {None}


def test_schedule_meetings_forced_gap_is_counted(solve: Solve) -> None:
    raw = _star(2, 3, [1, 1])
    raw["meetings"][0]["slots"] = ["am-0"]
    raw["meetings"][1]["slots"] = ["am-2"]

    _, solution = solve(raw)

    assert (solution.stats.idle_slots, solution.stats.breaks, solution.stats.status) == (1, 1, "OPTIMAL")


def test_schedule_meetings_idle_slots_are_minimized(solve: Solve) -> None:
    raw = _star(3, 6, [1, 1, 1])

    _, solution = solve(raw)

    hub_slots = sorted(placed(solution).values())
    assert solution.stats.idle_slots == 0
    assert len(hub_slots) == 3


def test_schedule_meetings_minimize_breaks_prefers_one_long_gap(solve: Solve) -> None:
    raw = _star(3, 6, [1, 1, 1])
    raw["meetings"][0]["slots"] = ["am-0"]
    raw["meetings"][1]["slots"] = ["am-1", "am-2"]
    raw["meetings"][2]["slots"] = ["am-4", "am-5"]
    raw["minimize"] = "breaks"

    _, solution = solve(raw)

    assert (solution.stats.breaks, solution.stats.idle_slots) == (1, 2)
    assert placed(solution) == {"m0": "am-0", "m1": "am-1", "m2": "am-4"}


def test_schedule_meetings_locked_meeting_stays_put(solve: Solve, two_sessions: Raw) -> None:
    two_sessions["locked"] = [
        {"meeting": "m12", "slot": "pm-2", "location": "T2"},
        {"meeting": "m45", "slot": "am-0"},
    ]

    _, solution = solve(two_sessions)

    records = {item.meeting: (item.slot, item.location) for item in solution.assignments}
    assert records["m12"] == ("pm-2", "T2")
    assert records["m45"][0] == "am-0"
    assert solution.stats.weight_scheduled == 10


def test_schedule_meetings_same_seed_gives_same_schedule(two_sessions: Raw) -> None:
    instance = parse_instance(two_sessions)

    first = schedule_meetings(instance, time_limit=10, seed=7)
    second = schedule_meetings(instance, time_limit=10, seed=7)

    assert first.assignments == second.assignments


def test_schedule_meetings_progress_reports_each_phase(two_sessions: Raw) -> None:
    reports: list[Progress] = []

    schedule_meetings(parse_instance(two_sessions), time_limit=10, progress=reports.append)

    # Every meeting fits and a schedule without waiting exists: "no gap" ends the run.
    assert [r.phase for r in reports] == ["greedy", "no_gap"]
    assert (reports[-1].weight, reports[-1].bound, reports[-1].idle_slots) == (10, 10, 0)


def test_schedule_meetings_progress_reports_gap_phases_when_a_gap_is_forced() -> None:
    raw = _star(2, 3, [1, 1])
    raw["meetings"][0]["slots"] = ["am-0"]
    raw["meetings"][1]["slots"] = ["am-2"]
    reports: list[Progress] = []

    schedule_meetings(parse_instance(raw), time_limit=10, progress=reports.append)

    phases = [r.phase for r in reports]
    assert (phases[0], phases[-2:]) == ("greedy", ["idle_slots", "breaks"])
    assert (reports[-1].weight, reports[-1].bound, reports[-1].idle_slots, reports[-1].breaks) == (2, 2, 1, 1)


def test_schedule_meetings_large_path_never_claims_optimal(
    two_sessions: Raw, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(solve_module, "EXACT_VARIABLE_LIMIT", 0)
    instance = parse_instance(two_sessions)

    solution = schedule_meetings(instance, time_limit=2)

    assert validate(instance, solution) == []
    assert solution.stats.status == "FEASIBLE"
    assert solution.stats.weight_scheduled == 10


def test_schedule_meetings_dense_round_robin_holds_all_without_breaks(solve: Solve) -> None:
    raw = {
        "slots": slots("am", 3),
        "tables": ["T1", "T2"],
        "participants": [{"id": f"p{n}"} for n in range(4)],
        "meetings": [
            {"id": f"m{a}{b}", "a": f"p{a}", "b": f"p{b}"} for a in range(4) for b in range(a + 1, 4)
        ],
        "minimize": "breaks",
    }

    _, solution = solve(raw)

    stats = solution.stats
    assert (stats.scheduled, stats.weight_upper_bound, stats.breaks, stats.idle_slots) == (6, 6, 0, 0)
    assert stats.status == "OPTIMAL"
