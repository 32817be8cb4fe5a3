"""Seeded generator of realistic brokerage-event instances (CONTRACTS.md section 2 JSON).

Realism, from the issue: sessions of 20-30 minute slots; morning-only or afternoon-only
meetings; languages and a few interpreters; tables scarcer than demand; exhibitors meeting at
their booth; late arrival, early departure, one day only; heavy-tailed popularity; requests
weighted 3 (mutual), 2 (accepted), 1 (recommended); more requests than fit.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

LANGUAGES = [("zh", 0.4), ("en", 0.3), ("pt", 0.1), ("es", 0.1), ("de", 0.05), ("fr", 0.05)]
SHANGHAI = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class Spec:
    """Size and shape of one generated event."""

    name: str
    participants: int
    meetings: int
    days: int = 1
    slots_per_session: int = 8
    slot_minutes: int = 20
    table_scarcity: float = 0.7
    booth_share: float = 0.15
    interpreters: int = 0
    restricted_share: float = 0.1
    minimize: str = "idle_slots"


def make_slots(spec: Spec) -> list[dict[str, Any]]:
    slots = []
    for day in range(spec.days):
        for session, hour in (("am", 9), ("pm", 14)):
            start = datetime(2009, 7, 13 + day, hour, 0, tzinfo=SHANGHAI)
            for n in range(spec.slots_per_session):
                begin = start + timedelta(minutes=spec.slot_minutes * n)
                slots.append(
                    {
                        "id": f"d{day + 1}-{session}-{n:02d}",
                        "session": f"d{day + 1}-{session}",
                        "start": begin.isoformat(),
                        "end": (begin + timedelta(minutes=spec.slot_minutes)).isoformat(),
                    }
                )
    return slots


def _languages(rng: random.Random) -> list[str]:
    first = rng.choices([code for code, _ in LANGUAGES], [share for _, share in LANGUAGES])[0]
    if first != "en" and rng.random() < 0.8:
        return [first, "en"]
    return [first]


def _availability(rng: random.Random, slot_ids: list[str], spec: Spec) -> list[str] | None:
    roll = rng.random()
    per_day = len(slot_ids) // spec.days
    if roll < 0.7:
        return None
    if roll < 0.8:  # arrives late
        return slot_ids[rng.randint(2, per_day // 2) :]
    if roll < 0.9:  # leaves early
        return slot_ids[: len(slot_ids) - rng.randint(2, per_day // 2)]
    day = rng.randrange(spec.days)  # one day only (or one session when the event is one day)
    if spec.days == 1:
        half = per_day // 2
        return slot_ids[:half] if rng.random() < 0.5 else slot_ids[half:]
    return slot_ids[day * per_day : (day + 1) * per_day]


def generate(spec: Spec, seed: int) -> dict[str, Any]:
    """One instance as a JSON-ready dict; the same spec and seed give the same instance."""
    rng = random.Random(f"{spec.name}:{seed}")
    slots = make_slots(spec)
    slot_ids = [slot["id"] for slot in slots]
    participants = []
    for n in range(spec.participants):
        record: dict[str, Any] = {"id": f"p{n:04d}", "languages": _languages(rng)}
        available = _availability(rng, slot_ids, spec)
        if available is not None:
            record["available"] = available
        if rng.random() < spec.booth_share:
            record["booth"] = f"B{n:04d}"
        if rng.random() < 0.08:
            record["max_meetings"] = rng.randint(4, 10)
        participants.append(record)
    meetings = _requests(rng, spec, slots)
    table_meetings = sum(1 for m in meetings if not _has_booth(participants, m))
    tables = max(2, math.ceil(spec.table_scarcity * table_meetings / len(slots)))
    return {
        "name": spec.name,
        "slots": slots,
        "tables": [f"T{n:03d}" for n in range(tables)],
        "participants": participants,
        "interpreters": _interpreters(rng, spec, slot_ids),
        "meetings": meetings,
        "minimize": spec.minimize,
    }


def _has_booth(participants: list[dict[str, Any]], meeting: dict[str, Any]) -> bool:
    a, b = int(meeting["a"][1:]), int(meeting["b"][1:])
    return "booth" in participants[a] or "booth" in participants[b]


def _requests(rng: random.Random, spec: Spec, slots: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Requests towards heavy-tailed popular participants, in the order they were made."""
    popularity = [rng.paretovariate(1.3) for _ in range(spec.participants)]
    seen: set[tuple[int, int]] = set()
    meetings: list[dict[str, Any]] = []
    while len(meetings) < spec.meetings:
        a = rng.randrange(spec.participants)
        b = rng.choices(range(spec.participants), popularity)[0]
        pair = (min(a, b), max(a, b))
        if a == b or pair in seen:
            continue
        seen.add(pair)
        record: dict[str, Any] = {
            "id": f"m{len(meetings):05d}",
            "a": f"p{a:04d}",
            "b": f"p{b:04d}",
            "weight": rng.choices([3, 2, 1], [0.25, 0.35, 0.4])[0],
        }
        if rng.random() < spec.restricted_share:
            half = rng.choice(["am", "pm"])
            record["slots"] = [s["id"] for s in slots if s["session"].endswith(half)]
        meetings.append(record)
    return meetings


