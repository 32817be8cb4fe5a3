"""Child process of the scheduling benchmark: runs one method on one instance file.

Usage: python -m bench.scheduling.worker METHOD IN.json OUT.json TIME_LIMIT SEED
Methods: engine (schedule_meetings), fcfs (first come, first served), plain (one CP-SAT model
with a single weighted objective: no warm start, no MIP, no decomposition, no LNS; greedy when
it finds nothing in time, as a plain model in production would).
"""

from __future__ import annotations

import json
import sys
import time

from ortools.sat.python import cp_model

from smexchange.scheduling import load_instance, schedule_meetings, solution_to_dict
from smexchange.scheduling.greedy import first_come_first_served
from smexchange.scheduling.model import build_slot_model, make_solver, read_placements
from smexchange.scheduling.objective import add_gap_terms
from smexchange.scheduling.problem import Problem, compile_problem
from smexchange.scheduling.solve import _solution
from smexchange.scheduling.state import ScheduleState


def plain(problem: Problem, time_limit: float, seed: int) -> tuple[ScheduleState, int, str]:
    started = time.perf_counter()
    sm = build_slot_model(
        problem, [m for m in range(problem.n_meetings) if problem.feasible[m]], ScheduleState(problem)
    )
    add_gap_terms(problem, ScheduleState(problem), sm, range(problem.n_participants))
    scale = problem.n_participants * problem.n_slots + 1
    primary, secondary = (
        (sm.idle, sm.breaks) if problem.instance.minimize == "idle_slots" else (sm.breaks, sm.idle)
    )
    sm.model.maximize(sm.weight * scale * scale - primary * scale - secondary)
    solver = make_solver(time_limit - (time.perf_counter() - started), seed, 2)
    solver.parameters.interleave_search = False
    status = solver.solve(sm.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return first_come_first_served(problem), -1, "fell back to greedy"
    state = ScheduleState(problem)
    for m, (s, i) in sorted(read_placements(sm, solver).items()):
        state.place(m, s, i)
    bound = int(solver.best_objective_bound // (scale * scale))
    return state, bound, "OPTIMAL" if status == cp_model.OPTIMAL else ""


def main(argv: list[str]) -> None:
    method, source, out, limit, seed = argv[0], argv[1], argv[2], float(argv[3]), int(argv[4])
    instance = load_instance(source)
    started = time.perf_counter()
    note = ""
    if method == "engine":
        solution = schedule_meetings(instance, time_limit=limit, seed=seed, workers=2)
    else:
        problem = compile_problem(instance)
        if method == "fcfs":
            state, bound = first_come_first_served(problem), -1
        else:
            state, bound, note = plain(problem, limit, seed)
        solution = _solution(problem, state, bound, False, time.perf_counter() - started)
    payload = solution_to_dict(solution)
    payload["note"] = note
    payload["seconds"] = time.perf_counter() - started
    with open(out, "w", encoding="utf-8") as stream:
        json.dump(payload, stream)


if __name__ == "__main__":
    main(sys.argv[1:])
