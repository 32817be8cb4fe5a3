"""The CP-SAT model over a set of free meetings, around a fixed partial schedule.

The full solve frees every meeting around an empty schedule; the large-neighbourhood search
frees a few hundred meetings around everything else. Variables: x[m, s] = meeting m is held in
slot s (only feasible pairs), y[m, s, i] = interpreter i serves meeting m in slot s.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from smexchange.scheduling import constraints
from smexchange.scheduling.problem import Problem
from smexchange.scheduling.state import FREE, ScheduleState


@dataclass
class SpanVars:
    """The auxiliary variables of one participant-session in the span formulation (objective.py),
    kept so that a hint can give every variable a value."""

    busy: list[cp_model.LinearExpr | int]
    variables: list[list[cp_model.IntVar]]
    first: cp_model.IntVar
    last: cp_model.IntVar
    span: cp_model.IntVar
    active: cp_model.IntVar | int
    starts: list[tuple[int, cp_model.IntVar]]
    breaks: cp_model.IntVar  # runs of meetings - 1 (0 when none)


@dataclass
class SlotModel:
    """A built model and its variables, keyed by (meeting, slot[, interpreter]) indices."""

    model: cp_model.CpModel
    free: list[int]
    x: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)
    y: dict[tuple[int, int, int], cp_model.IntVar] = field(default_factory=dict)
    weight: cp_model.LinearExpr = field(default_factory=lambda: cp_model.LinearExpr.sum([]))
    idle: cp_model.LinearExpr = field(default_factory=lambda: cp_model.LinearExpr.sum([]))
    breaks: cp_model.LinearExpr = field(default_factory=lambda: cp_model.LinearExpr.sum([]))
    spans: list[SpanVars] = field(default_factory=list)


def make_solver(seconds: float, seed: int, workers: int) -> cp_model.CpSolver:
    """A CP-SAT solver with the given workers and seed (repeatable with one worker)."""
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    # One worker is repeatable. More workers race a portfolio (with the LNS and local-search
    # workers that one worker lacks): stronger on dense events, but not repeatable; interleaving
    # them in fixed batches would be, and measured far weaker here.
    solver.parameters.interleave_search = False
    return solver


def open_slots(problem: Problem, fixed: ScheduleState, m: int, within: set[int] | None = None) -> list[int]:
    """Feasible slots of meeting m (among `within`) that the fixed part of the schedule leaves open."""
    a, b = problem.ends[m]
    owner_a, owner_b = fixed.owner[a], fixed.owner[b]
    result = []
    for s in problem.feasible[m]:
        if within is not None and s not in within:
            continue
        if owner_a[s] != FREE or owner_b[s] != FREE:
            continue
        if problem.at_table[m] and fixed.tables_used[s] >= problem.n_tables:
            continue
        if not problem.at_table[m] and (problem.booth[m] or "", s) in fixed.booth_used:
            continue
        options = problem.interpreters[m]
        if options is not None and all((i, s) in fixed.interpreter_busy for i in options.get(s, ())):
            continue
        result.append(s)
    return result


def build_slot_model(
    problem: Problem, free: Sequence[int], fixed: ScheduleState, within: set[int] | None = None
) -> SlotModel:
    """Variables for the free meetings (in the slots `within`, default all) and every hard rule
    over them (see constraints.py)."""
    sm = SlotModel(model=cp_model.CpModel(), free=list(free))
    for m in free:
        for s in open_slots(problem, fixed, m, within):
            sm.x[m, s] = sm.model.new_bool_var(f"x[{m},{s}]")
            options = problem.interpreters[m]
            for i in options.get(s, []) if options is not None else []:
                if (i, s) not in fixed.interpreter_busy:
                    sm.y[m, s, i] = sm.model.new_bool_var(f"y[{m},{s},{i}]")
    _add_rules(problem, fixed, sm)
    sm.weight = cp_model.LinearExpr.weighted_sum(list(sm.x.values()), [problem.weight[m] for m, _ in sm.x])
    return sm


def hold_every_free(sm: SlotModel) -> None:
    """Make every free meeting held (in exactly one of its slots) as a hard rule."""
    by_meeting: dict[int, list[cp_model.IntVar]] = {m: [] for m in sm.free}
    for (m, _), var in sm.x.items():
        by_meeting[m].append(var)
    for variables in by_meeting.values():
        sm.model.add_exactly_one(variables)


def _add_rules(problem: Problem, fixed: ScheduleState, sm: SlotModel) -> None:
    ids, slot_ids = problem.participant_ids, problem.slot_ids
    meetings = problem.instance.meetings
    by_meeting: dict[str, list[cp_model.IntVar]] = defaultdict(list)
    by_participant_slot: dict[tuple[str, str], list[cp_model.IntVar]] = defaultdict(list)
    by_participant: dict[str, list[cp_model.IntVar]] = defaultdict(list)
    tables: dict[str, list[cp_model.IntVar]] = defaultdict(list)
    booths: dict[tuple[str, str], list[cp_model.IntVar]] = defaultdict(list)
    shared = _shared_booths(problem)
    for (m, s), var in sm.x.items():
        by_meeting[meetings[m].id].append(var)
        for p in problem.ends[m]:
            by_participant_slot[ids[p], slot_ids[s]].append(var)
            by_participant[ids[p]].append(var)
        if problem.at_table[m]:
            tables[slot_ids[s]].append(var)
        elif problem.booth[m] in shared:
            booths[problem.booth[m] or "", slot_ids[s]].append(var)
    constraints.add_meeting_once(sm.model, by_meeting)
    constraints.add_participant_slot(sm.model, by_participant_slot)
    capacity = {slot_ids[s]: problem.n_tables - fixed.tables_used[s] for s in range(problem.n_slots)}
    constraints.add_table_capacity(sm.model, tables, capacity)
    constraints.add_booth_slot(sm.model, booths)
    remaining = {
        ids[p]: limit - fixed.count[p] for p, limit in enumerate(problem.max_meetings) if limit is not None
    }
    constraints.add_max_meetings(sm.model, by_participant, remaining)
    _add_interpreter_rules(problem, sm)
    locked = {meetings[m].id: sm.x[m, s] for m, s in problem.locked.items() if (m, s) in sm.x}
    constraints.add_locked(sm.model, locked)


def _add_interpreter_rules(problem: Problem, sm: SlotModel) -> None:
    meetings, slot_ids = problem.instance.meetings, problem.slot_ids
    interpreter_ids = [i.id for i in problem.instance.interpreters]
    choices: dict[tuple[str, str], tuple[cp_model.IntVar, list[cp_model.IntVar]]] = {}
    by_interpreter_slot: dict[tuple[str, str], list[cp_model.IntVar]] = defaultdict(list)
    for (m, s, i), var in sm.y.items():
        key = (meetings[m].id, slot_ids[s])
        choices.setdefault(key, (sm.x[m, s], []))[1].append(var)
        by_interpreter_slot[interpreter_ids[i], slot_ids[s]].append(var)
    constraints.add_interpreters(sm.model, choices, by_interpreter_slot)


def _shared_booths(problem: Problem) -> set[str]:
    holders: dict[str, int] = defaultdict(int)
    for participant in problem.instance.participants:
        if participant.booth is not None:
            holders[participant.booth] += 1
    return {booth for booth, count in holders.items() if count > 1}


def hint_state(sm: SlotModel, state: ScheduleState) -> None:
    """Hint the model with a schedule (e.g. the greedy start)."""
    placements = {m: (state.slot_of[m], state.interpreter_of[m]) for m in sm.free if state.slot_of[m] != FREE}
    hint_placements(sm, placements)


def hint_placements(sm: SlotModel, placements: dict[int, tuple[int, int]]) -> None:
    """Hint the model with meeting -> (slot, interpreter) for some of its free meetings."""
    sm.model.clear_hints()  # type: ignore[no-untyped-call]
    for (m, s), var in sm.x.items():
        sm.model.add_hint(var, placements.get(m, (FREE, FREE))[0] == s)
    for (m, s, i), var in sm.y.items():
        sm.model.add_hint(var, placements.get(m, (FREE, FREE)) == (s, i))
    _hint_spans(sm, {var.index for (m, s), var in sm.x.items() if placements.get(m, (FREE, FREE))[0] == s})


def _hint_spans(sm: SlotModel, chosen: set[int]) -> None:
    """Values for the span variables that the hinted x (indices in `chosen`) imply: a complete
    hint, which CP-SAT takes as its first solution instead of having to repair."""
    for record in sm.spans:
        marks = [
            (isinstance(b, int) and b == 1) or any(var.index in chosen for var in record.variables[j])
            for j, b in enumerate(record.busy)
        ]
        busy = [j for j, mark in enumerate(marks) if mark]
        first, last = (busy[0], busy[-1]) if busy else (0, 0)
        sm.model.add_hint(record.first, first)
        sm.model.add_hint(record.last, last)
        sm.model.add_hint(record.span, last - first + 1 if busy else 0)
        if not isinstance(record.active, int):
            sm.model.add_hint(record.active, bool(busy))
        run_starts = [mark and (j == 0 or not marks[j - 1]) for j, mark in enumerate(marks)]
        for j, start in record.starts:
            sm.model.add_hint(start, run_starts[j])
        sm.model.add_hint(record.breaks, max(0, sum(run_starts) - 1))


def read_placements(sm: SlotModel, solver: cp_model.CpSolver) -> dict[int, tuple[int, int]]:
    """Meeting -> (slot, interpreter or FREE) for every free meeting the solution holds."""
    placed = {m: (s, FREE) for (m, s), var in sm.x.items() if solver.boolean_value(var)}
    for (m, s, i), var in sm.y.items():
        if solver.boolean_value(var):
            placed[m] = (s, i)
    return placed
