"""A mutable schedule over a compiled problem: who is busy when, which tables and interpreters
are taken. Shared by the constructive heuristic and the large-neighbourhood search."""

from __future__ import annotations

from smexchange.scheduling.problem import Problem

FREE = -1


class ScheduleState:
    """Slot (and interpreter) of every meeting, with the occupancy tables kept in step."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.slot_of = [FREE] * problem.n_meetings
        self.interpreter_of = [FREE] * problem.n_meetings
        self.owner = [[FREE] * problem.n_slots for _ in range(problem.n_participants)]
        self.count = [0] * problem.n_participants
        self.tables_used = [0] * problem.n_slots
        self.booth_used: set[tuple[str, int]] = set()
        self.interpreter_busy: set[tuple[int, int]] = set()
        self.position: list[dict[int, int]] = []
        for slots in problem.available:
            rank: dict[int, int] = {}
            seen: dict[int, int] = {}
            for s in slots:
                session = problem.session_of[s]
                rank[s] = seen.get(session, 0)
                seen[session] = rank[s] + 1
            self.position.append(rank)
        # (first, last) busy slot of each participant in each session: keeps idle_delta O(1)
        self.span: list[dict[int, tuple[int, int]]] = [{} for _ in range(problem.n_participants)]

    def copy(self) -> ScheduleState:
        """An independent schedule with the same placements."""
        twin = ScheduleState(self.problem)
        for m, s in enumerate(self.slot_of):
            if s != FREE:
                twin.place(m, s, self.interpreter_of[m])
        return twin

    def weight(self) -> int:
        return sum(w for m, w in enumerate(self.problem.weight) if self.slot_of[m] != FREE)

    def free_interpreter(self, m: int, s: int) -> int | None:
        """An interpreter for meeting m in slot s: FREE when none is needed, None when none is free."""
        options = self.problem.interpreters[m]
        if options is None:
            return FREE
        for i in options.get(s, ()):
            if (i, s) not in self.interpreter_busy:
                return i
        return None

    def interpreter_for(self, m: int, s: int) -> int:
        """`free_interpreter` where `can_place(m, s)` has already said there is one."""
        interpreter = self.free_interpreter(m, s)
        if interpreter is None:  # can_place checks the interpreters too
            raise AssertionError(f"no free interpreter for meeting {m} in slot {s}")
        return interpreter

    def can_place(self, m: int, s: int) -> bool:
        problem = self.problem
        a, b = problem.ends[m]
        if self.owner[a][s] != FREE or self.owner[b][s] != FREE:
            return False
        for p in (a, b):
            limit = problem.max_meetings[p]
            if limit is not None and self.count[p] >= limit:
                return False
        if problem.at_table[m]:
            if self.tables_used[s] >= problem.n_tables:
                return False
        elif (problem.booth[m] or "", s) in self.booth_used:
            return False
        return self.free_interpreter(m, s) is not None

    def place(self, m: int, s: int, interpreter: int) -> None:
        problem = self.problem
        self.slot_of[m] = s
        self.interpreter_of[m] = interpreter
        session = problem.session_of[s]
        for p in problem.ends[m]:
            self.owner[p][s] = m
            self.count[p] += 1
            first, last = self.span[p].get(session, (s, s))
            self.span[p][session] = (min(first, s), max(last, s))
        if problem.at_table[m]:
            self.tables_used[s] += 1
        else:
            self.booth_used.add((problem.booth[m] or "", s))
        if interpreter != FREE:
            self.interpreter_busy.add((interpreter, s))

    def remove(self, m: int) -> None:
        problem = self.problem
        s = self.slot_of[m]
        if s == FREE:
            return
        for p in problem.ends[m]:
            self.owner[p][s] = FREE
            self.count[p] -= 1
            self._rescan_span(p, problem.session_of[s])
        if problem.at_table[m]:
            self.tables_used[s] -= 1
        else:
            self.booth_used.discard((problem.booth[m] or "", s))
        if self.interpreter_of[m] != FREE:
            self.interpreter_busy.discard((self.interpreter_of[m], s))
        self.slot_of[m] = FREE
        self.interpreter_of[m] = FREE

    def _rescan_span(self, p: int, session: int) -> None:
        busy = [t for t in self.problem.session_slots[session] if self.owner[p][t] != FREE]
        if busy:
            self.span[p][session] = (busy[0], busy[-1])
        else:
            self.span[p].pop(session, None)

    def idle_delta(self, p: int, s: int) -> float:
        """Change in p's idle slots if it met in slot s; opening a new session costs a little."""
        span = self.span[p].get(self.problem.session_of[s])
        if span is None:
            return 0.5
        here, position = self.position[p][s], self.position[p]
        first, last = position[span[0]], position[span[1]]
        if first < here < last:
            return -1.0
        return float(first - here - 1 if here < first else here - last - 1)
