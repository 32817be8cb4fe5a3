"""TRUST 13: one meeting per participant per slot and per location per slot are database constraints.

Rows are inserted directly, past the services, so only the database can refuse them. The suite
runs on SQLite and again on PostgreSQL (CI), so both enforce them.
"""

import pytest
from django.db import IntegrityError, transaction

from smexchange.events.models import TimeSlot
from smexchange.events.services import add_booth
from smexchange.matchmaking.enums import ScheduleStatus
from smexchange.matchmaking.models import Meeting, MeetingSeat, Schedule

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def draft(brokerage):
    return Schedule.objects.create(event=brokerage.event, status=ScheduleStatus.DRAFT)


@pytest.fixture
def slots(brokerage):
    return list(TimeSlot.objects.filter(session__event=brokerage.event).order_by("starts_at"))


def _insert(schedule, a, b, slot, *, table=None, booth=None) -> Meeting:
    """A meeting and its two seats, written raw as a careless script would."""
    meeting = Meeting.objects.create(schedule=schedule, a=a, b=b, slot=slot, table=table, booth=booth)
    MeetingSeat.objects.bulk_create(
        MeetingSeat(meeting=meeting, schedule=schedule, registration=person, slot=slot) for person in (a, b)
    )
    return meeting


def test_a_participant_in_two_meetings_of_one_slot_is_refused(brokerage, draft, slots):
    alice, bob, carol = brokerage.people[:3]
    table_1, table_2 = brokerage.event.tables.order_by("code")
    _insert(draft, alice, bob, slots[0], table=table_1)

    # Alice again, now as the other side of the meeting: only the seat rows can see it.
    with pytest.raises(IntegrityError), transaction.atomic():
        _insert(draft, carol, alice, slots[0], table=table_2)

    assert MeetingSeat.objects.filter(schedule=draft, registration=alice).count() == 1


def test_a_second_seat_for_the_same_participant_and_slot_is_refused(brokerage, draft, slots):
    alice, bob = brokerage.people[:2]
    meeting = _insert(draft, alice, bob, slots[0], table=brokerage.event.tables.first())

    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingSeat.objects.create(meeting=meeting, schedule=draft, registration=alice, slot=slots[0])


def test_a_table_twice_in_one_slot_is_refused(brokerage, draft, slots):
    alice, bob, carol, dan = brokerage.people[:4]
    table = brokerage.event.tables.first()
    Meeting.objects.create(schedule=draft, a=alice, b=bob, slot=slots[0], table=table)

    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(schedule=draft, a=carol, b=dan, slot=slots[0], table=table)


def test_a_booth_twice_in_one_slot_is_refused(brokerage, draft, slots):
    alice, bob, carol, dan = brokerage.people[:4]
    booth = add_booth(brokerage.event, code="B17", host=alice.organization)
    Meeting.objects.create(schedule=draft, a=alice, b=bob, slot=slots[0], booth=booth)

    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(schedule=draft, a=carol, b=dan, slot=slots[0], booth=booth)


def test_a_meeting_at_both_a_table_and_a_booth_or_at_neither_is_refused(brokerage, draft, slots):
    alice, bob = brokerage.people[:2]
    booth = add_booth(brokerage.event, code="B17", host=alice.organization)

    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(
            schedule=draft, a=alice, b=bob, slot=slots[0], table=brokerage.event.tables.first(), booth=booth
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(schedule=draft, a=alice, b=bob, slot=slots[0])


def test_the_same_participant_and_table_are_free_in_another_slot_or_another_draft(brokerage, draft, slots):
    alice, bob = brokerage.people[:2]
    table = brokerage.event.tables.first()
    other_draft = Schedule.objects.create(event=brokerage.event, status=ScheduleStatus.DRAFT)

    _insert(draft, alice, bob, slots[0], table=table)
    _insert(draft, alice, bob, slots[1], table=table)
    _insert(other_draft, alice, bob, slots[0], table=table)

    assert MeetingSeat.objects.filter(registration=alice).count() == 3
