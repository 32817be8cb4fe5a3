"""Weight by linear programming (HiGHS, through SciPy): the proven upper bound, and the exact
weight phase as a MIP.

Variables x[m, g] for a meeting m and a group g of slots: single slots for the exact MIP, whole
sessions for the relaxation (a few columns per meeting, so it solves in seconds even at 50,000
meetings, and on the generated events its optimum is integral or nearly so). Each hard rule
becomes capacity rows: a meeting once; a participant at most its available slots in g; tables
at most tables x |g|; shared booths at most |g|; max_meetings; interpreter meetings at most the
interpreter-slots available in g (exact y[m, s, i] in the MIP).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import coo_matrix

from smexchange.scheduling.problem import Problem
from smexchange.scheduling.state import FREE


@dataclass
class _Rows:
    """A sparse 0/1 constraint matrix built row by row: sum(columns) <= capacity."""

    rows: list[int] = field(default_factory=list)
    columns: list[int] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    capacity: list[float] = field(default_factory=list)

    def add(self, columns: list[int], capacity: float, values: list[float] | None = None) -> None:
        row = len(self.capacity)
        self.capacity.append(capacity)
        self.rows.extend([row] * len(columns))
        self.columns.extend(columns)
        self.values.extend(values if values is not None else [1.0] * len(columns))


def _build(
    problem: Problem, groups: list[list[int]], exact: bool
) -> tuple[list[tuple[int, int]], _Rows, list[tuple[int, int, int]]]:
    group_of = {s: g for g, slots in enumerate(groups) for s in slots}
    columns: list[tuple[int, int]] = []
    for m in range(problem.n_meetings):
        columns.extend((m, g) for g in sorted({group_of[s] for s in problem.feasible[m]}))
    rows = _Rows()
    by_meeting: dict[int, list[int]] = defaultdict(list)
    by_participant_group: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_participant: dict[int, list[int]] = defaultdict(list)
    tables: dict[int, list[int]] = defaultdict(list)
    booths: dict[tuple[str, int], list[int]] = defaultdict(list)
    interpreted: dict[int, list[int]] = defaultdict(list)
    for j, (m, g) in enumerate(columns):
        by_meeting[m].append(j)
        for p in problem.ends[m]:
            by_participant_group[p, g].append(j)
            by_participant[p].append(j)
        if problem.at_table[m]:
            tables[g].append(j)
        else:
            booths[problem.booth[m] or "", g].append(j)
        if problem.interpreters[m] is not None:
            interpreted[g].append(j)
    for js in by_meeting.values():
        rows.add(js, 1)
    available = [set(slots) for slots in problem.available]
    for (p, g), js in by_participant_group.items():
        rows.add(js, sum(1 for s in groups[g] if s in available[p]))
    for g, js in tables.items():
        rows.add(js, problem.n_tables * len(groups[g]))
    for (_, g), js in booths.items():
        rows.add(js, len(groups[g]))
    for p, js in by_participant.items():
        if problem.max_meetings[p] is not None:
            rows.add(js, problem.max_meetings[p] or 0)
    if exact:
        return columns, rows, _exact_interpreters(problem, columns, rows)
    _relaxed_interpreters(problem, groups, interpreted, rows)
    return columns, rows, []


def _relaxed_interpreters(
    problem: Problem, groups: list[list[int]], interpreted: dict[int, list[int]], rows: _Rows
) -> None:
    instance = problem.instance
    for g, js in interpreted.items():
        supply = sum(
            1
            for s in groups[g]
            for i in instance.interpreters
            if i.available is None or problem.slot_ids[s] in i.available
        )
        rows.add(js, supply)


def _exact_interpreters(
    problem: Problem, columns: list[tuple[int, int]], rows: _Rows
) -> list[tuple[int, int, int]]:
    """y[m, s, i] columns after the x ones: sum_i y = x, and one meeting per interpreter-slot."""
    by_interpreter_slot: dict[tuple[int, int], list[int]] = defaultdict(list)
    ys: list[tuple[int, int, int]] = []
    for j, (m, s) in enumerate(columns):
        options = problem.interpreters[m]
        if options is None:
            continue
        mine = []
        for i in options.get(s, []):
            mine.append(len(columns) + len(ys))
            by_interpreter_slot[i, s].append(mine[-1])
            ys.append((m, s, i))
        rows.add([j, *mine], 0, [1.0] + [-1.0] * len(mine))  # x <= sum y
        rows.add([j, *mine], 0, [-1.0] + [1.0] * len(mine))  # sum y <= x
    for js in by_interpreter_slot.values():
        rows.add(js, 1)
    return ys


def _matrix(rows: _Rows, n_columns: int) -> tuple[object, np.ndarray]:
    shape = (len(rows.capacity), n_columns)
    matrix = coo_matrix((rows.values, (rows.rows, rows.columns)), shape=shape).tocsr()
    return matrix, np.array(rows.capacity, dtype=float)


@dataclass(frozen=True)
class Relaxation:
    """The LP relaxation over sessions: a proven weight bound, and the meetings its optimum holds
    (with the session holding most of each), which guide the constructive start."""

    bound: int
    chosen: frozenset[int] = frozenset()
    session: dict[int, int] = field(default_factory=dict)


def relax_weight(problem: Problem, *, time_limit: float = 60.0) -> Relaxation:
    """The LP relaxation with one column per (meeting, session), by HiGHS.

    The bound is not the LP's reported optimum but the Lagrangian value of its duals
    (capacities times duals, plus every column's positive reduced cost), recomputed here, so
    solver tolerances cannot make it invalid. Falls back to the sum of the weights of the
    meetings with a feasible slot when the LP does not finish in `time_limit`.
    """
    trivial = problem.feasible_weight
    columns, rows, _ = _build(problem, problem.session_slots, exact=False)
    if not columns:
        return Relaxation(0)
    matrix, capacity = _matrix(rows, len(columns))
    weights = np.array([problem.weight[m] for m, _ in columns], dtype=float)
    # Interior point with crossover is several times faster than simplex on the large events.
    method = "highs-ipm" if len(columns) > 50_000 else "highs"
    result = linprog(
        -weights, A_ub=matrix, b_ub=capacity, bounds=(0, 1), method=method, options={"time_limit": time_limit}
    )
    if result.status != 0:
        return Relaxation(trivial)
    duals = np.maximum(0.0, -np.asarray(result.ineqlin.marginals, dtype=float))
    reduced = weights - matrix.T @ duals  # type: ignore[attr-defined]
    lagrangian = float(duals @ capacity + np.maximum(0.0, reduced).sum())
    bound = min(trivial, math.floor(lagrangian + 1e-6))
    share: dict[int, float] = defaultdict(float)
    session: dict[int, int] = {}
    best: dict[int, float] = {}
    for (m, g), value in zip(columns, result.x, strict=True):
        share[m] += value
        if value > best.get(m, 1e-6):
            best[m], session[m] = value, g
    chosen = frozenset(m for m, value in share.items() if value > 0.5)
    return Relaxation(bound, chosen, session)


def solve_weight_mip(
    problem: Problem, *, time_limit: float, prefer: dict[int, int] | None = None
) -> tuple[dict[int, tuple[int, int]], bool, int] | None:
    """The weight phase as a MIP: (meeting -> (slot, interpreter), proven optimal, bound) or None.

    `prefer` (meeting -> slot, e.g. a compact greedy schedule) breaks ties between schedules of
    the most weight: each kept placement is worth 1, each unit of weight more than all of them,
    so the weight is never traded and the schedule stays as close to `prefer` as it can."""
    columns, rows, ys = _build(problem, [[s] for s in range(problem.n_slots)], exact=True)
    if not columns:
        return {}, True, 0
    n_x = len(columns)
    matrix, capacity = _matrix(rows, n_x + len(ys))
    cost = np.zeros(n_x + len(ys))
    scale = problem.n_meetings + 1 if prefer else 1
    cost[:n_x] = [
        -problem.weight[m] * scale - (1 if prefer and prefer.get(m) == s else 0) for m, s in columns
    ]
    result = milp(
        cost,
        constraints=LinearConstraint(matrix, -np.inf, capacity),
        integrality=np.ones(n_x + len(ys)),
        bounds=Bounds(0, 1),
        options={"time_limit": max(0.1, time_limit), "disp": False},
    )
    if result.x is None:
        return None
    placed: dict[int, tuple[int, int]] = {}
    for j in np.flatnonzero(result.x[:n_x] > 0.5):
        m, s = columns[j]
        placed[int(m)] = (s, FREE)
    for k in np.flatnonzero(result.x[n_x:] > 0.5):
        m, s, i = ys[k]
        if placed.get(m, (FREE, FREE))[0] == s:
            placed[m] = (s, i)
    if result.mip_dual_bound is None:
        return placed, False, -1
    # The tie-break adds at most n_meetings < scale. "Proven" is read off the bound, not the
    # status: HiGHS stops at a relative gap, which on a large weight can hide a unit of it.
    bound = math.floor(-result.mip_dual_bound / scale + 1e-6)
    return placed, sum(problem.weight[m] for m in placed) >= bound, bound
