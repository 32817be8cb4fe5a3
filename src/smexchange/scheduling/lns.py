"""Large-neighbourhood search: free the meetings among a few dozen participants, re-solve that
piece exactly with CP-SAT around everything else, keep it when it is not worse.

The objective of a piece is lexicographic (weight, then the `minimize` count, then the other)
folded into one integer objective, so a piece never trades weight for idle time. Pieces grow
around a seed participant along its meetings, so the freed meetings can really move: the
seed is drawn, with a fixed seed, among participants with an unscheduled request or idle time.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from ortools.sat.python import cp_model

from smexchange.scheduling.compact import Placements, compact_gaps, session_gaps
from smexchange.scheduling.model import (
    SlotModel,
    build_slot_model,
    hint_placements,
    hold_every_free,
    make_solver,
    read_placements,
)
from smexchange.scheduling.objective import add_span_terms
from smexchange.scheduling.problem import Problem
from smexchange.scheduling.state import FREE, ScheduleState

# A piece as good as before but different is kept too: plateau moves let the search drift
# towards schedules where the next piece can improve (measured: real-120 idle 38 -> 24).
ACCEPT_TIES = True
# Shares of window and session pieces once the weight is at the bound. Then only gaps are left
# to close, and session pieces close most of them: per kind over runs of the real events,
# about 0.3 idle slot per session piece, 0.1-0.2 per people piece or window (measured:
# real-250-interp idle 121 -> 91 mean of three 30 s runs, real-300 94 -> 96).
AT_BOUND_SHARES = (0.05, 0.9)

# How many neighbourhoods are drawn to find one independent of those in flight.
LAUNCH_DRAWS = 12

Report = Callable[[str, ScheduleState, int], None]
# What a piece's solve returns: placements of its free meetings (None when CP-SAT found none).
Found = Placements | None


def participant_gaps(problem: Problem, state: ScheduleState, p: int) -> tuple[int, int]:
    """(idle slots, breaks) of one participant, over its available slots session by session."""
    idle = breaks = 0
    for session in state.span[p]:
        i, b = session_gaps(problem, state, p, session)
        idle, breaks = idle + i, breaks + b
    return idle, breaks


def total_gaps(problem: Problem, state: ScheduleState) -> tuple[int, int]:
    """(idle slots, breaks) of the whole schedule."""
    counts = [participant_gaps(problem, state, p) for p in range(problem.n_participants)]
    return sum(idle for idle, _ in counts), sum(breaks for _, breaks in counts)


def has_no_idle(problem: Problem, state: ScheduleState) -> bool:
    """True when nobody waits between meetings (so there is no break either)."""
    return not any(participant_gaps(problem, state, p)[0] for p in range(problem.n_participants))


@dataclass
class _Piece:
    """A neighbourhood ready to solve: its model, and what to compare the result with."""

    kind: str
    people: set[int]
    free: list[int]
    sessions: frozenset[int] | None  # the sessions its slots lie in (None: all)
    before: tuple[int, int, int]
    sm: SlotModel
    seed: int
    optimal: bool = False

    def solve(self, seconds: float) -> Found:
        """Placements of the free meetings (None when CP-SAT found none); touches no shared state."""
        solver = make_solver(seconds, self.seed, 1)
        status = solver.solve(self.sm.model)
        self.optimal = status == cp_model.OPTIMAL
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        return read_placements(self.sm, solver)


def _sessions_of(problem: Problem, within: set[int] | None) -> frozenset[int] | None:
    """The sessions a piece's slots lie in (None: the piece may use every slot)."""
    return None if within is None else frozenset(problem.session_of[s] for s in within)


def _independent(people: set[int], free: list[int], sessions: frozenset[int] | None, piece: _Piece) -> bool:
    """Two pieces can be solved side by side when they free different meetings and share no
    participant, or touch different sessions (gaps are counted session by session). A table,
    booth or interpreter that both want, or a max_meetings that both fill, is caught when the
    second is put in place."""
    if set(free) & set(piece.free):
        return False
    if not people & piece.people:
        return True
    return sessions is not None and piece.sessions is not None and not sessions & piece.sessions


