"""The LP bound, the weight MIP and the first-come-first-served baseline on tiny instances."""

from __future__ import annotations

import pytest

from smexchange.scheduling import parse_instance
from smexchange.scheduling.bound import relax_weight, solve_weight_mip
from smexchange.scheduling.greedy import first_come_first_served, greedy_schedule, reserved_greedy
from smexchange.scheduling.problem import compile_problem
from tests.scheduling.conftest import Raw, slots

pytestmark = pytest.mark.unit


def _crowded() -> Raw:
    """Hub meets five spokes in two slots; the spokes' requests came lightest first."""
    return {
        "slots": slots("am", 2),
        "tables": ["T1", "T2"],
        "participants": [{"id": "hub"}] + [{"id": f"s{n}"} for n in range(5)],
        "meetings": [
            {"id": f"m{n}", "a": "hub", "b": f"s{n}", "weight": [1, 2, 3, 1, 3][n]} for n in range(5)
        ],
    }


def test_weight_upper_bound_counts_participant_capacity() -> None:
    problem = compile_problem(parse_instance(_crowded()))

    assert relax_weight(problem).bound == 6


def test_weight_upper_bound_two_sessions_is_total(two_sessions: Raw) -> None:
    problem = compile_problem(parse_instance(two_sessions))

    assert relax_weight(problem).bound == 10


def test_solve_weight_mip_proves_maximum() -> None:
    problem = compile_problem(parse_instance(_crowded()))

    found = solve_weight_mip(problem, time_limit=5)

    assert found is not None
    placed, proven, bound = found
    assert (sorted(placed), proven, bound) == ([2, 4], True, 6)


def test_solve_weight_mip_keeps_preferred_placements_among_the_heaviest() -> None:
    problem = compile_problem(parse_instance(_crowded()))

    # m2 and m4 (weight 3 each) in either order are both heaviest; the preferred order wins.
    for prefer in ({2: 1, 4: 0}, {2: 0, 4: 1}):
        found = solve_weight_mip(problem, time_limit=5, prefer=prefer)

        assert found is not None
        placed, proven, bound = found
        assert ({m: s for m, (s, _) in placed.items()}, proven, bound) == (prefer, True, 6)


def test_solve_weight_mip_never_trades_weight_for_preferred_placements() -> None:
    problem = compile_problem(parse_instance(_crowded()))

    # First come, first served holds m0 and m1 (weight 3): the MIP still holds the weight 6.
    found = solve_weight_mip(problem, time_limit=5, prefer={0: 0, 1: 1})

    assert found is not None
    placed, proven, bound = found
    assert (sorted(placed), proven, bound) == ([2, 4], True, 6)


def test_solve_weight_mip_assigns_interpreters(interpreted: Raw) -> None:
    problem = compile_problem(parse_instance(interpreted))

    found = solve_weight_mip(problem, time_limit=5)

    assert found is not None
    assert {m: i for m, (_, i) in found[0].items()} == {0: 0, 1: 0, 2: -1, 3: -1}


def test_first_come_first_served_books_in_request_order() -> None:
    problem = compile_problem(parse_instance(_crowded()))

    state = first_come_first_served(problem)

    assert (state.slot_of, state.weight()) == ([0, 1, -1, -1, -1], 3)


def test_greedy_schedule_takes_heaviest_first() -> None:
    problem = compile_problem(parse_instance(_crowded()))

    state = greedy_schedule(problem)

    assert (state.weight(), [m for m, s in enumerate(state.slot_of) if s >= 0]) == (6, [2, 4])


def test_relax_weight_chooses_the_heaviest_meetings_and_their_session(two_sessions: Raw) -> None:
    problem = compile_problem(parse_instance(two_sessions))

    relaxation = relax_weight(problem)

    assert (relaxation.bound, relaxation.chosen) == (10, frozenset(range(6)))
    assert relaxation.session[4] == 1  # m56 may only be held in pm-1


def test_relax_weight_counts_participant_capacity() -> None:
    problem = compile_problem(parse_instance(_crowded()))

    relaxation = relax_weight(problem)

    assert (relaxation.bound, relaxation.chosen) == (6, frozenset({2, 4}))


def test_greedy_schedule_follows_the_lp_session() -> None:
    raw = {
        "slots": slots("am", 2) + slots("pm", 2, hour=14),
        "tables": ["T1"],
        "participants": [{"id": "a"}, {"id": "b"}],
        "meetings": [{"id": "m", "a": "a", "b": "b"}],
    }
    problem = compile_problem(parse_instance(raw))

    state = greedy_schedule(problem, frozenset({0}), {0: 1})

    assert state.slot_of == [2]


def test_reserved_greedy_keeps_every_planned_meeting_and_closes_the_gap() -> None:
    raw = {
        "slots": slots("am", 3),
        "tables": ["T1"],
        "participants": [{"id": "hub"}, {"id": "s0"}, {"id": "s1"}],
        "meetings": [{"id": "m0", "a": "hub", "b": "s0"}, {"id": "m1", "a": "hub", "b": "s1"}],
    }
    problem = compile_problem(parse_instance(raw))

    state = reserved_greedy(problem, {0: (0, -1), 1: (2, -1)})

    assert (state.weight(), sorted(state.slot_of)) == (2, [0, 1])
