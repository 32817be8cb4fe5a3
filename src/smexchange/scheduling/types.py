"""Frozen value types of the scheduling engine: the instance and the solution.

Every reference is an id (a string from the JSON), never a list position.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

Minimize = Literal["idle_slots", "breaks"]
Status = Literal["OPTIMAL", "FEASIBLE"]


@dataclass(frozen=True)
class Slot:
    """One time slot; slots of one session are consecutive with no break between them."""

    id: str
    session: str
    start: str = ""
    end: str = ""


@dataclass(frozen=True)
class Participant:
    """A participant; `available=None` means every slot, `booth` set means it hosts there."""

    id: str
    available: frozenset[str] | None = None
    booth: str | None = None
    max_meetings: int | None = None
    languages: frozenset[str] | None = None


@dataclass(frozen=True)
class Interpreter:
    """An interpreter; `available=None` means every slot."""

    id: str
    languages: frozenset[str]
    available: frozenset[str] | None = None


@dataclass(frozen=True)
class Meeting:
    """A requested one-on-one meeting between participants `a` and `b`."""

    id: str
    a: str
    b: str
    weight: int = 1
    slots: frozenset[str] | None = None


@dataclass(frozen=True)
class Locked:
    """A published meeting fixed to a slot (and to a location, unless `location` is None)."""

    meeting: str
    slot: str
    location: str | None = None


@dataclass(frozen=True)
class Instance:
    """A meeting-scheduling instance (CONTRACTS.md section 2), already checked by `io`."""

    name: str
    slots: tuple[Slot, ...]
    tables: tuple[str, ...]
    participants: tuple[Participant, ...]
    meetings: tuple[Meeting, ...]
    interpreters: tuple[Interpreter, ...] = ()
    minimize: Minimize = "idle_slots"
    locked: tuple[Locked, ...] = ()

    @cached_property
    def slot_by_id(self) -> dict[str, Slot]:
        return {slot.id: slot for slot in self.slots}

    @cached_property
    def participant_by_id(self) -> dict[str, Participant]:
        return {participant.id: participant for participant in self.participants}

    @cached_property
    def meeting_by_id(self) -> dict[str, Meeting]:
        return {meeting.id: meeting for meeting in self.meetings}

    @cached_property
    def interpreter_by_id(self) -> dict[str, Interpreter]:
        return {interpreter.id: interpreter for interpreter in self.interpreters}

    def available_slots(self, participant_id: str) -> list[str]:
        """The participant's available slot ids, in time order."""
        available = self.participant_by_id[participant_id].available
        return [slot.id for slot in self.slots if available is None or slot.id in available]

    def location_of(self, meeting: Meeting) -> str | None:
        """The booth a meeting is held at (the booth of `a` first), or None for a shared table."""
        booth_a = self.participant_by_id[meeting.a].booth
        return booth_a if booth_a is not None else self.participant_by_id[meeting.b].booth

    def needs_interpreter(self, meeting: Meeting) -> bool:
        """True when interpreters are listed and both sides list languages but share none."""
        if not self.interpreters:
            return False
        languages_a = self.participant_by_id[meeting.a].languages
        languages_b = self.participant_by_id[meeting.b].languages
        if not languages_a or not languages_b:
            return False
        return not (languages_a & languages_b)

    def can_interpret(self, interpreter: Interpreter, meeting: Meeting, slot_id: str) -> bool:
        """True when the interpreter speaks a language of each side and is available in the slot."""
        if interpreter.available is not None and slot_id not in interpreter.available:
            return False
        languages_a = self.participant_by_id[meeting.a].languages or frozenset()
        languages_b = self.participant_by_id[meeting.b].languages or frozenset()
        return bool(interpreter.languages & languages_a) and bool(interpreter.languages & languages_b)


@dataclass(frozen=True)
class Assignment:
    """A scheduled meeting: its slot, its location (table or booth) and its interpreter if any."""

    meeting: str
    slot: str
    location: str
    interpreter: str | None = None


@dataclass(frozen=True)
class Unscheduled:
    """A meeting left out, with a short human-readable reason."""

    meeting: str
    reason: str


@dataclass(frozen=True)
class Stats:
    """Figures of a solution; `validate` recomputes every one of them from the assignments."""

    requested: int
    scheduled: int
    weight_requested: int
    weight_scheduled: int
    weight_upper_bound: int
    idle_slots: int
    breaks: int
    status: Status
    solve_seconds: float


@dataclass(frozen=True)
class Solution:
    """A schedule: every meeting of the instance is in `assignments` or in `unscheduled`."""

    assignments: tuple[Assignment, ...]
    unscheduled: tuple[Unscheduled, ...]
    stats: Stats