def _interpreters(rng: random.Random, spec: Spec, slot_ids: list[str]) -> list[dict[str, Any]]:
    interpreters = []
    for n in range(spec.interpreters):
        other = rng.choice(["pt", "es", "de", "fr"])
        record: dict[str, Any] = {"id": f"i{n:02d}", "languages": ["zh", "en", other]}
        if rng.random() < 0.5:
            start = rng.randrange(len(slot_ids) // 2)
            record["available"] = slot_ids[start : start + len(slot_ids) // 2]
        interpreters.append(record)
    return interpreters


def generate_brokerage(
    name: str, participants: int, meetings: int, seed: int, slots_per_session: int = 10
) -> dict[str, Any]:
    """A dense brokerage event in the style of Bofill et al. (JAIR 2022): one day, a morning and
    an afternoon session, about a third of the participants meeting in every slot they are
    there, morning-only and afternoon-only meetings, and every request placeable (the requests
    are read off a planted schedule), with `minimize: breaks`."""
    rng = random.Random(f"{name}:{seed}")
    spec = Spec(name=name, participants=participants, meetings=meetings, slots_per_session=slots_per_session)
    slots = make_slots(spec)
    half = len(slots) // 2
    ids = [f"p{n:03d}" for n in range(participants)]
    available = {p: range(len(slots)) for p in ids}
    for p in rng.sample(ids, participants // 5):
        available[p] = range(half) if rng.random() < 0.5 else range(half, len(slots))
    full = set(rng.sample(ids, participants // 3))
    planted = _plant(rng, ids, available, full, len(slots), meetings)
    records = []
    for n, (a, b, s) in enumerate(rng.sample(planted, len(planted))):
        record: dict[str, Any] = {"id": f"m{n:03d}", "a": a, "b": b}
        if rng.random() < 0.3:
            record["slots"] = [slot["id"] for slot in (slots[:half] if s < half else slots[half:])]
        records.append(record)
    people = []
    for p in ids:
        record = {"id": p}
        if len(available[p]) < len(slots):
            record["available"] = [slots[s]["id"] for s in available[p]]
        people.append(record)
    return {
        "name": name,
        "slots": slots,
        "tables": [f"T{n:02d}" for n in range(participants // 2)],
        "participants": people,
        "meetings": records,
        "minimize": "breaks",
    }


def _plant(
    rng: random.Random, ids: list[str], available: dict[str, range], full: set[str], n_slots: int, target: int
) -> list[tuple[str, str, int]]:
    """Random matchings slot by slot; participants in `full` are paired whenever possible."""
    met: set[frozenset[str]] = set()
    planted: list[tuple[str, str, int]] = []
    for s in range(n_slots):
        present = [p for p in ids if s in available[p]]
        rng.shuffle(present)
        present.sort(key=lambda p: p not in full)
        free = set(present)
        for p in present:
            if p not in free or (p not in full and rng.random() > 0.55):
                continue
            partners = [q for q in present if q in free and q != p and frozenset((p, q)) not in met]
            if not partners:
                continue
            q = rng.choice(partners)
            free -= {p, q}
            met.add(frozenset((p, q)))
            planted.append((p, q, s))
    droppable = [i for i, (a, b, _) in enumerate(planted) if a not in full and b not in full]
    rng.shuffle(droppable)
    drop = set(droppable[: max(0, len(planted) - target)])
    return [item for i, item in enumerate(planted) if i not in drop]
