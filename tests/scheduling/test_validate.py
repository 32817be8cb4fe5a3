"""The independent checker names each broken rule and each wrong statistic."""

from __future__ import annotations

import dataclasses

import pytest

from smexchange.scheduling import Assignment, Instance, Solution, Stats, Unscheduled, parse_instance, validate
from smexchange.scheduling.validate import compute_stats
from tests.scheduling.conftest import Raw

pytestmark = pytest.mark.unit


def _solution(instance: Instance, assignments: list[Assignment]) -> Solution:
    """A solution with correct coverage and statistics around the given assignments."""
    held = {a.meeting for a in assignments}
    figures = compute_stats(instance, assignments)
    stats = Stats(**figures, weight_upper_bound=100, status="FEASIBLE", solve_seconds=0.0)
    unscheduled = tuple(Unscheduled(m.id, "test") for m in instance.meetings if m.id not in held)
    return Solution(assignments=tuple(assignments), unscheduled=unscheduled, stats=stats)


def _rules(instance: Instance, assignments: list[Assignment]) -> list[str]:
    return [v.rule for v in validate(instance, _solution(instance, assignments))]


def test_validate_valid_solution_has_no_violations(two_sessions: Raw) -> None:
    instance = parse_instance(two_sessions)

    assert _rules(instance, [Assignment("m12", "am-0", "T1"), Assignment("m13", "am-1", "B3")]) == []


def test_validate_participant_twice_in_a_slot(two_sessions: Raw) -> None:
    instance = parse_instance(two_sessions)

    rules = _rules(instance, [Assignment("m12", "am-0", "T1"), Assignment("m14", "am-0", "T2")])

    assert rules == ["participant_slot"]


def test_validate_unavailable_participant(two_sessions: Raw) -> None:
    instance = parse_instance(two_sessions)

    assert _rules(instance, [Assignment("m14", "pm-0", "T1")]) == ["participant_available"]


def test_validate_meeting_outside_its_slots(two_sessions: Raw) -> None:
    instance = parse_instance(two_sessions)

    assert _rules(instance, [Assignment("m56", "pm-0", "T1")]) == ["meeting_slots"]


def test_validate_table_twice_in_a_slot(two_sessions: Raw) -> None:
    instance = parse_instance(two_sessions)

    rules = _rules(instance, [Assignment("m12", "am-0", "T1"), Assignment("m45", "am-0", "T1")])

    assert rules == ["location_slot"]


def test_validate_booth_meeting_at_a_table(two_sessions: Raw) -> None:
    instance = parse_instance(two_sessions)

    assert _rules(instance, [Assignment("m13", "am-0", "T1")]) == ["location"]


def test_validate_max_meetings(two_sessions: Raw) -> None:
    two_sessions["participants"][0]["max_meetings"] = 1
    instance = parse_instance(two_sessions)

    rules = _rules(instance, [Assignment("m12", "am-0", "T1"), Assignment("m14", "am-1", "T1")])

    assert rules == ["max_meetings"]


def test_validate_missing_interpreter(interpreted: Raw) -> None:
    instance = parse_instance(interpreted)

    assert _rules(instance, [Assignment("m1", "am-0", "T1")]) == ["interpreter_needed"]


def test_validate_interpreter_unavailable_and_double_booked(interpreted: Raw) -> None:
    instance = parse_instance(interpreted)

    assert _rules(instance, [Assignment("m1", "am-2", "T1", "i1")]) == ["interpreter_available"]
    interpreted["participants"].append({"id": "pt3", "languages": ["pt"]})
    interpreted["participants"].append({"id": "zh2", "languages": ["zh"]})
    interpreted["meetings"].append({"id": "m5", "a": "zh2", "b": "pt3"})
    instance = parse_instance(interpreted)
    rules = _rules(instance, [Assignment("m1", "am-0", "T1", "i1"), Assignment("m5", "am-0", "T2", "i1")])
    assert rules == ["interpreter_slot"]


def test_validate_locked_meeting_moved(two_sessions: Raw) -> None:
    two_sessions["locked"] = [{"meeting": "m12", "slot": "am-0"}]
    instance = parse_instance(two_sessions)

    assert _rules(instance, [Assignment("m12", "am-1", "T1")]) == ["locked"]


def test_validate_coverage_and_duplicates(two_sessions: Raw) -> None:
    instance = parse_instance(two_sessions)
    solution = _solution(instance, [Assignment("m12", "am-0", "T1")])
    broken = dataclasses.replace(
        solution,
        unscheduled=(*solution.unscheduled[1:], Unscheduled("m12", "twice"), Unscheduled("m77", "?")),
    )

    assert [v.rule for v in validate(instance, broken)] == ["meeting_once", "coverage", "coverage"]


def test_validate_wrong_statistics_are_named(two_sessions: Raw) -> None:
    instance = parse_instance(two_sessions)
    solution = _solution(instance, [Assignment("m12", "am-0", "T1"), Assignment("m14", "am-2", "T1")])
    wrong = dataclasses.replace(
        solution, stats=dataclasses.replace(solution.stats, idle_slots=0, status="OPTIMAL")
    )

    assert [str(v) for v in validate(instance, wrong)] == [
        "[stats] stats: idle_slots is 0, recomputed 1",
        "[stats] stats: OPTIMAL but weight_scheduled differs from weight_upper_bound",
    ]


def test_compute_stats_counts_idle_and_breaks_per_session(two_sessions: Raw) -> None:
    two_sessions["slots"][3:] = [dict(slot, session="am") for slot in two_sessions["slots"][3:]]
    for slot in two_sessions["slots"]:
        slot.pop("start")
        slot.pop("end")
    instance = parse_instance(two_sessions)
    assignments = [
        Assignment("m12", "am-0", "T1"),
        Assignment("m13", "pm-0", "B3"),
        Assignment("m14", "am-2", "T1"),
    ]

    figures = compute_stats(instance, assignments)

    # p1 meets in am-0, am-2 and pm-0 of one merged session: am-1 is its only idle slot
    assert (figures["idle_slots"], figures["breaks"], figures["weight_scheduled"]) == (1, 1, 6)
