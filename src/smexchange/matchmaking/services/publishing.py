"""Publishing a schedule and moving meetings by hand."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smexchange.common.audit import record_audit
from smexchange.common.db import bound_lock_waits
from smexchange.common.exceptions import ConflictError, DomainError
from smexchange.common.models import AuditAction
from smexchange.events.models import Booth, Event, Table, TimeSlot
from smexchange.matchmaking.enums import ACCEPTED_REQUEST_WEIGHT, RequestStatus, ScheduleStatus
from smexchange.matchmaking.models import Meeting, MeetingRequest, MeetingSeat, Schedule, Unavailability


@transaction.atomic
def publish_schedule(schedule: Schedule, *, now: dt.datetime | None = None) -> Schedule:
    """Make a draft the event's published schedule; the previous one is superseded in the same transaction.

    The event row is locked first, so two organizers publishing at once are serialized: the
    second finds its draft still a draft and the first one published, never two published.
    Publishing a schedule that is no longer a draft (another organizer published it first)
    raises ConflictError; a wait for the lock longer than LOCK_TIMEOUT_MS fails as retryable.
    """
    bound_lock_waits()
    event = Event.objects.select_for_update().get(pk=schedule.event_id)
    current = Schedule.objects.select_for_update().get(pk=schedule.pk)
    if current.status != ScheduleStatus.DRAFT:
        raise ConflictError(
            _("Only a draft schedule can be published; this one is %(status)s.")
            % {"status": current.get_status_display()}
        )
    Schedule.objects.filter(event_id=current.event_id, status=ScheduleStatus.PUBLISHED).update(
        status=ScheduleStatus.SUPERSEDED
    )
    current.status, current.published_at = ScheduleStatus.PUBLISHED, now or timezone.now()
    current.save(update_fields=["status", "published_at"])
    record_audit(AuditAction.SCHEDULE_PUBLISHED, target=current, event_slug=event.slug)
    return current


@transaction.atomic
def move_meeting(
    meeting: Meeting, *, slot: TimeSlot, table: Table | None = None, booth: Booth | None = None
) -> Meeting:
    """Move a meeting of a draft schedule to another slot and location, checked against every rule.

    Raises ConflictError when the target is taken (also when a concurrent booking took it first).
    """
    bound_lock_waits()
    current = (
        Meeting.objects.select_for_update()
        .select_related("schedule", "a__person", "b__person")
        .get(pk=meeting.pk)
    )
    if current.schedule.status != ScheduleStatus.DRAFT:
        raise DomainError(_("Published meetings move through a repair run, not by hand."))
    _check_place(current.schedule, (current.a_id, current.b_id), slot, table, booth)
    _check_free(current.schedule, (current.a_id, current.b_id), slot, table, booth, moving=current)
    current.slot, current.table, current.booth = slot, table, booth
    try:
        with transaction.atomic():
            current.save(update_fields=["slot", "table", "booth"])
            MeetingSeat.objects.filter(meeting=current).update(slot=slot)
    except IntegrityError:
        raise ConflictError(_taken()) from None
    return current


@transaction.atomic
def book_meeting(
    schedule: Schedule,
    *,
    request: MeetingRequest,
    slot: TimeSlot,
    table: Table | None = None,
    booth: Booth | None = None,
    weight: int = ACCEPTED_REQUEST_WEIGHT,
) -> Meeting:
    """Place an accepted request into a draft schedule by hand.

    A participant or location already busy in that slot is refused up front. That check alone
    would race (two bookings both find the slot free); the seats' unique constraint decides
    between concurrent bookings of the same participant and slot, and the meeting's between
    bookings of the same location: exactly one wins, the others get a ConflictError.
    """
    bound_lock_waits()
    if schedule.status != ScheduleStatus.DRAFT:
        raise DomainError(_("Published meetings move through a repair run, not by hand."))
    if request.event_id != schedule.event_id or request.status != RequestStatus.ACCEPTED:
        raise DomainError(_("Only an accepted request of this event can be booked."))
    people = (request.requester_id, request.recipient_id)
    _check_place(schedule, people, slot, table, booth)
    if Meeting.objects.filter(schedule=schedule, request=request).exists():
        raise ConflictError(_("This request already has a meeting in this schedule."))
    _check_free(schedule, people, slot, table, booth)
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                schedule=schedule,
                request=request,
                a_id=request.requester_id,
                b_id=request.recipient_id,
                slot=slot,
                table=table,
                booth=booth,
                weight=weight,
            )
            MeetingSeat.objects.bulk_create(
                MeetingSeat(meeting=meeting, schedule=schedule, registration_id=person, slot=slot)
                for person in (meeting.a_id, meeting.b_id)
            )
    except IntegrityError:
        raise ConflictError(_taken()) from None
    return meeting


def _taken() -> str:
    return _("That slot is taken: a participant or the location already has a meeting then.")


def _check_free(
    schedule: Schedule,
    people: tuple[int, int],
    slot: TimeSlot,
    table: Table | None,
    booth: Booth | None,
    *,
    moving: Meeting | None = None,
) -> None:
    seats = MeetingSeat.objects.filter(schedule=schedule, slot=slot, registration__in=people)
    meetings = Meeting.objects.filter(schedule=schedule, slot=slot)
    if moving is not None:
        seats, meetings = seats.exclude(meeting=moving), meetings.exclude(pk=moving.pk)
    busy = seats.select_related("registration__person").first()
    if busy is not None:
        raise ConflictError(
            _("%(person)s already has a meeting in that slot.") % {"person": busy.registration.person}
        )
    if meetings.filter(table=table).exists() if table else meetings.filter(booth=booth).exists():
        raise ConflictError(_("That table or booth already has a meeting in that slot."))


def _check_place(
    schedule: Schedule, people: tuple[int, int], slot: TimeSlot, table: Table | None, booth: Booth | None
) -> None:
    if slot.session.event_id != schedule.event_id:
        raise DomainError(_("The slot belongs to another event."))
    if (table is None) == (booth is None):
        raise DomainError(_("Choose either a table or a booth."))
    location = table or booth
    if location is not None and location.event_id != schedule.event_id:
        raise DomainError(_("The table or booth belongs to another event."))
    busy = Unavailability.objects.filter(registration__in=people, slot=slot).select_related(
        "registration__person"
    )
    if busy:
        raise DomainError(
            _("%(person)s is not available in that slot.") % {"person": busy[0].registration.person}
        )
