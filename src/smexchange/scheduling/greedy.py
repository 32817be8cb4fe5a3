"""Constructive heuristics: the engine's warm start, and first-come-first-served self-booking."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from smexchange.scheduling.locations import bipartite_match
from smexchange.scheduling.problem import Problem
from smexchange.scheduling.state import FREE, ScheduleState


def greedy_schedule(
    problem: Problem, first: frozenset[int] = frozenset(), session: Mapping[int, int] | None = None
) -> ScheduleState:
    """Heaviest meetings first, scarcest first among equals, each in the slot adding least idle
    time; the meetings in `first` (e.g. those a MIP or the LP relaxation selected) go before all
    others, and a meeting with a `session` (the LP's) goes there unless that costs idle time."""
    session = session or {}
    state = _with_locked(problem)
    order = sorted(
        (m for m in range(problem.n_meetings) if state.slot_of[m] < 0 and problem.feasible[m]),
        key=lambda m: (m not in first, -problem.weight[m], len(problem.feasible[m]), m),
    )
    for m in order:
        a, b = problem.ends[m]
        best, best_score = -1, 0.0
        for s in problem.feasible[m]:
            if not state.can_place(m, s):
                continue
            score = state.idle_delta(a, s) + state.idle_delta(b, s) + s * 1e-6
            if m in session and problem.session_of[s] != session[m]:
                score += 0.25
            if best < 0 or score < best_score:
                best, best_score = s, score
        if best >= 0:
            state.place(m, best, state.interpreter_for(m, best))
    return state


def first_come_first_served(problem: Problem) -> ScheduleState:
    """What self-booking gives: requests in the order made, each in the earliest free slot."""
    state = _with_locked(problem)
    for m in range(problem.n_meetings):
        if state.slot_of[m] >= 0:
            continue
        for s in problem.feasible[m]:
            if state.can_place(m, s):
                state.place(m, s, state.interpreter_for(m, s))
                break
    return state


def _with_locked(problem: Problem) -> ScheduleState:
    """Locked meetings first; their interpreters by matching, as first-free could paint into a corner."""
    state = ScheduleState(problem)
    by_slot: dict[int, dict[int, list[int]]] = defaultdict(dict)
    for m, s in sorted(problem.locked.items()):
        options = problem.interpreters[m]
        if options is None:
            state.place(m, s, FREE)
        else:
            by_slot[s][m] = options.get(s, [])
    for s, candidates in sorted(by_slot.items()):
        matched = bipartite_match({str(m): [str(i) for i in c] for m, c in candidates.items()}) or {}
        for m in candidates:
            state.place(m, s, int(matched[str(m)]))
    return state


def reserved_greedy(problem: Problem, planned: Mapping[int, tuple[int, int]]) -> ScheduleState:
    """The meetings of a planned schedule (e.g. the weight MIP's) placed again idle-aware, each
    only where it takes nobody else's planned place: a participant's slot, or a table, that a
    planned meeting not yet placed still needs. So each meeting can always fall back to its own
    planned slot, and the result keeps the plan's weight with far fewer gaps. Meetings with an
    interpreter keep their planned slot and interpreter."""
    state = _with_locked(problem)
    owner: dict[tuple[int, int], int] = {}
    pending_tables = [0] * problem.n_slots
    for m, (s, _) in planned.items():
        for p in problem.ends[m]:
            owner[p, s] = m
        if problem.at_table[m]:
            pending_tables[s] += 1
    order = sorted(
        (m for m in planned if state.slot_of[m] == FREE),
        key=lambda m: (problem.interpreters[m] is None, -problem.weight[m], len(problem.feasible[m]), m),
    )
    for m in order:
        home, interpreter = planned[m]
        a, b = problem.ends[m]
        options = [home] if problem.interpreters[m] is not None else problem.feasible[m]
        best, best_score = -1, 0.0
        for s in options:
            if not state.can_place(m, s) or owner.get((a, s), m) != m or owner.get((b, s), m) != m:
                continue
            mine = 1 if (s == home and problem.at_table[m]) else 0
            if problem.at_table[m] and state.tables_used[s] + pending_tables[s] - mine >= problem.n_tables:
                continue
            score = state.idle_delta(a, s) + state.idle_delta(b, s) + s * 1e-6
            if best < 0 or score < best_score:
                best, best_score = s, score
        if best < 0:
            continue
        for p in (a, b):
            owner.pop((p, home), None)
        if problem.at_table[m]:
            pending_tables[home] -= 1
        keep = interpreter if best == home and interpreter != FREE else state.interpreter_for(m, best)
        state.place(m, best, keep)
    return state
