"""On site: both sides confirm a meeting was held; a no-show frees the absent participant's later meetings."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smexchange.common.exceptions import DomainError
from smexchange.events.models import Registration, TimeSlot
from smexchange.matchmaking.enums import MeetingStatus, ScheduleStatus
from smexchange.matchmaking.models import Meeting, Unavailability


@transaction.atomic
def confirm_meeting(meeting: Meeting, *, by: Registration, now: dt.datetime | None = None) -> Meeting:
    """One side confirms the meeting took place; once both have, it counts as held."""
    current = Meeting.objects.select_for_update().select_related("schedule", "slot").get(pk=meeting.pk)
    now = now or timezone.now()
    if current.schedule.status != ScheduleStatus.PUBLISHED:
        raise DomainError(_("Only meetings of the published schedule can be confirmed."))
    if current.status not in (MeetingStatus.SCHEDULED, MeetingStatus.HELD):
        raise DomainError(_("This meeting is %(status)s.") % {"status": current.get_status_display()})
    if now < current.slot.starts_at:
        raise DomainError(_("A meeting can be confirmed once it has started."))
    if by.pk == current.a_id:
        current.confirmed_by_a_at = current.confirmed_by_a_at or now
    elif by.pk == current.b_id:
        current.confirmed_by_b_at = current.confirmed_by_b_at or now
    else:
        raise DomainError(_("Only the two participants can confirm their meeting."))
    if current.confirmed_by_a_at and current.confirmed_by_b_at:
        current.status = MeetingStatus.HELD
    current.save(update_fields=["confirmed_by_a_at", "confirmed_by_b_at", "status"])
    return current


@transaction.atomic
def record_no_show(
    meeting: Meeting, *, absent: Registration, now: dt.datetime | None = None
) -> list[TimeSlot]:
    """Record that `absent` missed the meeting, and mark them unavailable for the rest of the event.

    A repair run (published meetings locked) then moves or drops their later meetings, so the
    people waiting for them are freed. Returns the slots now marked unavailable.
    """
    current = Meeting.objects.select_for_update().select_related("schedule", "slot").get(pk=meeting.pk)
    now = now or timezone.now()
    if absent.pk not in (current.a_id, current.b_id):
        raise DomainError(_("%(person)s is not in this meeting.") % {"person": absent.person})
    if current.schedule.status != ScheduleStatus.PUBLISHED:
        raise DomainError(_("Only meetings of the published schedule can have no-shows."))
    current.status = MeetingStatus.NO_SHOW
    current.save(update_fields=["status"])
    later = list(
        TimeSlot.objects.filter(
            session__event_id=current.schedule.event_id, starts_at__gt=current.slot.starts_at
        )
        .exclude(unavailable_registrations__registration=absent)
        .order_by("starts_at")
    )
    Unavailability.objects.bulk_create(Unavailability(registration=absent, slot=slot) for slot in later)
    return later
