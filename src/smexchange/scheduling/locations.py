"""Tables and interpreters after the slots are chosen: tables are interchangeable, so the
model only counts them per slot, and the concrete table ids are handed out here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from smexchange.scheduling.types import Instance


def bipartite_match(candidates: Mapping[str, Sequence[str]]) -> dict[str, str] | None:
    """A matching that gives every key one distinct candidate, or None when none exists.

    Kuhn's augmenting paths; the graphs here are one slot's interpreter meetings, a handful.
    """
    owner: dict[str, str] = {}

    def augment(key: str, seen: set[str]) -> bool:
        for candidate in candidates[key]:
            if candidate in seen:
                continue
            seen.add(candidate)
            if candidate not in owner or augment(owner[candidate], seen):
                owner[candidate] = key
                return True
        return False

    for key in sorted(candidates):
        if not augment(key, set()):
            return None
    return {key: candidate for candidate, key in owner.items()}


def assign_tables(
    instance: Instance, placed: Mapping[str, str], fixed: Mapping[str, str]
) -> dict[str, str] | None:
    """Location of every placed meeting (meeting id -> table or booth), or None if tables run out.

    `placed` maps meeting id to slot id; `fixed` maps locked meeting ids to their table.
    Meetings keep the table they had where possible, so a repair moves few people.
    """
    by_slot: dict[str, list[str]] = defaultdict(list)
    locations: dict[str, str] = {}
    for meeting_id, slot_id in placed.items():
        booth = instance.location_of(instance.meeting_by_id[meeting_id])
        if booth is not None:
            locations[meeting_id] = booth
        else:
            by_slot[slot_id].append(meeting_id)
    for meeting_ids in by_slot.values():
        taken = {fixed[m] for m in meeting_ids if m in fixed}
        free = [table for table in instance.tables if table not in taken]
        loose = sorted(m for m in meeting_ids if m not in fixed)
        if len(loose) > len(free):
            return None
        locations.update({m: fixed[m] for m in meeting_ids if m in fixed})
        locations.update(zip(loose, free, strict=False))
    return locations
