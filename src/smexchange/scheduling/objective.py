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

from smexchange.scheduling.model import SlotModel
from smexchange.scheduling.problem import Problem
from smexchange.scheduling.state import FREE, ScheduleState

Busy = cp_model.LinearExpr | int


def add_gap_terms(problem: Problem, fixed: ScheduleState, sm: SlotModel, participants: Iterable[int]) -> None:
    """Add idle/break variables for the given participants and set sm.idle and sm.breaks."""
    by_participant_slot: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    for (m, s), var in sm.x.items():
        for p in problem.ends[m]:
            by_participant_slot[p, s].append(var)
    idle: list[cp_model.IntVar] = []
    breaks: list[cp_model.IntVar] = []
    for p in participants:
        for session in range(len(problem.session_slots)):
            busy = _busy_sequence(problem, fixed, by_participant_slot, p, session)
            if len(busy) >= 3:
                _add_sequence(sm.model, busy, idle, breaks)
    sm.idle = cp_model.LinearExpr.sum(idle)
    sm.breaks = cp_model.LinearExpr.sum(breaks)


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
