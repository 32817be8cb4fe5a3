"""Concurrent bookings on PostgreSQL: the database constraints pick exactly one winner."""

import threading

import pytest
from django.db import connections

from smexchange.common.exceptions import DomainError
from smexchange.events.models import TimeSlot
from smexchange.matchmaking.enums import ScheduleStatus
from smexchange.matchmaking.models import Meeting, MeetingSeat, Schedule
from smexchange.matchmaking.services.publishing import book_meeting
from tests.matchmaking.conftest import accepted, register

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ATTEMPTS = 20


def _race(attempt) -> list[str]:
    """Run `attempt(i)` in ATTEMPTS threads released together; return each outcome."""
    barrier = threading.Barrier(ATTEMPTS)
    outcomes: list[str] = [""] * ATTEMPTS

    def worker(index: int) -> None:
        try:
            barrier.wait()
            attempt(index)
            outcomes[index] = "ok"
        except DomainError:
            outcomes[index] = "refused"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.parametrize("round_number", range(3))
def test_concurrent_bookings_of_one_participant_and_slot_give_one_meeting(brokerage, round_number):
    star = brokerage.people[0]
    guests = register(brokerage.event, ATTEMPTS)
    requests = [accepted(guest, star) for guest in guests]
    schedule = Schedule.objects.create(event=brokerage.event, status=ScheduleStatus.DRAFT)
    slot = TimeSlot.objects.filter(session__event=brokerage.event).order_by("starts_at")[round_number]
    tables = list(brokerage.event.tables.all())
    extra = brokerage.event.tables.model.objects.bulk_create(
        brokerage.event.tables.model(event=brokerage.event, code=f"R{n:02d}") for n in range(ATTEMPTS)
    )
    tables += extra

    outcomes = _race(lambda i: book_meeting(schedule, request=requests[i], slot=slot, table=tables[i]))

    assert sorted(outcomes) == ["ok"] + ["refused"] * (ATTEMPTS - 1)
    assert Meeting.objects.filter(schedule=schedule).count() == 1
    assert MeetingSeat.objects.filter(schedule=schedule, registration=star).count() == 1


def test_concurrent_bookings_of_one_table_and_slot_give_one_meeting(brokerage):
    hosts = register(brokerage.event, ATTEMPTS)
    guests = register(brokerage.event, ATTEMPTS)
    requests = [accepted(guest, host) for guest, host in zip(guests, hosts, strict=True)]
    schedule = Schedule.objects.create(event=brokerage.event, status=ScheduleStatus.DRAFT)
    slot = TimeSlot.objects.filter(session__event=brokerage.event).first()
    table = brokerage.event.tables.first()

    outcomes = _race(lambda i: book_meeting(schedule, request=requests[i], slot=slot, table=table))

    assert sorted(outcomes) == ["ok"] + ["refused"] * (ATTEMPTS - 1)
    assert Meeting.objects.filter(schedule=schedule, slot=slot, table=table).count() == 1