def _score(
    problem: Problem,
    state: ScheduleState,
    piece_people: set[int],
    free: list[int],
    sessions: frozenset[int] | None,
) -> tuple[int, int, int]:
    """Weight of the free meetings, then the gap counts of the piece's people in the sessions
    it touches (all when None): nothing else can change when the piece is re-solved."""
    weight = sum(problem.weight[m] for m in free if state.slot_of[m] != FREE)
    idle = breaks = 0
    for p in piece_people:
        for session in state.span[p]:
            if sessions is None or session in sessions:
                i, b = session_gaps(problem, state, p, session)
                idle, breaks = idle + i, breaks + b
    if problem.instance.minimize == "breaks":
        return weight, -breaks, -idle
    return weight, -idle, -breaks


@dataclass(frozen=True)
class Change:
    """A kept piece: its people and sessions, and where it put its free meetings."""

    people: set[int]
    free: list[int]
    sessions: frozenset[int] | None
    found: Placements


def _put(problem: Problem, state: ScheduleState, change: Change, before: tuple[int, int, int]) -> bool:
    """Put a piece's placements in place when they fit and score at least `before`; else leave
    `state` as it was."""
    saved = {m: (state.slot_of[m], state.interpreter_of[m]) for m in change.free if state.slot_of[m] != FREE}
    for m in saved:
        state.remove(m)
    placed = []
    for m, (s, i) in change.found.items():
        # A piece solved beside another may want a table or interpreter the other took.
        if not state.can_place(m, s):
            break
        if i != FREE and (i, s) in state.interpreter_busy:
            i = state.interpreter_for(m, s)  # which interpreter it is changes no count
        state.place(m, s, i)
        placed.append(m)
    else:
        after = _score(problem, state, change.people, change.free, change.sessions)
        if after > before or (after == before and ACCEPT_TIES):
            return True
    for m in placed:
        state.remove(m)
    for m, (s, i) in saved.items():
        state.place(m, s, i)
    return False


def replay(problem: Problem, state: ScheduleState, changes: list[Change]) -> int:
    """Try the kept pieces of a search on another schedule, in order; returns how many fit
    there without making it worse."""
    return sum(
        _put(problem, state, change, _score(problem, state, change.people, change.free, change.sessions))
        for change in changes
    )


