"""Idle slots and breaks as linear expressions, for the lexicographic objective.

For each participant p and session, take p's available slots in order (positions 0..n-1) and
let b_j be 1 when p meets at position j (a fixed meeting or a sum of x variables).
started_j = b_0 or ... or b_j, going_j = b_j or ... or b_{n-1} (each pinned exactly by three
inequalities), idle_j = started_{j-1} and going_{j+1} and not b_j, break_j = idle_j and not
idle_{j-1}. The objective is: max weight, then min the `minimize` count, then the other one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ortools.sat.python import cp_model

from smexchange.scheduling.model import SlotModel, SpanVars
from smexchange.scheduling.problem import Problem
from smexchange.scheduling.state import FREE, ScheduleState

Busy = cp_model.LinearExpr | int


def _variables_by_participant_slot(
    problem: Problem, sm: SlotModel
) -> dict[tuple[int, int], list[cp_model.IntVar]]:
    """x variables by (participant, slot): a participant meets at s when one of them is 1."""
    by_participant_slot: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    for (m, s), var in sm.x.items():
        for p in problem.ends[m]:
            by_participant_slot[p, s].append(var)
    return by_participant_slot


def add_gap_terms(problem: Problem, fixed: ScheduleState, sm: SlotModel, participants: Iterable[int]) -> None:
    """Add idle/break variables for the given participants and set sm.idle and sm.breaks."""
    by_participant_slot = _variables_by_participant_slot(problem, sm)
    idle: list[cp_model.IntVar] = []
    breaks: list[cp_model.IntVar] = []
    for p in participants:
        for session in range(len(problem.session_slots)):
            busy = _busy_sequence(problem, fixed, by_participant_slot, p, session)
            if len(busy) >= 3:
                _add_sequence(sm.model, busy, idle, breaks)
    sm.idle = cp_model.LinearExpr.sum(idle)
    sm.breaks = cp_model.LinearExpr.sum(breaks)


def busy_sequences(
    problem: Problem, fixed: ScheduleState, sm: SlotModel, participants: Iterable[int]
) -> list[list[Busy]]:
    """b_j per participant and session (see `_busy_sequence`), where a gap is possible at all."""
    by_participant_slot = _variables_by_participant_slot(problem, sm)
    sequences = []
    for p in participants:
        for session in range(len(problem.session_slots)):
            busy = _busy_sequence(problem, fixed, by_participant_slot, p, session)
            if len(busy) >= 3 and not all(isinstance(b, int) for b in busy):
                sequences.append(busy)
    return sequences


def _busy_sequence(
    problem: Problem,
    fixed: ScheduleState,
    by_participant_slot: dict[tuple[int, int], list[cp_model.IntVar]],
    p: int,
    session: int,
) -> list[Busy]:
    """b_j along p's available slots in the session, trimmed to where meetings can be."""
    available = set(problem.available[p])
    sequence: list[Busy] = []
    for s in problem.session_slots[session]:
        if s not in available:
            continue
        if fixed.owner[p][s] != FREE:
            sequence.append(1)
        elif by_participant_slot.get((p, s)):
            sequence.append(cp_model.LinearExpr.sum(by_participant_slot[p, s]))
        else:
            sequence.append(0)
    possible = [j for j, b in enumerate(sequence) if not (isinstance(b, int) and b == 0)]
    if not possible:
        return []
    return sequence[possible[0] : possible[-1] + 1]


def _add_sequence(
    model: cp_model.CpModel, busy: list[Busy], idle: list[cp_model.IntVar], breaks: list[cp_model.IntVar]
) -> None:
    n = len(busy)
    started: list[Busy] = [busy[0]]
    for j in range(1, n - 1):
        var = model.new_bool_var("")
        model.add(var >= started[-1])
        model.add(var >= busy[j])
        model.add(var <= started[-1] + busy[j])
        started.append(var)
    going: list[Busy] = [busy[n - 1]]
    for j in range(n - 2, 0, -1):
        var = model.new_bool_var("")
        model.add(var >= going[-1])
        model.add(var >= busy[j])
        model.add(var <= going[-1] + busy[j])
        going.append(var)
    going.reverse()  # going[k] now belongs to position k + 1
    previous: cp_model.IntVar | None = None
    for j in range(1, n - 1):
        gap = model.new_bool_var("")
        model.add(gap >= started[j - 1] + going[j] - 1 - busy[j])
        model.add(gap <= started[j - 1])
        model.add(gap <= going[j])
        model.add(gap <= 1 - busy[j])
        idle.append(gap)
        if previous is None:
            breaks.append(gap)
        else:
            start = model.new_bool_var("")
            model.add(start >= gap - previous)
            model.add(start <= gap)
            model.add(start <= 1 - previous)
            breaks.append(start)
        previous = gap


