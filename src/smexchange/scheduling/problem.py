"""The instance compiled to integer indices for the solvers (internal; the API uses ids)."""

from __future__ import annotations

from dataclasses import dataclass, field

from smexchange.scheduling.types import Instance, Meeting


@dataclass
class Problem:
    """Index form of an instance: meetings, participants, slots and interpreters are numbered.

    `feasible[m]` already applies availability, the meeting's `slots`, the need for a table and
    for an interpreter, and locking, so a variable exists only for a pair (m, s) that can happen.
    """

    instance: Instance
    slot_ids: list[str]
    session_slots: list[list[int]]
    session_of: list[int]
    participant_ids: list[str]
    ends: list[tuple[int, int]]
    weight: list[int]
    at_table: list[bool]
    booth: list[str | None]
    feasible: list[list[int]]
    interpreters: list[dict[int, list[int]] | None]
    available: list[list[int]]
    max_meetings: list[int | None]
    n_tables: int
    locked: dict[int, int]
    locked_table: dict[str, str]
    reasons: dict[int, str] = field(default_factory=dict)
    meetings_of: list[list[int]] = field(default_factory=list)

    @property
    def n_meetings(self) -> int:
        return len(self.weight)

    @property
    def n_slots(self) -> int:
        return len(self.slot_ids)

    @property
    def n_participants(self) -> int:
        return len(self.participant_ids)

    @property
    def feasible_pairs(self) -> int:
        """How many (meeting, slot) pairs can happen: the size of every model over all meetings."""
        return sum(len(slots) for slots in self.feasible)

    @property
    def feasible_weight(self) -> int:
        """The weight of every meeting with a feasible slot: the bound when all of them fit."""
        return sum(w for m, w in enumerate(self.weight) if self.feasible[m])

    def meeting(self, m: int) -> Meeting:
        return self.instance.meetings[m]


def compile_problem(instance: Instance) -> Problem:
    """Number everything and compute each meeting's feasible slots (and why some have none)."""
    slot_ids = [slot.id for slot in instance.slots]
    slot_index = {ident: i for i, ident in enumerate(slot_ids)}
    session_names: dict[str, int] = {}
    session_of = [session_names.setdefault(slot.session, len(session_names)) for slot in instance.slots]
    session_slots: list[list[int]] = [[] for _ in session_names]
    for s, session in enumerate(session_of):
        session_slots[session].append(s)
    participant_ids = [p.id for p in instance.participants]
    participant_index = {ident: i for i, ident in enumerate(participant_ids)}
    available = [[slot_index[s] for s in instance.available_slots(p.id)] for p in instance.participants]
    problem = Problem(
        instance=instance,
        slot_ids=slot_ids,
        session_slots=session_slots,
        session_of=session_of,
        participant_ids=participant_ids,
        ends=[(participant_index[m.a], participant_index[m.b]) for m in instance.meetings],
        weight=[m.weight for m in instance.meetings],
        at_table=[instance.location_of(m) is None for m in instance.meetings],
        booth=[instance.location_of(m) for m in instance.meetings],
        feasible=[],
        interpreters=[],
        available=available,
        max_meetings=[p.max_meetings for p in instance.participants],
        n_tables=len(instance.tables),
        locked={},
        locked_table={},
    )
    _fill_feasible(problem, slot_index)
    meetings_of: list[list[int]] = [[] for _ in participant_ids]
    for m, (a, b) in enumerate(problem.ends):
        if problem.feasible[m]:
            meetings_of[a].append(m)
            meetings_of[b].append(m)
    problem.meetings_of = meetings_of
    return problem


def _fill_feasible(problem: Problem, slot_index: dict[str, int]) -> None:
    instance = problem.instance
    locks = {lock.meeting: lock for lock in instance.locked}
    for m, meeting in enumerate(instance.meetings):
        a, b = problem.ends[m]
        common = set(problem.available[a]) & set(problem.available[b])
        allowed = (
            common if meeting.slots is None else {s for s in common if problem.slot_ids[s] in meeting.slots}
        )
        lock = locks.get(meeting.id)
        if lock is not None:
            allowed = {slot_index[lock.slot]}
            problem.locked[m] = slot_index[lock.slot]
            if lock.location is not None and problem.at_table[m]:
                problem.locked_table[meeting.id] = lock.location
        slots = sorted(allowed)
        interpreters = _interpreter_options(problem, meeting, slots)
        if interpreters is not None:
            slots = [s for s in slots if interpreters.get(s)]
        if problem.at_table[m] and problem.n_tables == 0:
            slots = []
        if 0 in (problem.max_meetings[a], problem.max_meetings[b]):
            slots = []
        problem.feasible.append(slots)
        problem.interpreters.append(interpreters)
        if not slots:
            problem.reasons[m] = _empty_reason(problem, m, common, allowed, interpreters)


def _interpreter_options(problem: Problem, meeting: Meeting, slots: list[int]) -> dict[int, list[int]] | None:
    instance = problem.instance
    if not instance.needs_interpreter(meeting):
        return None
    languages_a = instance.participant_by_id[meeting.a].languages or frozenset()
    languages_b = instance.participant_by_id[meeting.b].languages or frozenset()
    capable = [
        (i, interpreter.available)
        for i, interpreter in enumerate(instance.interpreters)
        if interpreter.languages & languages_a and interpreter.languages & languages_b
    ]
    options: dict[int, list[int]] = {}
    for s in slots:
        slot_id = problem.slot_ids[s]
        here = [i for i, available in capable if available is None or slot_id in available]
        if here:
            options[s] = here
    return options


def _empty_reason(
    problem: Problem, m: int, common: set[int], allowed: set[int], interpreters: dict[int, list[int]] | None
) -> str:
    a, b = problem.ends[m]
    if not common:
        return "no common available slot"
    if not allowed:
        return "no common available slot among the meeting's slots"
    if 0 in (problem.max_meetings[a], problem.max_meetings[b]):
        return "a participant has max_meetings 0"
    if problem.at_table[m] and problem.n_tables == 0:
        return "needs a table and there are none"
    if interpreters is not None:
        return "needs an interpreter and none is available in a common slot"
    return "no feasible slot"