class _Search:
    def __init__(self, problem: Problem, state: ScheduleState, seed: int) -> None:
        self.problem, self.state = problem, state
        self.kept: list[Change] | None = None  # the kept pieces, when a caller wants them
        self.rng = random.Random(seed)
        self.size = 40
        # Where the size settles on real events (about half the pieces proven): starting at
        # 120 lost the first seconds to pieces too large to solve.
        self.session_size = 30
        self.session_share = 0.4
        self.window_share = 0.1
        self.at_bound = False  # the weight is at the bound: only gaps are left to close
        self.window = 2
        self.partners: list[list[int]] = [[] for _ in range(problem.n_participants)]
        for m, (a, b) in enumerate(problem.ends):
            if problem.feasible[m]:
                self.partners[a].append(b)
                self.partners[b].append(a)

    def pick_seed(self) -> list[int]:
        """Where a neighbourhood starts: one side of a waiting meeting (half the time), or anyone."""
        problem, state = self.problem, self.state
        if self.rng.random() < 0.5:
            waiting = [
                m for m in range(problem.n_meetings) if state.slot_of[m] == FREE and problem.feasible[m]
            ]
            if waiting:
                return [problem.ends[self.rng.choice(waiting)][self.rng.randrange(2)]]
        return [self.rng.randrange(problem.n_participants)]

    def neighbourhood(self) -> tuple[set[int], list[int], set[int] | None]:
        """A connected set of about `size` participants, the meetings among them, and the slots
        they may use (all of them); or, for `session_share` of the pieces, one session, where the
        meetings already held there are re-timed with many more participants at once; or, for
        `window_share`, every meeting in a few consecutive slots. Once the weight is at the
        bound, `AT_BOUND_SHARES` instead."""
        roll = self.rng.random()
        window, session = AT_BOUND_SHARES if self.at_bound else (self.window_share, self.session_share)
        if roll < window:
            return self.window_neighbourhood()
        if roll < window + session:
            return self.session_neighbourhood()
        start = self.pick_seed()
        people, frontier = set(start), list(start)
        size = self.size
        while frontier and len(people) < size:
            p = frontier.pop(0)
            partners = self.partners[p][:]
            self.rng.shuffle(partners)
            for q in partners[: max(3, size // 4)]:
                if q not in people and len(people) < size:
                    people.add(q)
                    frontier.append(q)
        free = sorted(
            {
                m
                for p in people
                for m in self.problem.meetings_of[p]
                if self.problem.ends[m][0] in people
                and self.problem.ends[m][1] in people
                and m not in self.problem.locked
            }
        )
        return people, free, None

    def session_neighbourhood(self) -> tuple[set[int], list[int], set[int] | None]:
        problem, state = self.problem, self.state
        session = self.rng.randrange(len(problem.session_slots))
        within = set(problem.session_slots[session])
        held = [
            m for m in range(problem.n_meetings) if state.slot_of[m] in within and m not in problem.locked
        ]
        if not held:
            return set(), [], within
        start = problem.ends[self.rng.choice(held)][0]
        partners: dict[int, list[int]] = {}
        for m in held:
            a, b = problem.ends[m]
            partners.setdefault(a, []).append(b)
            partners.setdefault(b, []).append(a)
        people, frontier = {start}, [start]
        while frontier and len(people) < self.session_size:
            for q in partners.get(frontier.pop(0), []):
                if q not in people and len(people) < self.session_size:
                    people.add(q)
                    frontier.append(q)
        free = sorted(m for m in held if problem.ends[m][0] in people and problem.ends[m][1] in people)
        return people, free, within

    def window_neighbourhood(self) -> tuple[set[int], list[int], set[int] | None]:
        """Every meeting held in a few consecutive slots of one session, re-timed among them
        (with the requests still waiting between their participants)."""
        problem, state = self.problem, self.state
        slots = problem.session_slots[self.rng.randrange(len(problem.session_slots))]
        width = min(self.window, len(slots))
        begin = self.rng.randrange(len(slots) - width + 1)
        within = set(slots[begin : begin + width])
        held = [
            m for m in range(problem.n_meetings) if state.slot_of[m] in within and m not in problem.locked
        ]
        people = {p for m in held for p in problem.ends[m]}
        waiting = [
            m
            for p in people
            for m in problem.meetings_of[p]
            if state.slot_of[m] == FREE
            and problem.ends[m][0] in people
            and problem.ends[m][1] in people
            and m not in problem.locked
            and within.intersection(problem.feasible[m])
        ]
        return people, sorted({*held, *waiting}), within

    def step(self, seconds: float) -> bool:
        """One neighbourhood; True when it improved the schedule."""
        piece = self.prepare(self.neighbourhood())
        if piece is None:
            return False
        return self.apply(piece, piece.solve(seconds))

    def launch(self, seconds: float, pool: ThreadPoolExecutor, flight: dict[Future[Found], _Piece]) -> bool:
        """Start one more neighbourhood beside those in flight (CP-SAT releases the GIL): one that
        is independent of them, so that each can be kept or dropped on its own. False when none
        was found in a few draws."""
        for _ in range(LAUNCH_DRAWS):
            people, free, within = self.neighbourhood()
            sessions = _sessions_of(self.problem, within)
            if any(not _independent(people, free, sessions, piece) for piece in flight.values()):
                continue
            piece = self.prepare((people, free, within))
            if piece is not None:
                flight[pool.submit(piece.solve, seconds)] = piece
                return True
        return False

    def land(self, flight: dict[Future[Found], _Piece], *, every: bool = False) -> None:
        """Wait for the first piece in flight to finish (or all of them) and apply what it found."""
        done, _ = wait(flight, return_when=ALL_COMPLETED if every else FIRST_COMPLETED)
        for future in done:
            self.apply(flight.pop(future), future.result())

    def prepare(self, neighbourhood: tuple[set[int], list[int], set[int] | None]) -> _Piece | None:
        """The CP-SAT model of a neighbourhood around the rest of the schedule (left unchanged)."""
        problem, state = self.problem, self.state
        people, free, within = neighbourhood
        if not free:
            return None
        kind = "people" if within is None else "session" if len(within) > self.window else "window"
        sessions = _sessions_of(problem, within)
        before = _score(problem, state, people, free, sessions)
        saved = {m: (state.slot_of[m], state.interpreter_of[m]) for m in free if state.slot_of[m] != FREE}
        for m in free:
            state.remove(m)
        sm = build_slot_model(problem, free, state, within)
        if kind == "session":
            # Its free meetings are all held now, and in one session weight can only be lost:
            # keeping them all as a hard rule halves the time CP-SAT needs to prove a piece.
            hold_every_free(sm)
        add_span_terms(problem, state, sm, sorted(people))
        for m, (s, i) in saved.items():
            state.place(m, s, i)
        scale = len(people) * problem.n_slots + 1
        primary, secondary = (
            (sm.idle, sm.breaks) if problem.instance.minimize == "idle_slots" else (sm.breaks, sm.idle)
        )
        sm.model.maximize(sm.weight * scale * scale - primary * scale - secondary)
        hint_placements(sm, saved)
        return _Piece(kind, people, free, sessions, before, sm, self.rng.randrange(1 << 30))

    def apply(self, piece: _Piece, found: Found) -> bool:
        """Put the piece's solution in place when it still fits and is not worse; else undo."""
        self._adapt(piece.kind, found is not None and piece.optimal)
        if found is None:
            return False
        change = Change(piece.people, piece.free, piece.sessions, found)
        kept = _put(self.problem, self.state, change, piece.before)
        if kept and self.kept is not None:
            self.kept.append(change)
        return kept

    def _adapt(self, kind: str, optimal: bool) -> None:
        """Grow a kind of neighbourhood while CP-SAT still proves it, shrink it when it cannot."""
        factor = 1.15 if optimal else 0.85
        if kind == "session":
            self.session_size = max(10, min(int(self.session_size * factor) + 1, 2000))
        elif kind == "window":
            self.window = max(2, min(self.window + (1 if optimal else -1), 8))
        else:
            self.size = max(10, min(int(self.size * factor) + 1, 400))


def _compact(
    problem: Problem, state: ScheduleState, deadline: float, passes: int, kept: list[Change] | None
) -> None:
    """Gap-closing moves (compact.py); each move, swap or chain is added to `kept` as a change."""
    log: list[Placements] = []
    compact_gaps(problem, state, deadline=deadline, passes=passes, log=None if kept is None else log)
    if kept is not None:
        kept.extend(
            Change({p for m in found for p in problem.ends[m]}, list(found), None, found) for found in log
        )


def improve_by_lns(
    problem: Problem,
    state: ScheduleState,
    *,
    deadline: float,
    seed: int,
    workers: int,
    report: Report,
    bound: int = -1,
    step_seconds: float = 0.25,
    stop: Callable[[], bool] | None = None,
    kept: list[Change] | None = None,
) -> ScheduleState:
    """Improve `state` in place until the deadline (or until `stop()` says so); returns it
    (never worse than it was). The pieces kept are added to `kept` when given."""
    search = _Search(problem, state, seed)
    search.kept = kept
    now = time.perf_counter()
    _compact(problem, state, now + (deadline - now) * 0.2, 20, kept)
    report("compact", state, bound)
    last_report = last_compact = time.perf_counter()
    # With more than one worker, that many pieces are in flight at once: a new one starts as
    # soon as one finishes (the model building, the gap-closing moves and the bookkeeping stay
    # on this thread); with one, pieces are solved one by one, repeatably.
    pool = ThreadPoolExecutor(max_workers=workers) if workers > 1 else None
    flight: dict[Future[Found], _Piece] = {}
    try:
        while time.perf_counter() + 0.2 < deadline and not (stop is not None and stop()):
            seconds = min(step_seconds, deadline - time.perf_counter())
            if pool is None:
                search.step(seconds)
            else:
                while len(flight) < workers and search.launch(seconds, pool, flight):
                    pass
                if flight:
                    search.land(flight)
            if time.perf_counter() - last_compact > 3:
                # The moves change the schedule the pieces in flight were scored against.
                if flight:
                    search.land(flight, every=True)
                _compact(problem, state, min(deadline, time.perf_counter() + 1), 2, kept)
                last_compact = time.perf_counter()
            if time.perf_counter() - last_report > 5:
                report("lns", state, bound)
                last_report = time.perf_counter()
            weight = state.weight()
            search.at_bound = weight >= bound >= 0
            if weight >= bound and has_no_idle(problem, state):
                break  # nothing left to gain
        if flight:
            search.land(flight, every=True)
    finally:
        if pool is not None:
            pool.shutdown()
    report("lns", state, bound)
    return state
