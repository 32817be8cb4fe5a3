"""The whole instance as one CP-SAT model, solved in lexicographic phases.

Phase 1 maximizes weight; phase 2 keeps that weight and minimizes the `minimize` count;
phase 3 keeps both and minimizes the other count. Each phase is warm-started from the
previous one (phase 1 from the greedy schedule), so a phase cut short by the time limit still
returns a schedule at least as good as its start.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from smexchange.scheduling.model import SlotModel, build_slot_model, hint_state, read_placements
from smexchange.scheduling.objective import add_gap_terms
from smexchange.scheduling.problem import Problem
from smexchange.scheduling.state import ScheduleState

Report = Callable[[str, ScheduleState, int], None]
PROVEN = (cp_model.OPTIMAL,)


@dataclass
class ExactResult:
    state: ScheduleState
    weight_bound: int
    weight_proven: bool
    gaps_proven: bool


def make_solver(seconds: float, seed: int, workers: int) -> cp_model.CpSolver:
    """A CP-SAT solver with fixed workers and seed, so a run is repeatable."""
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    # The default parallel portfolio races its workers, so two runs can return different
    # optimal schedules; interleaving them in fixed batches makes a run repeatable.
    solver.parameters.interleave_search = True
    return solver


def solve_exact(
    problem: Problem, start: ScheduleState, *, deadline: float, seed: int, workers: int, report: Report
) -> ExactResult:
    """Solve the whole model; never returns anything worse than `start`."""
    free = [m for m in range(problem.n_meetings) if problem.feasible[m]]
    sm = build_slot_model(problem, free, ScheduleState(problem))
    hint_state(sm, start)
    sm.model.maximize(sm.weight)
    solver = make_solver(_share(deadline, 0.5), seed, workers)
    status = solver.solve(sm.model)
    state = _adopt(problem, sm, solver, status, start)
    weight = state.weight()
    bound = (
        math.floor(solver.best_objective_bound + 1e-6)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        else -1
    )
    weight_proven = status in PROVEN
    bound = weight if weight_proven else max(bound, weight)
    report("weight", state, bound)
    order = ("idle", "breaks") if problem.instance.minimize == "idle_slots" else ("breaks", "idle")
    add_gap_terms(problem, ScheduleState(problem), sm, range(problem.n_participants))
    sm.model.add(sm.weight >= weight)
    gaps_proven = True
    for rank, name in enumerate(order):
        expression = sm.idle if name == "idle" else sm.breaks
        hint_state(sm, state)
        sm.model.minimize(expression)
        solver = make_solver(_share(deadline, 0.7 if rank == 0 else 1.0), seed, workers)
        status = solver.solve(sm.model)
        state = _adopt(problem, sm, solver, status, state)
        if rank == 0:
            gaps_proven = status in PROVEN
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            sm.model.add(expression <= round(solver.objective_value))
        report("idle_slots" if name == "idle" else "breaks", state, bound)
    return ExactResult(state=state, weight_bound=bound, weight_proven=weight_proven, gaps_proven=gaps_proven)


def _share(deadline: float, fraction: float) -> float:
    return (deadline - time.perf_counter()) * fraction


def _adopt(
    problem: Problem,
    sm: SlotModel,
    solver: cp_model.CpSolver,
    status: cp_model.CpSolverStatus,
    fallback: ScheduleState,
) -> ScheduleState:
    """The solver's schedule when it found one, else the fallback (e.g. the greedy start)."""
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return fallback
    state = ScheduleState(problem)
    for m, (s, i) in sorted(read_placements(sm, solver).items()):
        state.place(m, s, i)
    return state
