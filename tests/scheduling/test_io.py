"""Parsing and checking instance JSON: every kind of bad input gives one exact line."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from smexchange.scheduling import InstanceError, parse_instance, solution_to_dict
from tests.scheduling.conftest import Raw

pytestmark = pytest.mark.unit


def test_parse_instance_valid_keeps_ids_and_defaults(two_sessions: Raw) -> None:
    instance = parse_instance(json.dumps(two_sessions))

    assert [slot.id for slot in instance.slots] == ["am-0", "am-1", "am-2", "pm-0", "pm-1", "pm-2"]
    assert instance.tables == ("T1", "T2")
    assert instance.meeting_by_id["m14"].weight == 1
    assert instance.meeting_by_id["m56"].slots == frozenset({"pm-1"})
    assert instance.participant_by_id["p1"].available is None
    assert instance.minimize == "idle_slots"
    assert instance.location_of(instance.meeting_by_id["m13"]) == "B3"


def _set(path: str, value: object) -> Callable[[Raw], None]:
    def change(raw: Raw) -> None:
        target = raw
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        last = keys[-1]
        target[int(last) if last.isdigit() else last] = value

    return change


BAD_INPUTS = [
    ("duplicate meeting", _set("meetings.1.id", "m12"), "meeting m12: duplicate id"),
    ("duplicate participant", _set("participants.1.id", "p1"), "participant p1: duplicate id"),
    ("duplicate slot", _set("slots.1.id", "am-0"), "slot am-0: duplicate id"),
    ("unknown participant", _set("meetings.0.b", "p99"), "meeting m12: unknown participant 'p99' in 'b'"),
    ("self meeting", _set("meetings.0.b", "p1"), "meeting m12: a participant cannot meet itself ('p1')"),
    (
        "unknown available slot",
        _set("participants.0.available", ["am-0", "zz-9"]),
        "participant p1: unknown slot 'zz-9' in 'available'",
    ),
    ("unknown meeting slot", _set("meetings.4.slots", ["x"]), "meeting m56: unknown slot 'x' in 'slots'"),
    ("negative weight", _set("meetings.0.weight", -1), "meeting m12: negative weight -1"),
    ("text weight", _set("meetings.0.weight", "3"), "meeting m12: 'weight' must be an integer, got '3'"),
    (
        "negative max_meetings",
        _set("participants.0.max_meetings", -2),
        "participant p1: 'max_meetings' must be a non-negative integer, got -2",
    ),
    (
        "split session",
        _set("slots.4.session", "am"),
        "slot pm-1: session am is not consecutive (its slots are split)",
    ),
    (
        "gap in session",
        _set("slots.1.start", "2009-07-13T09:25:00+08:00"),
        "slot am-1: session am is not consecutive (gap after am-0)",
    ),
    (
        "time without offset",
        _set("slots.0.start", "2009-07-13T09:00:00"),
        "slot am-0: 'start' has no UTC offset: '2009-07-13T09:00:00'",
    ),
    ("missing slots", lambda raw: raw.pop("slots"), "top level: missing 'slots'"),
    ("meeting not an object", _set("meetings.2", "m14"), "meeting #3: expected a JSON object"),
    (
        "bad minimize",
        _set("minimize", "waiting"),
        "top level: 'minimize' must be 'idle_slots' or 'breaks', got 'waiting'",
    ),
    (
        "booth named like a table",
        _set("participants.2.booth", "T1"),
        "participant p3: booth 'T1' is also a table id",
    ),
]


@pytest.mark.parametrize(("case", "change", "message"), BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS])
def test_parse_instance_bad_input_names_record_and_problem(
    two_sessions: Raw, case: str, change: Callable[[Raw], None], message: str
) -> None:
    change(two_sessions)

    with pytest.raises(InstanceError) as raised:
        parse_instance(json.dumps(two_sessions))

    assert str(raised.value) == message


def test_parse_instance_malformed_json_names_line_and_column() -> None:
    with pytest.raises(InstanceError) as raised:
        parse_instance('{"slots": [\n  {"id": "a",}\n]}')

    assert (
        str(raised.value)
        == "malformed JSON at line 2 column 14: Expecting property name enclosed in double quotes"
    )


LOCKED_CASES = [
    ({"meeting": "m99", "slot": "am-0"}, "locked meeting m99: unknown meeting"),
    ({"meeting": "m12", "slot": "zz"}, "locked meeting m12: unknown slot 'zz'"),
    ({"meeting": "m14", "slot": "pm-0"}, "locked meeting m14: participant p4 is not available in slot pm-0"),
    ({"meeting": "m56", "slot": "pm-0"}, "locked meeting m56: slot pm-0 is not one of the meeting's slots"),
    (
        {"meeting": "m13", "slot": "am-0", "location": "T1"},
        "locked meeting m13: location 'T1' is not the booth B3 where the meeting is held",
    ),
    ({"meeting": "m12", "slot": "am-0", "location": "T9"}, "locked meeting m12: unknown table 'T9'"),
]


@pytest.mark.parametrize(("lock", "message"), LOCKED_CASES)
def test_parse_instance_locked_breaking_a_rule_is_rejected(
    two_sessions: Raw, lock: Raw, message: str
) -> None:
    two_sessions["locked"] = [lock]

    with pytest.raises(InstanceError) as raised:
        parse_instance(two_sessions)

    assert str(raised.value) == message


def test_parse_instance_locked_double_booking_is_rejected(two_sessions: Raw) -> None:
    two_sessions["locked"] = [{"meeting": "m12", "slot": "am-1"}, {"meeting": "m13", "slot": "am-1"}]

    with pytest.raises(InstanceError) as raised:
        parse_instance(two_sessions)

    assert str(raised.value) == "locked meeting m13: participant p1 already meets in slot am-1 (m12)"


def test_parse_instance_locked_same_table_twice_is_rejected(two_sessions: Raw) -> None:
    two_sessions["locked"] = [
        {"meeting": "m12", "slot": "am-1", "location": "T1"},
        {"meeting": "m45", "slot": "am-1", "location": "T1"},
    ]

    with pytest.raises(InstanceError) as raised:
        parse_instance(two_sessions)

    assert str(raised.value) == "locked meeting m45: T1 already holds m12 in slot am-1"


def test_parse_instance_locked_over_max_meetings_is_rejected(two_sessions: Raw) -> None:
    two_sessions["participants"][0]["max_meetings"] = 1
    two_sessions["locked"] = [{"meeting": "m12", "slot": "am-1"}, {"meeting": "m14", "slot": "am-2"}]

    with pytest.raises(InstanceError) as raised:
        parse_instance(two_sessions)

    assert str(raised.value) == "participant p1: more locked meetings than max_meetings 1"


def test_parse_instance_locked_without_interpreter_is_rejected(interpreted: Raw) -> None:
    interpreted["locked"] = [{"meeting": "m1", "slot": "am-0"}, {"meeting": "m2", "slot": "am-0"}]

    with pytest.raises(InstanceError) as raised:
        parse_instance(interpreted)

    assert str(raised.value) == "locked meeting m2: participant zh1 already meets in slot am-0 (m1)"


def test_parse_instance_locked_interpreter_unavailable_is_rejected(interpreted: Raw) -> None:
    interpreted["locked"] = [{"meeting": "m1", "slot": "am-2"}]

    with pytest.raises(InstanceError) as raised:
        parse_instance(interpreted)

    assert str(raised.value) == "locked meeting m1: needs an interpreter and none is available in slot am-2"


def test_solution_to_dict_omits_missing_interpreter(solve: Callable[..., tuple], interpreted: Raw) -> None:
    _, solution = solve(interpreted)

    records = {item["meeting"]: item for item in solution_to_dict(solution)["assignments"]}

    assert records["m1"]["interpreter"] == "i1"
    assert "interpreter" not in records["m4"]
