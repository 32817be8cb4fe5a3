"""The hard rules, one function each, adding labelled constraints to a CP-SAT model.

Two rules need no constraint because they are applied when the variables are made (a variable
x[m, s] exists only for a feasible pair): `participant_available` and `meeting_slots`.
Tables are interchangeable, so `table_capacity` counts table meetings per slot and the table
ids are handed out after solving (`locations.assign_tables`): no symmetric table variables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ortools.sat.python import cp_model

Var = cp_model.IntVar


def add_meeting_once(model: cp_model.CpModel, by_meeting: Mapping[str, Sequence[Var]]) -> None:
    """meeting_once: each meeting is held in at most one slot."""
    for meeting_id, variables in by_meeting.items():
        if len(variables) > 1:
            model.add_at_most_one(variables).with_name(f"meeting_once:{meeting_id}")


def add_participant_slot(
    model: cp_model.CpModel, by_participant_slot: Mapping[tuple[str, str], Sequence[Var]]
) -> None:
    """participant_slot: a participant is in at most one meeting per slot."""
    for (participant_id, slot_id), variables in by_participant_slot.items():
        if len(variables) > 1:
            model.add_at_most_one(variables).with_name(f"participant_slot:{participant_id}@{slot_id}")


def add_table_capacity(
    model: cp_model.CpModel, by_slot: Mapping[str, Sequence[Var]], capacity: Mapping[str, int]
) -> None:
    """table_capacity: no more table meetings in a slot than free tables."""
    for slot_id, variables in by_slot.items():
        if len(variables) > capacity[slot_id]:
            model.add(sum(variables) <= capacity[slot_id]).with_name(f"table_capacity:{slot_id}")


def add_booth_slot(model: cp_model.CpModel, by_booth_slot: Mapping[tuple[str, str], Sequence[Var]]) -> None:
    """booth_slot: a booth holds one meeting at a time (only needed for booths shared by several
    participants; a booth of one holder is covered by participant_slot)."""
    for (booth, slot_id), variables in by_booth_slot.items():
        if len(variables) > 1:
            model.add_at_most_one(variables).with_name(f"booth_slot:{booth}@{slot_id}")


def add_max_meetings(
    model: cp_model.CpModel, by_participant: Mapping[str, Sequence[Var]], remaining: Mapping[str, int]
) -> None:
    """max_meetings: a participant's limit on its number of meetings."""
    for participant_id, variables in by_participant.items():
        if participant_id in remaining and len(variables) > remaining[participant_id]:
            model.add(sum(variables) <= remaining[participant_id]).with_name(f"max_meetings:{participant_id}")


def add_interpreters(
    model: cp_model.CpModel,
    choices: Mapping[tuple[str, str], tuple[Var, Sequence[Var]]],
    by_interpreter_slot: Mapping[tuple[str, str], Sequence[Var]],
) -> None:
    """interpreter_assigned: a held meeting that needs one has exactly one interpreter;
    interpreter_slot: an interpreter is in at most one meeting per slot (availability and
    languages are applied when the variables are made)."""
    for (meeting_id, slot_id), (held, interpreters) in choices.items():
        model.add(sum(interpreters) == held).with_name(f"interpreter_assigned:{meeting_id}@{slot_id}")
    for (interpreter_id, slot_id), variables in by_interpreter_slot.items():
        if len(variables) > 1:
            model.add_at_most_one(variables).with_name(f"interpreter_slot:{interpreter_id}@{slot_id}")


def add_locked(model: cp_model.CpModel, locked: Mapping[str, Var]) -> None:
    """locked: a published meeting stays in its slot (its only variable must be true)."""
    for meeting_id, variable in locked.items():
        model.add(variable == 1).with_name(f"locked:{meeting_id}")
