"""Gap-closing local search: cheap moves that keep every held meeting and never add gaps.

Three moves, each kept only when it lowers the (minimize count, other count) of the participants
it touches: move one meeting to another open slot next to a meeting of one of its two sides
(closing a hole or packing an end); swap the slots of two meetings of one participant in a
session; and, where neither helps, trade two slots of a session along a Kempe chain (every
meeting that must change slot with it so that nobody meets twice at once). Thousands of moves a
second, so it runs before and between the CP-SAT neighbourhoods of `lns.py`, which do the moves
these cannot.
"""

from __future__ import annotations

import time

from smexchange.scheduling.problem import Problem
from smexchange.scheduling.state import FREE, ScheduleState

# Longest Kempe chain tried: with a limit of 200, the chains kept in a 30 s run of
# real-250-interp had 3-12 meetings; longer ones cost a rescan of everyone on them and never
# helped there.
CHAIN_LIMIT = 24

# Meeting -> (slot, interpreter) of the meetings one move, swap or chain changed.
Placements = dict[int, tuple[int, int]]


def session_gaps(problem: Problem, state: ScheduleState, p: int, session: int) -> tuple[int, int]:
    """(idle slots, breaks) of participant p in one session."""
    owner, available = state.owner[p], state.position[p]
    marks = [owner[s] != FREE for s in problem.session_slots[session] if s in available or owner[s] != FREE]
    if True not in marks:
        return 0, 0
    first, last = marks.index(True), len(marks) - 1 - marks[::-1].index(True)
    inside = marks[first : last + 1]
    breaks = sum(1 for i in range(1, len(inside)) if not inside[i] and inside[i - 1])
    return inside.count(False), breaks


