"""JSON in and out (CONTRACTS.md section 2), with one-line errors for bad input."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from smexchange.scheduling.locked import check_locked
from smexchange.scheduling.types import (
    Instance,
    Interpreter,
    Locked,
    Meeting,
    Minimize,
    Participant,
    Slot,
    Solution,
)


class InstanceError(ValueError):
    """Bad input: the message is one line naming the record and the problem."""


def load_instance(path: str | Path) -> Instance:
    """Read and check an instance file; raises InstanceError (also for an unreadable file)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise InstanceError(f"cannot read the file: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise InstanceError("cannot read the file: not UTF-8 text") from None
    return parse_instance(text)


def parse_instance(source: str | dict[str, Any]) -> Instance:
    """Parse JSON text (or an already decoded object) into a checked Instance."""
    data = _decode(source) if isinstance(source, str) else source
    if not isinstance(data, dict):
        raise InstanceError("top level: expected a JSON object")
    slots = _parse_slots(_list(data, "slots", "top level", required=True))
    slot_ids = {slot.id for slot in slots}
    tables = tuple(_strings(data.get("tables", []), "top level", "tables"))
    _no_duplicates(tables, "table")
    participants = tuple(
        _parse_participant(raw, i, slot_ids) for i, raw in enumerate(_list(data, "participants", "top level"))
    )
    _no_duplicates([p.id for p in participants], "participant")
    _check_booths(participants, set(tables))
    interpreters = tuple(
        _parse_interpreter(raw, i, slot_ids) for i, raw in enumerate(_list(data, "interpreters", "top level"))
    )
    _no_duplicates([i.id for i in interpreters], "interpreter")
    participant_ids = {p.id for p in participants}
    meetings = tuple(
        _parse_meeting(raw, i, participant_ids, slot_ids)
        for i, raw in enumerate(_list(data, "meetings", "top level"))
    )
    _no_duplicates([m.id for m in meetings], "meeting")
    instance = Instance(
        name=str(data.get("name", "")),
        slots=slots,
        tables=tables,
        participants=participants,
        meetings=meetings,
        interpreters=interpreters,
        minimize=_parse_minimize(data.get("minimize", "idle_slots")),
        locked=tuple(_parse_locked(raw, i) for i, raw in enumerate(_list(data, "locked", "top level"))),
    )
    problem = check_locked(instance)
    if problem is not None:
        raise InstanceError(problem)
    return instance


def solution_to_dict(solution: Solution) -> dict[str, Any]:
    """The solution as the JSON object of CONTRACTS.md section 2."""
    assignments = []
    for item in solution.assignments:
        record: dict[str, Any] = {"meeting": item.meeting, "slot": item.slot, "location": item.location}
        if item.interpreter is not None:
            record["interpreter"] = item.interpreter
        assignments.append(record)
    stats = solution.stats
    return {
        "assignments": assignments,
        "unscheduled": [{"meeting": u.meeting, "reason": u.reason} for u in solution.unscheduled],
        "stats": {
            "requested": stats.requested,
            "scheduled": stats.scheduled,
            "weight_requested": stats.weight_requested,
            "weight_scheduled": stats.weight_scheduled,
            "weight_upper_bound": stats.weight_upper_bound,
            "idle_slots": stats.idle_slots,
            "breaks": stats.breaks,
            "status": stats.status,
            "solve_seconds": round(stats.solve_seconds, 3),
        },
    }


def _decode(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InstanceError(
            f"malformed JSON at line {error.lineno} column {error.colno}: {error.msg}"
        ) from None


def _list(data: dict[str, Any], key: str, record: str, *, required: bool = False) -> list[Any]:
    if key not in data or data[key] is None:
        if required:
            raise InstanceError(f"{record}: missing '{key}'")
        return []
    value = data[key]
    if not isinstance(value, list):
        raise InstanceError(f"{record}: '{key}' must be a list")
    return value


def _object(raw: Any, kind: str, index: int) -> tuple[dict[str, Any], str]:
    if not isinstance(raw, dict):
        raise InstanceError(f"{kind} #{index + 1}: expected a JSON object")
    ident = raw.get("meeting") if kind == "locked" else raw.get("id")
    if not isinstance(ident, str) or not ident:
        field = "meeting" if kind == "locked" else "id"
        raise InstanceError(f"{kind} #{index + 1}: missing or non-string '{field}'")
    return raw, ident


def _strings(value: Any, record: str, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InstanceError(f"{record}: '{key}' must be a list of strings")
    return list(value)


def _slot_set(raw: dict[str, Any], key: str, record: str, slot_ids: set[str]) -> frozenset[str] | None:
    if raw.get(key) is None:
        return None
    values = _strings(raw[key], record, key)
    for value in values:
        if value not in slot_ids:
            raise InstanceError(f"{record}: unknown slot '{value}' in '{key}'")
    return frozenset(values)


def _no_duplicates(ids: Iterable[str], kind: str) -> None:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            raise InstanceError(f"{kind} {ident}: duplicate id")
        seen.add(ident)


def _parse_slots(raws: list[Any]) -> tuple[Slot, ...]:
    slots: list[Slot] = []
    for index, raw in enumerate(raws):
        data, ident = _object(raw, "slot", index)
        session = data.get("session")
        if not isinstance(session, str) or not session:
            raise InstanceError(f"slot {ident}: missing or non-string 'session'")
        start, end = str(data.get("start", "")), str(data.get("end", ""))
        if start or end:
            _check_times(ident, start, end)
        slots.append(Slot(id=ident, session=session, start=start, end=end))
    _no_duplicates([slot.id for slot in slots], "slot")
    _check_sessions(slots)
    return tuple(slots)


def _parse_time(ident: str, key: str, value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InstanceError(f"slot {ident}: '{key}' is not an ISO 8601 time: {value!r}") from None
    if moment.tzinfo is None:
        raise InstanceError(f"slot {ident}: '{key}' has no UTC offset: {value!r}")
    return moment


def _check_times(ident: str, start: str, end: str) -> None:
    if _parse_time(ident, "start", start) >= _parse_time(ident, "end", end):
        raise InstanceError(f"slot {ident}: 'end' is not after 'start'")


def _check_sessions(slots: list[Slot]) -> None:
    """Slots are in time order and each session is one unbroken run of slots."""
    closed: set[str] = set()
    for previous, slot in itertools.pairwise(slots):
        if (
            previous.start
            and slot.start
            and _parse_time(slot.id, "start", slot.start) < _parse_time(previous.id, "start", previous.start)
        ):
            raise InstanceError(f"slot {slot.id}: slots are not in time order (starts before {previous.id})")
        if slot.session == previous.session:
            if (
                previous.end
                and slot.start
                and previous.end != slot.start
                and _parse_time(slot.id, "start", slot.start) != _parse_time(previous.id, "end", previous.end)
            ):
                raise InstanceError(
                    f"slot {slot.id}: session {slot.session} is not consecutive (gap after {previous.id})"
                )
            continue
        closed.add(previous.session)
        if slot.session in closed:
            raise InstanceError(
                f"slot {slot.id}: session {slot.session} is not consecutive (its slots are split)"
            )


def _optional_count(data: dict[str, Any], key: str, record: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InstanceError(f"{record}: '{key}' must be a non-negative integer, got {value!r}")
    return value


def _languages(data: dict[str, Any], record: str) -> frozenset[str] | None:
    if data.get("languages") is None:
        return None
    return frozenset(_strings(data["languages"], record, "languages"))


def _parse_participant(raw: Any, index: int, slot_ids: set[str]) -> Participant:
    data, ident = _object(raw, "participant", index)
    record = f"participant {ident}"
    booth = data.get("booth")
    if booth is not None and (not isinstance(booth, str) or not booth):
        raise InstanceError(f"{record}: 'booth' must be a string or null")
    return Participant(
        id=ident,
        available=_slot_set(data, "available", record, slot_ids),
        booth=booth,
        max_meetings=_optional_count(data, "max_meetings", record),
        languages=_languages(data, record),
    )


def _check_booths(participants: tuple[Participant, ...], tables: set[str]) -> None:
    for participant in participants:
        if participant.booth is not None and participant.booth in tables:
            raise InstanceError(
                f"participant {participant.id}: booth '{participant.booth}' is also a table id"
            )


def _parse_interpreter(raw: Any, index: int, slot_ids: set[str]) -> Interpreter:
    data, ident = _object(raw, "interpreter", index)
    record = f"interpreter {ident}"
    languages = _languages(data, record)
    if not languages:
        raise InstanceError(f"{record}: 'languages' must list at least one language")
    return Interpreter(
        id=ident, languages=languages, available=_slot_set(data, "available", record, slot_ids)
    )


def _parse_meeting(raw: Any, index: int, participant_ids: set[str], slot_ids: set[str]) -> Meeting:
    data, ident = _object(raw, "meeting", index)
    record = f"meeting {ident}"
    sides = []
    for side in ("a", "b"):
        value = data.get(side)
        if not isinstance(value, str):
            raise InstanceError(f"{record}: missing or non-string '{side}'")
        if value not in participant_ids:
            raise InstanceError(f"{record}: unknown participant '{value}' in '{side}'")
        sides.append(value)
    if sides[0] == sides[1]:
        raise InstanceError(f"{record}: a participant cannot meet itself ('{sides[0]}')")
    weight = data.get("weight", 1)
    if isinstance(weight, float) and weight.is_integer():
        weight = int(weight)
    if isinstance(weight, bool) or not isinstance(weight, int):
        raise InstanceError(f"{record}: 'weight' must be an integer, got {weight!r}")
    if weight < 0:
        raise InstanceError(f"{record}: negative weight {weight}")
    return Meeting(
        id=ident, a=sides[0], b=sides[1], weight=weight, slots=_slot_set(data, "slots", record, slot_ids)
    )


def _parse_minimize(value: Any) -> Minimize:
    if value == "idle_slots":
        return "idle_slots"
    if value == "breaks":
        return "breaks"
    raise InstanceError(f"top level: 'minimize' must be 'idle_slots' or 'breaks', got {value!r}")


def _parse_locked(raw: Any, index: int) -> Locked:
    data, ident = _object(raw, "locked", index)
    slot, location = data.get("slot"), data.get("location")
    if not isinstance(slot, str):
        raise InstanceError(f"locked meeting {ident}: missing or non-string 'slot'")
    if location is not None and not isinstance(location, str):
        raise InstanceError(f"locked meeting {ident}: 'location' must be a string or null")
    return Locked(meeting=ident, slot=slot, location=location)
