"""Independent checker: recomputes every hard rule and statistic from the assignments alone.

It shares no code with the solver and never imports OR-Tools, so a modelling mistake in the
solver cannot hide itself.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from smexchange.scheduling.types import Assignment, Instance, Solution


@dataclass(frozen=True)
class Violation:
    """One broken rule: the rule's label, the record it concerns, and what is wrong."""

    rule: str
    record: str
    message: str

    def __str__(self) -> str:
        return f"[{self.rule}] {self.record}: {self.message}"


def gap_counts(instance: Instance, busy: dict[str, set[str]]) -> tuple[int, int]:
    """(idle_slots, breaks) summed over participants, from each participant's busy slot ids.

    Within a session, the slots that count are the participant's available ones (and any slot
    where it has a meeting); idle are those between its first and last meeting without one, a
    break is a maximal run of idle slots in that sequence.
    """
    sessions: dict[str, list[str]] = defaultdict(list)
    for slot in instance.slots:
        sessions[slot.session].append(slot.id)
    idle = breaks = 0
    for participant_id, slots in busy.items():
        available = instance.participant_by_id[participant_id].available
        for session_slots in sessions.values():
            sequence = [s for s in session_slots if s in slots or available is None or s in available]
            marks = [s in slots for s in sequence]
            if True not in marks:
                continue
            first, last = marks.index(True), len(marks) - 1 - marks[::-1].index(True)
            inside = marks[first : last + 1]
            idle += inside.count(False)
            breaks += sum(1 for i in range(1, len(inside)) if not inside[i] and inside[i - 1])
    return idle, breaks


def compute_stats(instance: Instance, assignments: Iterable[Assignment]) -> dict[str, int]:
    """requested, scheduled, weight_requested, weight_scheduled, idle_slots, breaks."""
    busy: dict[str, set[str]] = defaultdict(set)
    weight = scheduled = 0
    for item in assignments:
        meeting = instance.meeting_by_id[item.meeting]
        busy[meeting.a].add(item.slot)
        busy[meeting.b].add(item.slot)
        weight += meeting.weight
        scheduled += 1
    idle, breaks = gap_counts(instance, busy)
    return {
        "requested": len(instance.meetings),
        "scheduled": scheduled,
        "weight_requested": sum(m.weight for m in instance.meetings),
        "weight_scheduled": weight,
        "idle_slots": idle,
        "breaks": breaks,
    }


def validate(instance: Instance, solution: Solution, *, check_stats: bool = True) -> list[Violation]:
    """Every broken hard rule (and, with `check_stats`, every wrong statistic); empty when valid."""
    violations = _coverage(instance, solution)
    known = [
        a
        for a in solution.assignments
        if a.meeting in instance.meeting_by_id and a.slot in instance.slot_by_id
    ]
    for rule in (_participants, _locations, _max_meetings, _interpreters, _locked):
        violations.extend(rule(instance, known))
    if check_stats and not violations:
        violations.extend(_stats(instance, solution))
    return violations


def _coverage(instance: Instance, solution: Solution) -> list[Violation]:
    found: list[Violation] = []
    counts = Counter(a.meeting for a in solution.assignments) + Counter(
        u.meeting for u in solution.unscheduled
    )
    for meeting_id, count in counts.items():
        if meeting_id not in instance.meeting_by_id:
            found.append(Violation("coverage", f"meeting {meeting_id}", "not a meeting of the instance"))
        elif count > 1:
            found.append(Violation("meeting_once", f"meeting {meeting_id}", f"appears {count} times"))
    for meeting in instance.meetings:
        if meeting.id not in counts:
            found.append(Violation("coverage", f"meeting {meeting.id}", "neither assigned nor unscheduled"))
    for item in solution.assignments:
        if item.slot not in instance.slot_by_id:
            found.append(Violation("unknown_slot", f"meeting {item.meeting}", f"unknown slot '{item.slot}'"))
    return found


def _participants(instance: Instance, assignments: list[Assignment]) -> list[Violation]:
    found: list[Violation] = []
    owner: dict[tuple[str, str], str] = {}
    for item in assignments:
        meeting = instance.meeting_by_id[item.meeting]
        if meeting.slots is not None and item.slot not in meeting.slots:
            found.append(Violation("meeting_slots", f"meeting {meeting.id}", f"slot {item.slot} not allowed"))
        for side in (meeting.a, meeting.b):
            available = instance.participant_by_id[side].available
            if available is not None and item.slot not in available:
                message = f"{side} not available in slot {item.slot}"
                found.append(Violation("participant_available", f"meeting {meeting.id}", message))
            other = owner.setdefault((side, item.slot), meeting.id)
            if other != meeting.id:
                message = f"{side} also meets in slot {item.slot} ({other})"
                found.append(Violation("participant_slot", f"meeting {meeting.id}", message))
    return found


