"""What the documents share: a schedule's meetings loaded once, places and times in the event's zone."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from smexchange.events.models import Event, Registration, TimeSlot
from smexchange.matchmaking.models import Meeting, Schedule

_DIGITS = re.compile(r"(\d+)")

MEETING_RELATIONS = (
    "slot",
    "table",
    "booth__host",
    "a__person",
    "a__organization",
    "b__person",
    "b__organization",
)


def natural_key(code: str) -> tuple[str | int, ...]:
    """Sorts T2 before T10, as people read table numbers."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in _DIGITS.split(code))


def meetings_of(schedule: Schedule) -> QuerySet[Meeting]:
    return Meeting.objects.filter(schedule=schedule).select_related(*MEETING_RELATIONS)


def in_order(meetings: Iterable[Meeting]) -> list[Meeting]:
    """Meetings by slot, then tables before booths, each in natural order of their codes."""
    return sorted(
        meetings, key=lambda m: (m.slot.starts_at, m.booth_id is not None, natural_key(m.location_code))
    )


def slots_of(event: Event) -> QuerySet[TimeSlot]:
    return TimeSlot.objects.filter(session__event=event).order_by("starts_at", "id")


@dataclass(frozen=True)
class LocalSlot:
    """A slot's start and end in the event's time zone."""

    starts_at: dt.datetime
    ends_at: dt.datetime

    @classmethod
    def of(cls, slot: TimeSlot, event: Event) -> LocalSlot:
        zone = event.zone
        return cls(slot.starts_at.astimezone(zone), slot.ends_at.astimezone(zone))

    @property
    def day(self) -> dt.date:
        return self.starts_at.date()

    @property
    def times(self) -> str:
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"


def counterpart(meeting: Meeting, registration: Registration) -> Registration:
    return meeting.b if meeting.a_id == registration.pk else meeting.a


def zone_label(event: Event, at: dt.datetime) -> str:
    """E.g. "Asia/Shanghai (UTC+08:00)", so a reader abroad knows which clock the times follow."""
    offset = at.astimezone(event.zone).strftime("%z")
    return f"{event.time_zone} (UTC{offset[:3]}:{offset[3:]})"
