import pytest
from django.db import IntegrityError, transaction

from smexchange.common.exceptions import ConflictError, DomainError
from smexchange.events.models import TimeSlot
from smexchange.matchmaking.enums import RunStatus, ScheduleStatus
from smexchange.matchmaking.models import MeetingSeat, Schedule, ScheduleRun
from smexchange.matchmaking.services import runs
from smexchange.matchmaking.services.instances import build_event_instance
from smexchange.matchmaking.services.publishing import book_meeting, move_meeting, publish_schedule
from smexchange.matchmaking.services.requests import send_meeting_request, set_unavailable_slots
from smexchange.matchmaking.services.runs import execute_schedule_run, retry_schedule_run, start_schedule_run
from tests.matchmaking.conftest import accepted

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _draft(run: ScheduleRun) -> Schedule:
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED, run.error
    return run.schedule


def _meetings(schedule: Schedule) -> list[tuple[int, int, str, str]]:
    return sorted(
        (meeting.a_id, meeting.b_id, meeting.slot.starts_at.isoformat(), meeting.location_code)
        for meeting in schedule.meetings.select_related("slot", "table", "booth")
    )


def test_build_event_instance_weights_mutual_and_accepted_requests(brokerage):
    alice, bob, carol = brokerage.people[:3]
    accepted(alice, bob)
    send_meeting_request(bob, recipient=alice)
    accepted(alice, carol)
    send_meeting_request(bob, recipient=carol)  # pending only: not scheduled

    built = build_event_instance(brokerage.event)

    assert sorted(meeting.weight for meeting in built.instance.meetings) == [2, 3]
    assert [slot.session for slot in built.instance.slots] == ["session-0"] * 4
    assert built.instance.tables == ("T:T01", "T:T02")


def test_schedule_run_writes_a_valid_draft(brokerage, booth_host):
    alice, bob, carol, dave = brokerage.people[:4]
    for requester, recipient in [
        (alice, bob),
        (alice, carol),
        (alice, dave),
        (bob, carol),
        (dave, booth_host),
    ]:
        accepted(requester, recipient)

    run = start_schedule_run(brokerage.event, time_limit=5, seed=1)

    schedule = _draft(run)
    run.refresh_from_db()
    assert schedule.status == ScheduleStatus.DRAFT
    assert (run.stats["scheduled"], run.stats["weight_scheduled"], run.stats["status"]) == (5, 10, "OPTIMAL")
    assert run.unscheduled == []
    seats = list(MeetingSeat.objects.filter(schedule=schedule).values_list("registration_id", "slot_id"))
    assert len(seats) == len(set(seats)) == 10
    booth_meeting = schedule.meetings.get(b=booth_host)
    assert booth_meeting.location_code == "B17"


def test_schedule_run_respects_unavailable_slots(brokerage):
    alice, bob = brokerage.people[:2]
    accepted(alice, bob)
    slots = list(TimeSlot.objects.filter(session__event=brokerage.event).order_by("starts_at"))
    set_unavailable_slots(alice, slots=slots[:3])

    schedule = _draft(start_schedule_run(brokerage.event, time_limit=5))

    assert [meeting.slot_id for meeting in schedule.meetings.all()] == [slots[3].pk]


def test_schedule_run_twice_does_nothing_the_second_time(brokerage):
    accepted(*brokerage.people[:2])
    run = start_schedule_run(brokerage.event, time_limit=5)

    execute_schedule_run(run.pk)

    assert Schedule.objects.count() == 1


def test_failed_run_keeps_published_schedule_and_can_be_retried(brokerage, monkeypatch):
    accepted(*brokerage.people[:2])
    published = publish_schedule(_draft(start_schedule_run(brokerage.event, time_limit=5)))
    before = _meetings(published)

    def crash(*args, **kwargs):
        raise MemoryError("worker ran out of memory half-way")

    monkeypatch.setattr(runs, "schedule_meetings", crash)
    failed = start_schedule_run(brokerage.event, time_limit=5)
    failed.refresh_from_db()

    assert failed.status == RunStatus.FAILED
    assert "half-way" in failed.error
    assert Schedule.objects.get(status=ScheduleStatus.PUBLISHED).pk == published.pk
    assert _meetings(published) == before
    monkeypatch.undo()
    retried = retry_schedule_run(failed)
    assert _draft(retried).meetings.count() == 1


def test_publish_supersedes_previous_schedule(brokerage):
    accepted(*brokerage.people[:2])
    first = publish_schedule(_draft(start_schedule_run(brokerage.event, time_limit=5)))
    second = publish_schedule(_draft(start_schedule_run(brokerage.event, time_limit=5, seed=2)))

    first.refresh_from_db()
    assert (first.status, second.status) == (ScheduleStatus.SUPERSEDED, ScheduleStatus.PUBLISHED)
    with pytest.raises(DomainError, match="Only a draft"):
        publish_schedule(second)


def test_repair_run_keeps_published_meetings_except_those_that_must_move(brokerage):
    alice, bob, carol, dave = brokerage.people[:4]
    accepted(alice, bob)
    accepted(carol, dave)
    published = publish_schedule(_draft(start_schedule_run(brokerage.event, time_limit=5)))
    alice_meeting = published.meetings.get(a=alice)
    carol_meeting = published.meetings.get(a=carol)
    # Carol arrives late: her published slot is gone; Alice's meeting must not move.
    set_unavailable_slots(carol, slots=[carol_meeting.slot])

    repaired = _draft(start_schedule_run(brokerage.event, time_limit=5, lock_published=True))

    kept = repaired.meetings.get(a=alice)
    moved = repaired.meetings.get(a=carol)
    assert (kept.slot_id, kept.table_id) == (alice_meeting.slot_id, alice_meeting.table_id)
    assert moved.slot_id != carol_meeting.slot_id


def test_seat_constraint_forbids_double_booking_in_the_database(brokerage):
    alice, bob = brokerage.people[:2]
    accepted(alice, bob)
    schedule = _draft(start_schedule_run(brokerage.event, time_limit=5))
    meeting = schedule.meetings.get()

    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingSeat.objects.create(meeting=meeting, schedule=schedule, registration=alice, slot=meeting.slot)


def test_book_meeting_refuses_a_participant_already_busy(brokerage):
    alice, bob, carol = brokerage.people[:3]
    accepted(alice, bob)
    schedule = _draft(start_schedule_run(brokerage.event, time_limit=5))
    taken = schedule.meetings.get()
    other_request = accepted(alice, carol)
    free_table = brokerage.event.tables.exclude(pk=taken.table_id).get()

    with pytest.raises(ConflictError, match="already has a meeting in that slot"):
        book_meeting(schedule, request=other_request, slot=taken.slot, table=free_table)
    assert schedule.meetings.count() == 1


def test_move_meeting_to_another_slot_moves_its_seats(brokerage):
    accepted(*brokerage.people[:2])
    schedule = _draft(start_schedule_run(brokerage.event, time_limit=5))
    meeting = schedule.meetings.get()
    target = TimeSlot.objects.filter(session__event=brokerage.event).exclude(pk=meeting.slot_id).first()

    move_meeting(meeting, slot=target, table=meeting.table)

    assert set(MeetingSeat.objects.filter(meeting=meeting).values_list("slot_id", flat=True)) == {target.pk}
