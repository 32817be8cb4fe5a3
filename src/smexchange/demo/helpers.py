"""Small pieces the event generators share: local times, participant roles, registration."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from smexchange.directory.models import Person
from smexchange.events import services as events
from smexchange.events.enums import ParticipantRole, RegistrationStatus
from smexchange.events.models import Event

# Which participant role an organization's people register in; research institutes' staff come as
# guests of the alliance and are not registered.
ROLE_BY_KIND: dict[str, str] = {
    "sme": ParticipantRole.ENTREPRENEUR,
    "association": ParticipantRole.ASSOCIATION_PRINCIPAL,
    "government": ParticipantRole.GOVERNMENT_OFFICIAL,
    "consulate": ParticipantRole.CONSULAR_OFFICER,
    "financial": ParticipantRole.FINANCIAL_FIRM,
    "media": ParticipantRole.MEDIA,
}

_PAST_EVENT_STATUSES = (
    (RegistrationStatus.CHECKED_IN,) * 16
    + (RegistrationStatus.CONFIRMED,) * 3
    + (RegistrationStatus.CANCELLED,)
)


def at(event: Event, day: dt.date, hhmm: str) -> dt.datetime:
    """`hhmm` on `day` in the event's time zone, as an aware UTC datetime (times are stored in UTC)."""
    hour, minute = (int(part) for part in hhmm.split(":"))
    local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(event.time_zone))
    return local.astimezone(dt.UTC)


def register_people(
    event: Event,
    people: Iterable[Person],
    *,
    rng: random.Random,
    registered: set[int],
    attending_only: bool = False,
) -> int:
    """Register each person not yet registered, in the role their organization's kind gives."""
    entries: list[tuple[Person, str, str]] = []
    for person in people:
        role = ROLE_BY_KIND.get(person.organization.kind)
        if role is None or person.pk in registered:
            continue
        status = rng.choice(_PAST_EVENT_STATUSES)
        if attending_only and status == RegistrationStatus.CANCELLED:
            status = RegistrationStatus.CONFIRMED
        entries.append((person, role, status))
        registered.add(person.pk)
    events.register_participants(event, entries=entries)
    return len(entries)
