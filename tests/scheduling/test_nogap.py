"""The "no gap" model: every meeting held and nobody waiting, or a proof that it cannot be."""

from __future__ import annotations

import pytest
from bench.scheduling.generate import generate_brokerage

from smexchange.scheduling import parse_instance, schedule_meetings, validate
from smexchange.scheduling.exact import _at_floor, _gap_model
from smexchange.scheduling.greedy import greedy_schedule
from smexchange.scheduling.lns import participant_gaps
from smexchange.scheduling.model import hint_state, make_solver
from smexchange.scheduling.nogap import solve_no_gap
from smexchange.scheduling.problem import compile_problem
from tests.scheduling.conftest import Raw, slots

pytestmark = pytest.mark.unit


def _round_robin(people: int, slot_count: int) -> Raw:
    return {
        "slots": slots("am", slot_count) + slots("pm", slot_count, hour=14),
        "tables": [f"T{n}" for n in range(people)],
        "participants": [{"id": f"p{n}"} for n in range(people)],
        "meetings": [
            {"id": f"m{a}-{b}", "a": f"p{a}", "b": f"p{b}"}
            for a in range(people)
            for b in range(a + 1, people)
        ],
        "minimize": "breaks",
    }


def _forced_gap() -> Raw:
    """The hub must meet in the first and the last of three slots: one idle slot is unavoidable."""
    return {
        "slots": slots("am", 3),
        "tables": ["T1", "T2"],
        "participants": [{"id": "hub"}, {"id": "s0"}, {"id": "s1"}],
        "meetings": [
            {"id": "m0", "a": "hub", "b": "s0", "slots": ["am-0"]},
            {"id": "m1", "a": "hub", "b": "s1", "slots": ["am-2"]},
        ],
        "minimize": "breaks",
    }


def test_solve_no_gap_holds_every_meeting_with_nobody_waiting() -> None:
    problem = compile_problem(parse_instance(_round_robin(6, 4)))

    result = solve_no_gap(problem, seconds=10, seed=0, workers=1)

    assert result.state is not None
    assert not result.impossible
    assert result.state.weight() == problem.feasible_weight == 15
    assert all(participant_gaps(problem, result.state, p) == (0, 0) for p in range(problem.n_participants))


def test_solve_no_gap_proves_a_forced_gap() -> None:
    problem = compile_problem(parse_instance(_forced_gap()))

    result = solve_no_gap(problem, seconds=10, seed=0, workers=1)

    assert (result.state, result.impossible) == (None, True)


def test_at_floor_needs_every_meeting_and_the_floor_count() -> None:
    problem = compile_problem(parse_instance(_forced_gap()))
    state = greedy_schedule(problem)
    assert state.weight() == 2

    assert _at_floor(problem, state, "breaks", 1)
    assert not _at_floor(problem, state, "breaks", 0)
    state.remove(0)
    assert not _at_floor(problem, state, "breaks", 1)


@pytest.mark.parametrize(("participants", "meetings"), [(40, 200), (60, 250)])
def test_schedule_meetings_bofill_style_event_is_gapless_and_optimal(
    participants: int, meetings: int
) -> None:
    instance = parse_instance(generate_brokerage("bofill-test", participants, meetings, seed=5))

    solution = schedule_meetings(instance, time_limit=10)

    assert validate(instance, solution) == []
    stats = solution.stats
    assert (stats.scheduled, stats.idle_slots, stats.breaks, stats.status) == (
        stats.requested,
        0,
        0,
        "OPTIMAL",
    )


def test_a_schedule_without_breaks_is_proven_to_have_the_fewest() -> None:
    # The span formulation's LP bound on breaks used to be far below 0 (-107 on bofill-60), so
    # the whole model could not prove a gapless schedule optimal; each participant-session's
    # "a run starts wherever it meets at all" row makes that bound 0.
    problem = compile_problem(parse_instance(generate_brokerage("bofill-proof", 40, 200, seed=5)))
    gapless = solve_no_gap(problem, seconds=10, seed=0, workers=1).state
    assert gapless is not None
    sm = _gap_model(problem)
    hint_state(sm, gapless)
    sm.model.minimize(sm.breaks)

    solver = make_solver(10, 0, 1)
    status = solver.solve(sm.model)

    assert (solver.status_name(status), solver.objective_value) == ("OPTIMAL", 0)