def add_span_terms(
    problem: Problem, fixed: ScheduleState, sm: SlotModel, participants: Iterable[int]
) -> None:
    """Like `add_gap_terms`, by a tighter and smaller formulation; sets sm.idle and sm.breaks.

    Per participant and session, over the positions 0..n-1 of its available slots: integer
    first f and last l, with f <= j and l >= j whenever it meets at j, and a span
    sp >= l - f + 1 when it meets at all (sp >= its meetings, always), so
    idle = sp - meetings. Breaks = runs of meetings - 1: a run starts at j when it meets at j
    but not at j - 1 (one Boolean each), and `active` is 1 when it meets at all.
    """
    by_participant_slot = _variables_by_participant_slot(problem, sm)
    idle: list[cp_model.LinearExprT] = []
    breaks: list[cp_model.LinearExprT] = []
    for p in participants:
        for session in range(len(problem.session_slots)):
            busy = _busy_sequence(problem, fixed, by_participant_slot, p, session)
            if len(busy) < 3 or all(isinstance(b, int) for b in busy):
                continue
            slots = _trimmed_slots(problem, fixed, by_participant_slot, p, session)
            variables = [
                by_participant_slot.get((p, s), []) if fixed.owner[p][s] == FREE else [] for s in slots
            ]
            idle_term, breaks_term = _add_span(sm, busy, variables)
            idle.append(idle_term)
            breaks.append(breaks_term)
    sm.idle = cp_model.LinearExpr.sum(idle)
    sm.breaks = cp_model.LinearExpr.sum(breaks)


def _trimmed_slots(
    problem: Problem,
    fixed: ScheduleState,
    by_participant_slot: dict[tuple[int, int], list[cp_model.IntVar]],
    p: int,
    session: int,
) -> list[int]:
    """The slots behind `_busy_sequence`'s positions, in the same order."""
    available = set(problem.available[p])
    slots = [s for s in problem.session_slots[session] if s in available]
    possible = [
        j for j, s in enumerate(slots) if fixed.owner[p][s] != FREE or by_participant_slot.get((p, s))
    ]
    return slots[possible[0] : possible[-1] + 1]


def _add_span(
    sm: SlotModel, busy: list[Busy], variables: list[list[cp_model.IntVar]]
) -> tuple[cp_model.LinearExprT, cp_model.LinearExprT]:
    model = sm.model
    n = len(busy)
    first = model.new_int_var(0, n - 1, "")
    last = model.new_int_var(0, n - 1, "")
    span = model.new_int_var(0, n, "")
    fixed_busy = any(isinstance(b, int) and b == 1 for b in busy)
    active: cp_model.IntVar | int = 1 if fixed_busy else model.new_bool_var("")
    for j, b in enumerate(busy):
        if isinstance(b, int):
            if b == 1:
                model.add(first <= j)
                model.add(last >= j)
            continue
        for var in variables[j]:
            model.add(first <= j).only_enforce_if(var)
            model.add(last >= j).only_enforce_if(var)
            if not isinstance(active, int):
                model.add_implication(var, active)
    count = cp_model.LinearExpr.sum(busy)
    if isinstance(active, int):
        model.add(span >= last - first + 1)
    else:
        model.add(span >= last - first + 1).only_enforce_if(active)
        model.add(active <= count)
    model.add(span >= count)
    starts: list[Busy] = []
    record_starts: list[tuple[int, cp_model.IntVar]] = []
    for j, b in enumerate(busy):
        before: Busy = busy[j - 1] if j > 0 else 0
        if isinstance(b, int) and (b == 0 or (isinstance(before, int) and before == 1)):
            continue
        if isinstance(b, int) and isinstance(before, int):
            starts.append(1)
            continue
        start = model.new_bool_var("")
        model.add(start >= b - before)
        starts.append(start)
        record_starts.append((j, start))
    # Breaks as a variable that cannot go below 0 (at integer points the first meeting starts a
    # run anyway): as the bare expression its bound started far below 0 (-72 on a Bofill-style
    # event of 40) and a schedule without breaks could not be proven to have the fewest.
    breaks = model.new_int_var(0, n, "")
    model.add(breaks == cp_model.LinearExpr.sum(starts) - active)
    sm.spans.append(SpanVars(busy, variables, first, last, span, active, record_starts, breaks))
    return span - count, breaks
