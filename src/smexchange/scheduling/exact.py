"""The gap phases on the whole instance as one CP-SAT model (small and dense instances).

The weight is already fixed by the caller (greedy matching the bound, or the MIP of
`bound.py`); phase 2 keeps that weight and minimizes the `minimize` count, phase 3 keeps both
and minimizes the other. Each phase is warm-started from the previous schedule, so a phase cut
short by the time limit still returns a schedule at least as good as its start.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from smexchange.scheduling.model import SlotModel, build_slot_model, hint_state, read_placements
from smexchange.scheduling.objective import add_span_terms
from smexchange.scheduling.problem import Problem
from smexchange.scheduling.state import ScheduleState

Report = Callable[[str, ScheduleState, int], None]


@dataclass
class ExactResult:
    state: ScheduleState
    gaps_proven: bool
    bound: int


def make_solver(seconds: float, seed: int, workers: int) -> cp_model.CpSolver:
    """A CP-SAT solver with fixed workers and seed, so a run is repeatable."""
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    # The default parallel portfolio races its workers, so two runs can return different
    # optimal schedules; interleaving them in fixed batches makes a run repeatable. One worker
    # (the default) is repeatable as it is, and measured stronger than interleaving here.
    solver.parameters.interleave_search = workers > 1
    return solver


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

    When the bound allows every meeting with a feasible slot and the start does not hold them
    all, "hold all" is tried first: every such meeting held exactly once is a hard rule, and the
    gaps are minimized under it. A schedule found that way proves the weight; a proof that none
    exists lowers the bound by one and the search goes on from the start's weight.
    """
    total = sum(w for m, w in enumerate(problem.weight) if problem.feasible[m])
    order = ("idle", "breaks") if problem.instance.minimize == "idle_slots" else ("breaks", "idle")
    state, gaps_proven = start, True
    hold_all = bound == total and start.weight() < total
    while True:
        sm = _gap_model(problem)
        if hold_all:
            for m in sm.free:
                sm.model.add_exactly_one(var for (n, _), var in sm.x.items() if n == m)
        else:
            sm.model.add(sm.weight >= state.weight())
        outcome = _minimize_gaps(problem, sm, state, order, deadline, seed, workers, bound, report)
        if outcome is None:  # hold-all proven impossible
            hold_all, bound = False, bound - 1
            continue
        state, gaps_proven = outcome
        return ExactResult(state=state, gaps_proven=gaps_proven, bound=bound)


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
) -> tuple[ScheduleState, bool] | None:
    """Both gap phases; None when the model is proven infeasible."""
    gaps_proven = False
    for rank, name in enumerate(order):
        expression = sm.idle if name == "idle" else sm.breaks
        hint_state(sm, state)
        sm.model.minimize(expression)
        solver = make_solver((deadline - time.perf_counter()) * (0.75 if rank == 0 else 1.0), seed, workers)
        status = solver.solve(sm.model)
        if rank == 0 and status == cp_model.INFEASIBLE:
            return None
        state = _adopt(problem, sm, solver, status, state)
        if rank == 0:
            gaps_proven = status == cp_model.OPTIMAL
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            sm.model.add(expression <= round(solver.objective_value))
        report("idle_slots" if name == "idle" else "breaks", state, bound)
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
