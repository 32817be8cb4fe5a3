"""Reusable reads of matchmaking: the published schedule and a participant's agenda."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from smexchange.events.models import Event, Registration
from smexchange.matchmaking.models import Meeting, Schedule


def published_schedule(event: Event) -> Schedule | None:
    return Schedule.objects.published().filter(event=event).first()


def agenda_of(registration: Registration) -> QuerySet[Meeting]:
    """The participant's meetings in the published schedule, in time order."""
    return (
        Meeting.objects.filter(schedule__event_id=registration.event_id, schedule__status="published")
        .filter(Q(a=registration) | Q(b=registration))
        .select_related(
            "schedule",
            "slot",
            "table",
            "booth",
            "a__person",
            "a__organization",
            "b__person",
            "b__organization",
        )
        .order_by("slot__starts_at", "id")
    )
