"""Protected outcome records come through these helpers; anyone else gets 404 (never 403)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from smexchange.events.access import access_event_as_organizer, access_registration_of
from smexchange.events.models import Event, Registration
from smexchange.matchmaking.enums import ScheduleStatus
from smexchange.matchmaking.models import Meeting
from smexchange.outcomes.models import Deal

_MEETING_RELATED = (
    "schedule__event",
    "slot",
    "table",
    "booth",
    "a__person",
    "b__person",
    "a__organization",
    "b__organization",
)


def access_meeting_of(user: Any, slug: str, pk: int) -> tuple[Registration, Meeting]:
    """A published meeting of the event that the user's organization took part in, with their registration."""
    me = access_registration_of(user, slug)
    meeting = (
        Meeting.objects.filter(
            Q(a__organization_id=me.organization_id) | Q(b__organization_id=me.organization_id),
            schedule__event=me.event,
            schedule__status=ScheduleStatus.PUBLISHED,
            pk=pk,
        )
        .select_related(*_MEETING_RELATED)
        .first()
    )
    if meeting is None:
        raise Http404
    return me, meeting


def access_meeting_as_organizer(user: Any, slug: str, pk: int) -> tuple[Event, Meeting]:
    event = access_event_as_organizer(user, slug)
    meeting = get_object_or_404(
        Meeting.objects.select_related(*_MEETING_RELATED),
        schedule__event=event,
        schedule__status=ScheduleStatus.PUBLISHED,
        pk=pk,
    )
    return event, meeting


def access_deal(user: Any, pk: int) -> Deal:
    """A deal, for its parties, its event's organizers and alliance staff."""
    deal = get_object_or_404(Deal.objects.select_related("event", "meeting", "ceremony", "sector"), pk=pk)
    if not user.has_perm("outcomes.access_deal", deal):
        raise Http404
    return deal
