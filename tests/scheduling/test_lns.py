"""The large-neighbourhood search: pieces solved side by side stay independent and valid."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from bench.scheduling.generate import Spec, generate
from ortools.sat.python import cp_model

from smexchange.scheduling import Instance, parse_instance, schedule_meetings, validate
from smexchange.scheduling import solve as solve_module
from smexchange.scheduling.greedy import greedy_schedule
from smexchange.scheduling.lns import (
    Change,
    _independent,
    _Piece,
    _Search,
    improve_by_lns,
    participant_gaps,
    replay,
)
from smexchange.scheduling.model import SlotModel
from smexchange.scheduling.problem import Problem, compile_problem
from smexchange.scheduling.state import FREE, ScheduleState

pytestmark = pytest.mark.unit


def _piece(people: set[int], free: list[int], sessions: frozenset[int] | None) -> _Piece:
    return _Piece("people", people, free, sessions, (0, 0, 0), SlotModel(cp_model.CpModel(), free), 0)


@pytest.mark.parametrize(
    ("people", "free", "sessions", "expected"),
    [
        ({3, 4}, [7], None, True),  # nobody shared
        ({2, 4}, [7], None, False),  # a participant shared, all sessions
        ({2, 4}, [7], {1}, False),  # a participant shared, the same session
        ({2, 4}, [7], {2}, True),  # a participant shared, another session
        ({3, 4}, [5], {2}, False),  # the same meeting freed twice
    ],
)
def test_independent_pieces_share_no_participant_or_no_session(
    people: set[int], free: list[int], sessions: set[int] | None, expected: bool
) -> None:
    other = _piece({1, 2}, [5, 6], frozenset({0, 1}))
    touched = None if sessions is None else frozenset(sessions)

    assert _independent(people, free, touched, other) is expected


def _event() -> tuple[Instance, Problem]:
    instance = parse_instance(generate(Spec("lns-test", 60, 300, days=2, slots_per_session=6), seed=3))
    return instance, compile_problem(instance)


def _idle(problem: Problem, state: ScheduleState) -> int:
    return sum(participant_gaps(problem, state, p)[0] for p in range(problem.n_participants))


def test_pieces_in_flight_side_by_side_keep_the_occupancy_right_and_never_get_worse() -> None:
    _, problem = _event()
    state = greedy_schedule(problem)
    start_weight, start_idle = state.weight(), _idle(problem, state)
    search = _Search(problem, state, seed=1)
    flight: dict = {}

    with ThreadPoolExecutor(max_workers=2) as pool:
        for _ in range(15):
            while len(flight) < 2 and search.launch(0.2, pool, flight):
                pass
            search.land(flight)
        search.land(flight, every=True)

    # Weight first, then idle slots: a piece may add idle time only to hold more weight.
    assert (state.weight(), -_idle(problem, state)) >= (start_weight, -start_idle)
    held = [(m, s) for m, s in enumerate(state.slot_of) if s >= 0]
    tables = [sum(1 for m, s in held if s == t and problem.at_table[m]) for t in range(problem.n_slots)]
    assert state.tables_used == tables
    assert max(tables) <= problem.n_tables


def test_schedule_meetings_with_two_workers_on_the_large_path_is_valid(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(solve_module, "EXACT_VARIABLE_LIMIT", 0)
    instance, problem = _event()

    solution = schedule_meetings(instance, time_limit=4, workers=2)

    assert validate(instance, solution) == []
    assert solution.stats.weight_scheduled >= greedy_schedule(problem).weight()


def test_a_session_piece_keeps_every_meeting_it_frees() -> None:
    _, problem = _event()
    state = greedy_schedule(problem)
    search = _Search(problem, state, seed=2)
    piece = None
    while piece is None:
        piece = search.prepare(search.session_neighbourhood())
    assert piece.kind == "session"
    # Nothing but the hard rule of "hold every free meeting" stops CP-SAT from dropping them.
    piece.sm.model.maximize(-piece.sm.weight)

    found = piece.solve(5.0)

    assert found is not None
    assert sorted(found) == sorted(piece.free)
    assert all(problem.session_of[s] in piece.sessions for s, _ in found.values())


@pytest.mark.parametrize("workers", [1, 2])
def test_the_kept_pieces_replayed_on_the_same_start_give_the_same_schedule(workers: int) -> None:
    _, problem = _event()
    start = greedy_schedule(problem)
    searched = start.copy()
    kept: list[Change] = []

    improve_by_lns(
        problem,
        searched,
        deadline=time.perf_counter() + 3,
        seed=4,
        workers=workers,
        report=lambda *_: None,
        kept=kept,
    )

    assert kept  # the search changed something, so the replay has something to reproduce
    assert replay(problem, start, kept) == len(kept)
    assert start.slot_of == searched.slot_of
    assert start.interpreter_of == searched.interpreter_of
    assert start.tables_used == searched.tables_used


def test_a_replayed_change_takes_another_interpreter_when_its_own_is_busy() -> None:
    instance = parse_instance(generate(Spec("lns-interp", 60, 300, days=1, interpreters=3), seed=5))
    problem = compile_problem(instance)
    state = greedy_schedule(problem)
    # Two meetings in one slot with different interpreters, the first free to use either.
    pairs = [
        (m, n)
        for m, s in enumerate(state.slot_of)
        for n, t in enumerate(state.slot_of)
        if s != FREE
        and s == t
        and m != n
        and state.interpreter_of[m] != FREE
        and state.interpreter_of[n] not in (FREE, state.interpreter_of[m])
        and state.interpreter_of[n] in (problem.interpreters[m] or {}).get(s, ())
    ]
    assert pairs, "the generated event has no slot with two interpreted meetings"
    m, n = pairs[0]
    slot, own, taken = state.slot_of[m], state.interpreter_of[m], state.interpreter_of[n]
    change = Change(set(problem.ends[m]), [m], None, {m: (slot, taken)})

    assert replay(problem, state, [change]) == 1
    assert (state.slot_of[m], state.interpreter_of[m]) == (slot, own)
    assert state.interpreter_of[n] == taken


def test_once_the_weight_is_at_the_bound_most_pieces_are_sessions() -> None:
    _, problem = _event()
    search = _Search(problem, greedy_schedule(problem), seed=6)

    def session_share() -> float:
        draws = [search.neighbourhood()[2] for _ in range(300)]
        return sum(1 for within in draws if within is not None and len(within) > search.window) / len(draws)

    before = session_share()
    search.at_bound = True
    after = session_share()

    assert before < 0.55
    assert after > 0.8