def _locations(instance: Instance, assignments: list[Assignment]) -> list[Violation]:
    found: list[Violation] = []
    owner: dict[tuple[str, str], str] = {}
    tables = set(instance.tables)
    for item in assignments:
        booth = instance.location_of(instance.meeting_by_id[item.meeting])
        record = f"meeting {item.meeting}"
        if booth is not None and item.location != booth:
            found.append(Violation("location", record, f"held at '{item.location}', not at booth {booth}"))
        if booth is None and item.location not in tables:
            found.append(Violation("location", record, f"'{item.location}' is not a table"))
        other = owner.setdefault((item.location, item.slot), item.meeting)
        if other != item.meeting:
            message = f"{item.location} also holds {other} in slot {item.slot}"
            found.append(Violation("location_slot", record, message))
    return found


def _max_meetings(instance: Instance, assignments: list[Assignment]) -> list[Violation]:
    counts: Counter[str] = Counter()
    for item in assignments:
        meeting = instance.meeting_by_id[item.meeting]
        counts.update((meeting.a, meeting.b))
    found = []
    for participant in instance.participants:
        limit = participant.max_meetings
        if limit is not None and counts[participant.id] > limit:
            message = f"{counts[participant.id]} meetings, more than max_meetings {limit}"
            found.append(Violation("max_meetings", f"participant {participant.id}", message))
    return found


def _interpreters(instance: Instance, assignments: list[Assignment]) -> list[Violation]:
    found: list[Violation] = []
    owner: dict[tuple[str, str], str] = {}
    for item in assignments:
        meeting = instance.meeting_by_id[item.meeting]
        record = f"meeting {item.meeting}"
        if item.interpreter is None:
            if instance.needs_interpreter(meeting):
                found.append(Violation("interpreter_needed", record, "no common language and no interpreter"))
            continue
        interpreter = instance.interpreter_by_id.get(item.interpreter)
        if interpreter is None:
            found.append(
                Violation("interpreter_languages", record, f"unknown interpreter '{item.interpreter}'")
            )
            continue
        if interpreter.available is not None and item.slot not in interpreter.available:
            message = f"interpreter {interpreter.id} not available in slot {item.slot}"
            found.append(Violation("interpreter_available", record, message))
        elif not instance.can_interpret(interpreter, meeting, item.slot):
            message = f"interpreter {interpreter.id} does not speak a language of each side"
            found.append(Violation("interpreter_languages", record, message))
        other = owner.setdefault((interpreter.id, item.slot), item.meeting)
        if other != item.meeting:
            message = f"interpreter {interpreter.id} also in {other} in slot {item.slot}"
            found.append(Violation("interpreter_slot", record, message))
    return found


def _locked(instance: Instance, assignments: list[Assignment]) -> list[Violation]:
    placed = {a.meeting: a for a in assignments}
    found = []
    for lock in instance.locked:
        item = placed.get(lock.meeting)
        where = f"slot {lock.slot}" + (f" at {lock.location}" if lock.location else "")
        if item is None or item.slot != lock.slot or lock.location not in (None, item.location):
            found.append(Violation("locked", f"meeting {lock.meeting}", f"locked in {where}, not held there"))
    return found


def _stats(instance: Instance, solution: Solution) -> list[Violation]:
    expected = compute_stats(instance, solution.assignments)
    stats = solution.stats
    found = []
    for name, value in expected.items():
        if getattr(stats, name) != value:
            message = f"{name} is {getattr(stats, name)}, recomputed {value}"
            found.append(Violation("stats", "stats", message))
    if stats.weight_upper_bound < stats.weight_scheduled:
        found.append(Violation("stats", "stats", "weight_upper_bound below weight_scheduled"))
    if stats.status == "OPTIMAL" and stats.weight_scheduled != stats.weight_upper_bound:
        found.append(
            Violation("stats", "stats", "OPTIMAL but weight_scheduled differs from weight_upper_bound")
        )
    return found