class _Compactor:
    def __init__(self, problem: Problem, state: ScheduleState, log: list[Placements] | None = None) -> None:
        self.problem, self.state, self.log = problem, state, log
        self.breaks_first = problem.instance.minimize == "breaks"

    def cost(self, people: tuple[int, ...], sessions: set[int]) -> tuple[int, int]:
        idle = breaks = 0
        for p in people:
            for g in sessions:
                i, b = session_gaps(self.problem, self.state, p, g)
                idle, breaks = idle + i, breaks + b
        return (breaks, idle) if self.breaks_first else (idle, breaks)

    def targets(self, m: int) -> list[int]:
        """Open feasible slots next to (or between) meetings of either side, in time order."""
        problem, state = self.problem, self.state
        a, b = problem.ends[m]
        here = state.slot_of[m]
        near = set()
        for p in (a, b):
            owner = state.owner[p]
            for t in problem.feasible[m]:
                if t == here or owner[t] != FREE:
                    continue
                for u in (t - 1, t + 1):
                    inside = 0 <= u < problem.n_slots and problem.session_of[u] == problem.session_of[t]
                    if inside and owner[u] not in (FREE, m):
                        near.add(t)
        return sorted(near)

    def try_move(self, m: int, t: int) -> bool:
        problem, state = self.problem, self.state
        s, interpreter = state.slot_of[m], state.interpreter_of[m]
        sessions = {problem.session_of[s], problem.session_of[t]}
        people = problem.ends[m]
        before = self.cost(people, sessions)
        state.remove(m)
        if state.can_place(m, t):
            state.place(m, t, state.interpreter_for(m, t))
            if self.cost(people, sessions) < before:
                return True
            state.remove(m)
        state.place(m, s, interpreter)
        return False

    def try_swap(self, m: int, n: int) -> bool:
        problem, state = self.problem, self.state
        s, t = state.slot_of[m], state.slot_of[n]
        if t not in problem.feasible[m] or s not in problem.feasible[n]:
            return False
        # A chain of two: m and n trade their slots.
        return self.try_chain([m, n], s, t)

    def record(self, *meetings: int) -> None:
        if self.log is not None:
            self.log.append({m: (self.state.slot_of[m], self.state.interpreter_of[m]) for m in meetings})

    def gappy(self, p: int) -> bool:
        return any(session_gaps(self.problem, self.state, p, g)[0] for g in self.state.span[p])

    def sweep(self, deadline: float) -> int:
        """One pass of moves, swaps and chains over the meetings of participants with gaps."""
        problem, state = self.problem, self.state
        improved = 0
        for m in range(problem.n_meetings):
            if time.perf_counter() > deadline:
                break
            if state.slot_of[m] == FREE or m in problem.locked:
                continue
            a, b = problem.ends[m]
            if not (self.gappy(a) or self.gappy(b)):
                continue
            for t in self.targets(m):
                if self.try_move(m, t):
                    self.record(m)
                    improved += 1
                    break
            else:
                improved += self.swaps(m) or self.chains(m)
        return improved

    def swaps(self, m: int) -> int:
        problem, state = self.problem, self.state
        session = problem.session_of[state.slot_of[m]]
        for p in problem.ends[m]:
            for n in problem.meetings_of[p]:
                if n == m or n in problem.locked or state.slot_of[n] == FREE:
                    continue
                if problem.session_of[state.slot_of[n]] == session and self.try_swap(m, n):
                    self.record(m, n)
                    return 1
        return 0

    def chains(self, m: int) -> int:
        """Swap slots s and t for a whole Kempe chain through m (below), for each other slot t
        of m's session; keeps the first that lowers the cost."""
        problem, state = self.problem, self.state
        s = state.slot_of[m]
        for t in problem.session_slots[problem.session_of[s]]:
            if t == s or t not in problem.feasible[m]:
                continue
            chain = self.chain(m, s, t)
            if chain is not None and len(chain) > 2 and self.try_chain(chain, s, t):
                self.record(*chain)
                return 1
        return 0

    def chain(self, m: int, s: int, t: int) -> list[int] | None:
        """The meetings that must trade slots s and t with m so that nobody meets twice at once:
        m, the meetings its two sides hold at t, theirs at s, and so on (a Kempe chain). None
        when one of them is locked, cannot be held in the other slot, or the chain grows long."""
        problem, state = self.problem, self.state
        chain, frontier = {m}, [m]
        while frontier:
            n = frontier.pop()
            other = t if state.slot_of[n] == s else s
            if n in problem.locked or other not in problem.feasible[n]:
                return None
            for p in problem.ends[n]:
                k = state.owner[p][other]
                if k != FREE and k not in chain:
                    chain.add(k)
                    frontier.append(k)
            if len(chain) > CHAIN_LIMIT:
                return None
        return sorted(chain)

    def try_chain(self, chain: list[int], s: int, t: int) -> bool:
        """Move the meetings of `chain` at s to t and those at t to s, in the chain's order; keep
        it when everything fits and the cost goes down, else put them all back."""
        problem, state = self.problem, self.state
        saved = [(n, state.slot_of[n], state.interpreter_of[n]) for n in chain]
        people = tuple({p for n in chain for p in problem.ends[n]})
        sessions = {problem.session_of[s]}
        before = self.cost(people, sessions)
        for n in chain:
            state.remove(n)
        placed = []
        for n, slot, _ in saved:
            # Tables, booths and interpreters may still refuse the traded slot.
            other = t if slot == s else s
            if not state.can_place(n, other):
                break
            state.place(n, other, state.interpreter_for(n, other))
            placed.append(n)
        else:
            if self.cost(people, sessions) < before:
                return True
        for n in placed:
            state.remove(n)
        for n, slot, interpreter in saved:
            state.place(n, slot, interpreter)
        return False


def compact_gaps(
    problem: Problem,
    state: ScheduleState,
    *,
    deadline: float,
    passes: int = 20,
    log: list[Placements] | None = None,
) -> int:
    """Improve `state` in place by moves, swaps and chains until none helps (or the deadline);
    returns how many were made, each added to `log` (where its meetings went) when given.
    Deterministic: meetings are visited in index order."""
    compactor = _Compactor(problem, state, log)
    total = 0
    for _ in range(passes):
        done = compactor.sweep(deadline)
        total += done
        if not done or time.perf_counter() > deadline:
            break
    return total
