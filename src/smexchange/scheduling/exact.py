"""The gap phases of small and dense events, with the whole instance as one CP-SAT model.

The weight is already fixed by the caller (greedy matching the bound, or the MIP of
`bound.py`), except on "hold all" (below). Then: gap-closing moves and CP-SAT neighbourhoods
(`compact.py`, `lns.py`) find a good schedule fast, and the whole model, started from it with a
complete hint, minimizes the `minimize` count (proving it when it can) and then the other one.
Each phase starts from the previous schedule, so a phase cut short by the time limit still
returns a schedule at least as good as its start.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from smexchange.scheduling.lns import has_no_idle, improve_by_lns, total_gaps
from smexchange.scheduling.model import (
    SlotModel,
    build_slot_model,
    hint_state,
    hold_every_free,
    make_solver,
    read_placements,
)
from smexchange.scheduling.nogap import solve_no_gap
from smexchange.scheduling.objective import add_span_terms
from smexchange.scheduling.problem import Problem
from smexchange.scheduling.state import ScheduleState

# Shares of the time after "hold all": the whole model first (enough to prove small events),
# then the local search, then the whole model again from the local search's schedule.
QUICK_SHARE = 0.15
# When every meeting can be held, "no gap" (nogap.py) gets up to this share of the time first:
# it decides the Bofill-style events in 0.5-3 s of 10.
NO_GAP_SHARE = 0.5
# "Hold all" is where dense events find their compact schedules: most of the time goes there.
HOLD_ALL_SHARE = 0.85
QUICK_SECONDS = 2.0
QUICK_PAIRS = 2_000  # above this many (meeting, slot) pairs it proves nothing in that time
LOCAL_SHARE = 0.95
# Up to QUICK_PAIRS the whole model can still prove the gaps from a good hint: the local search
# only gets a short start (tiny-20: the whole model proves idle 0 where the search left 1).
SMALL_LOCAL_SHARE = 0.2

Report = Callable[[str, ScheduleState, int], None]


@dataclass
class ExactResult:
    state: ScheduleState
    gaps_proven: bool
    bound: int


def solve_gaps_exact(
    problem: Problem,
    start: ScheduleState,
    *,
    deadline: float,
    seed: int,
    workers: int,
    bound: int,
    report: Report,
) -> ExactResult:
    """Minimize the gap counts at (at least) the start's weight; never worse than `start`.

    When the bound allows every meeting with a feasible slot, "no gap" (nogap.py) comes first:
    a schedule holding them all where nobody waits is optimal; a proof that none exists is a
    floor of 1 on both counts. Then, when the start does not hold them all, "hold all": a
    schedule holding every such meeting, by CP-SAT with that as a hard rule. One found proves
    the weight; a proof that none exists lowers the bound.
    """
    total = problem.feasible_weight
    state = start
    # Proven least idle slots and breaks of a schedule holding every meeting (0 or 1).
    floor = 0
    if bound == total and not (start.weight() == total and has_no_idle(problem, start)):
        no_gap = solve_no_gap(problem, (deadline - time.perf_counter()) * NO_GAP_SHARE, seed, workers)
        if no_gap.state is not None:
            report("no_gap", no_gap.state, bound)
            return ExactResult(state=no_gap.state, gaps_proven=True, bound=bound)
        floor = 1 if no_gap.impossible else 0
    if bound == total and start.weight() < total:
        seconds = (deadline - time.perf_counter()) * HOLD_ALL_SHARE
        held = _hold_all(problem, start, seconds, seed, workers)
        if held is None:
            bound -= 1
        elif held.weight() == total:
            state = held
        report("weight", state, bound)
    if has_no_idle(problem, state):
        return ExactResult(state=state, gaps_proven=True, bound=bound)  # no idle slot, no break
    order = ("idle", "breaks") if problem.instance.minimize == "idle_slots" else ("breaks", "idle")
    small = problem.feasible_pairs <= QUICK_PAIRS
    if small:
        now = time.perf_counter()
        sm = _gap_model(problem)
        sm.model.add(sm.weight >= state.weight())
        quick = now + min(QUICK_SECONDS, (deadline - now) * QUICK_SHARE)
        state, gaps_proven = _minimize_gaps(problem, sm, state, order, quick, seed, workers, bound, report)
        if gaps_proven or _at_floor(problem, state, order[0], floor):
            return ExactResult(state=state, gaps_proven=True, bound=bound)
    now = time.perf_counter()
    state = improve_by_lns(
        problem,
        state,
        deadline=now + (deadline - now) * (SMALL_LOCAL_SHARE if small else LOCAL_SHARE),
        seed=seed,
        workers=workers,
        report=report,
        bound=bound,
    )
    sm = _gap_model(problem)
    sm.model.add(sm.weight >= state.weight())
    state, gaps_proven = _minimize_gaps(problem, sm, state, order, deadline, seed, workers, bound, report)
    return ExactResult(
        state=state, gaps_proven=gaps_proven or _at_floor(problem, state, order[0], floor), bound=bound
    )


def _at_floor(problem: Problem, state: ScheduleState, name: str, floor: int) -> bool:
    """True when the schedule holds every meeting and its `name` count equals a proven floor
    above 0 (a floor of 0 proves nothing that `has_no_idle` does not)."""
    if floor == 0 or state.weight() < problem.feasible_weight:
        return False
    idle, breaks = total_gaps(problem, state)
    return (idle if name == "idle" else breaks) == floor


def _hold_all(
    problem: Problem, start: ScheduleState, seconds: float, seed: int, workers: int
) -> ScheduleState | None:
    """A schedule holding every meeting with a feasible slot (the start when none is found in
    time), or None when CP-SAT proves there is none."""
    sm = _gap_model(problem)
    hold_every_free(sm)
    hint_state(sm, start)
    # Idle slots even when breaks are minimized: no idle means no break, and CP-SAT finds
    # compact schedules far faster through the spans than through the run starts.
    sm.model.minimize(sm.idle)
    solver = make_solver(seconds, seed, workers)
    status = solver.solve(sm.model)
    if status == cp_model.INFEASIBLE:
        return None
    return _adopt(problem, sm, solver, status, start)


def _gap_model(problem: Problem) -> SlotModel:
    free = [m for m in range(problem.n_meetings) if problem.feasible[m]]
    sm = build_slot_model(problem, free, ScheduleState(problem))
    add_span_terms(problem, ScheduleState(problem), sm, range(problem.n_participants))
    return sm


def _minimize_gaps(
    problem: Problem,
    sm: SlotModel,
    state: ScheduleState,
    order: tuple[str, str],
    deadline: float,
    seed: int,
    workers: int,
    bound: int,
    report: Report,
) -> tuple[ScheduleState, bool]:
    """Both gap phases, each warm-started from the previous schedule; True when the first
    phase's count is proven minimal."""
    gaps_proven = False
    for rank, name in enumerate(order):
        expression = sm.idle if name == "idle" else sm.breaks
        hint_state(sm, state)
        sm.model.minimize(expression)
        solver = make_solver((deadline - time.perf_counter()) * (0.75 if rank == 0 else 1.0), seed, workers)
        status = solver.solve(sm.model)
        state = _adopt(problem, sm, solver, status, state)
        if rank == 0:
            gaps_proven = status == cp_model.OPTIMAL
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            sm.model.add(expression <= round(solver.objective_value))
        report("idle_slots" if name == "idle" else "breaks", state, bound)
        if has_no_idle(problem, state):  # both counts are 0: nothing left to minimize or prove
            return state, True
    return state, gaps_proven


def _adopt(
    problem: Problem,
    sm: SlotModel,
    solver: cp_model.CpSolver,
    status: cp_model.CpSolverStatus,
    fallback: ScheduleState,
) -> ScheduleState:
    """The solver's schedule when it found one, else the fallback (the previous phase's)."""
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return fallback
    state = ScheduleState(problem)
    for m, (s, i) in sorted(read_placements(sm, solver).items()):
        state.place(m, s, i)
    return state
