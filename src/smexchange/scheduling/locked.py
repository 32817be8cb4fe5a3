"""Checks that the locked (already published) meetings of an instance break no hard rule."""

from __future__ import annotations

from collections import Counter, defaultdict

from smexchange.scheduling.locations import bipartite_match
from smexchange.scheduling.types import Instance, Locked


def check_locked(instance: Instance) -> str | None:
    """The first problem with the locked meetings as one line, or None when they are fine."""
    seen: set[str] = set()
    for lock in instance.locked:
        problem = _check_one(instance, lock, seen)
        if problem is not None:
            return f"locked meeting {lock.meeting}: {problem}"
        seen.add(lock.meeting)
    return _check_together(instance)


def _check_one(instance: Instance, lock: Locked, seen: set[str]) -> str | None:
    meeting = instance.meeting_by_id.get(lock.meeting)
    if meeting is None:
        return "unknown meeting"
    if lock.meeting in seen:
        return "locked twice"
    if lock.slot not in instance.slot_by_id:
        return f"unknown slot '{lock.slot}'"
    for side in (meeting.a, meeting.b):
        available = instance.participant_by_id[side].available
        if available is not None and lock.slot not in available:
            return f"participant {side} is not available in slot {lock.slot}"
    if meeting.slots is not None and lock.slot not in meeting.slots:
        return f"slot {lock.slot} is not one of the meeting's slots"
    booth = instance.location_of(meeting)
    if booth is not None and lock.location not in (None, booth):
        return f"location '{lock.location}' is not the booth {booth} where the meeting is held"
    if booth is None and lock.location is not None and lock.location not in instance.tables:
        return f"unknown table '{lock.location}'"
    if booth is None and not instance.tables:
        return "needs a table and the instance has none"
    if instance.needs_interpreter(meeting) and not any(
        instance.can_interpret(i, meeting, lock.slot) for i in instance.interpreters
    ):
        return f"needs an interpreter and none is available in slot {lock.slot}"
    return None


def _check_together(instance: Instance) -> str | None:
    """Rules between locked meetings: one per participant, location and interpreter per slot."""
    busy: dict[tuple[str, str], str] = {}
    places: dict[tuple[str, str], str] = {}
    tables_used: Counter[str] = Counter()
    interpreted: dict[str, dict[str, list[str]]] = defaultdict(dict)
    counts: Counter[str] = Counter()
    for lock in instance.locked:
        meeting = instance.meeting_by_id[lock.meeting]
        for side in (meeting.a, meeting.b):
            other = busy.setdefault((side, lock.slot), lock.meeting)
            if other != lock.meeting:
                return f"locked meeting {lock.meeting}: participant {side} already meets in slot {lock.slot} ({other})"
            counts[side] += 1
        location = instance.location_of(meeting) or lock.location
        if location is not None:
            other = places.setdefault((location, lock.slot), lock.meeting)
            if other != lock.meeting:
                return f"locked meeting {lock.meeting}: {location} already holds {other} in slot {lock.slot}"
        if instance.location_of(meeting) is None:
            tables_used[lock.slot] += 1
            if tables_used[lock.slot] > len(instance.tables):
                return f"locked meeting {lock.meeting}: more locked table meetings than tables in slot {lock.slot}"
        if instance.needs_interpreter(meeting):
            interpreted[lock.slot][lock.meeting] = [
                i.id for i in instance.interpreters if instance.can_interpret(i, meeting, lock.slot)
            ]
    for participant in instance.participants:
        if participant.max_meetings is not None and counts[participant.id] > participant.max_meetings:
            return f"participant {participant.id}: more locked meetings than max_meetings {participant.max_meetings}"
    for slot_id, candidates in interpreted.items():
        if bipartite_match(candidates) is None:
            return f"slot {slot_id}: too few interpreters for the locked meetings that need one"
    return None
