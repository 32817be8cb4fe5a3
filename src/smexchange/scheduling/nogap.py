"""Every meeting held and nobody waiting: a satisfaction model for dense events.

When the bound allows every meeting with a feasible slot, a schedule that holds them all with
no idle slot is optimal outright (weight proven, idle slots and breaks both 0). Asking for
exactly that, instead of minimizing idle slots or breaks, is a far easier problem for CP-SAT:

- per participant and session, along its available slots, at most one run of meetings starts
  (a run starts at j when it meets at j and not at j - 1); this is "no gap" row by row, where
  a sum of idle slots or breaks over everybody propagates almost nothing;
- each participant's meeting times (the slot index a meeting is held in) are all different.
  The per-slot rows already say so, but CP-SAT's all-different propagation reasons over the
  times together (a participant whose block has k places for k meetings), which the rows alone
  do not: without it the same model timed out on half the runs of bofill-60 and bofill-80.

Measured on the benchmark's Bofill-style events (seeds 1-3, one CP-SAT worker): a gapless
schedule in 0.5-2.8 s, where minimizing idle slots or breaks from the greedy start left 2-4
breaks after 10 s. When CP-SAT proves that no such schedule exists, every schedule holding all
meetings has at least one idle slot and one break: a lower bound the caller can use.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from smexchange.scheduling.model import SlotModel, build_slot_model, make_solver, read_placements
from smexchange.scheduling.objective import busy_sequences
from smexchange.scheduling.problem import Problem
from smexchange.scheduling.state import ScheduleState


@dataclass
class NoGapResult:
    state: ScheduleState | None  # a schedule holding every meeting with no idle slot
    impossible: bool  # proven: no such schedule exists


def solve_no_gap(problem: Problem, seconds: float, seed: int, workers: int) -> NoGapResult:
    """Look for a schedule holding every meeting with a feasible slot where nobody waits."""
    held = [m for m in range(problem.n_meetings) if problem.feasible[m]]
    sm = build_slot_model(problem, held, ScheduleState(problem))
    for m in held:
        sm.model.add_exactly_one(var for (n, _), var in sm.x.items() if n == m)
    _add_one_run_each(problem, sm)
    _add_distinct_times(problem, sm)
    solver = make_solver(seconds, seed, workers)
    status = solver.solve(sm.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return NoGapResult(state=None, impossible=status == cp_model.INFEASIBLE)
    state = ScheduleState(problem)
    for m, (s, i) in sorted(read_placements(sm, solver).items()):
        state.place(m, s, i)
    return NoGapResult(state=state, impossible=False)


def _add_one_run_each(problem: Problem, sm: SlotModel) -> None:
    model = sm.model
    for busy in busy_sequences(problem, ScheduleState(problem), sm, range(problem.n_participants)):
        starts = []
        for j, b in enumerate(busy):
            if isinstance(b, int) and b == 0:
                continue
            start = model.new_bool_var("")
            model.add(start >= b - (busy[j - 1] if j > 0 else 0))
            starts.append(start)
        model.add(sum(starts) <= 1)


def _add_distinct_times(problem: Problem, sm: SlotModel) -> None:
    """t_m = the slot index of meeting m (held exactly once); all different per participant."""
    slots_of: dict[int, list[tuple[int, cp_model.IntVar]]] = defaultdict(list)
    for (m, s), var in sm.x.items():
        slots_of[m].append((s, var))
    times: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    for m, options in slots_of.items():
        time = sm.model.new_int_var_from_domain(cp_model.Domain.from_values([s for s, _ in options]), "")
        sm.model.add(
            time == cp_model.LinearExpr.weighted_sum([v for _, v in options], [s for s, _ in options])
        )
        for p in problem.ends[m]:
            times[p].append(time)
    for own in times.values():
        if len(own) > 1:
            sm.model.add_all_different(own)
