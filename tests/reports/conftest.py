"""A small seeded world for the reports: two events in 2009, one in 2010, a published schedule.

Seeded from a random generator so that the figures are not hand-picked; the tests recount them
from the rows with plain loops.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

import pytest

from smexchange.events.enums import EventKind, ParticipantRole, ProgrammeKind, RegistrationStatus
from smexchange.events.models import Event, Registration
from smexchange.events.services import add_tables, create_matchmaking_session
from smexchange.matchmaking.enums import MeetingStatus, RequestStatus, ScheduleStatus
from smexchange.matchmaking.models import Meeting, MeetingRequest, MeetingSeat, Schedule
from tests.factories.directory import OrganizationFactory, PersonFactory
from tests.factories.events import (
    BoothFactory,
    EventFactory,
    ProgrammeItemFactory,
    RegistrationFactory,
    local_time,
)

COUNTRIES = ("CN", "US", "BR", "DE", "GB", "TH")


@dataclass
class ReportWorld:
    expo: Event
    other: Event
    later: Event


def _register(rng: random.Random, event: Event, count: int) -> list[Registration]:
    registrations = []
    for _ in range(count):
        country = rng.choice(COUNTRIES)
        person = PersonFactory(organization=OrganizationFactory(country=country))
        registrations.append(
            RegistrationFactory(
                event=event,
                person=person,
                role=rng.choice(ParticipantRole.values),
                status=rng.choice(RegistrationStatus.values),
            )
        )
    return registrations


def _programme(rng: random.Random, event: Event) -> None:
    for hour in range(9, 17):
        ProgrammeItemFactory(
            event=event,
            kind=rng.choice(ProgrammeKind.values),
            starts_at=local_time(event, hour),
            ends_at=local_time(event, hour, 30),
        )
    for _ in range(rng.randint(1, 5)):
        BoothFactory(event=event)


def _matchmaking(rng: random.Random, event: Event, people: list[Registration]) -> None:
    session = create_matchmaking_session(
        event, name="B2B", starts_at=local_time(event, 14), ends_at=local_time(event, 17), slot_minutes=20
    )
    tables = add_tables(event, count=4)
    slots = list(session.slots.order_by("starts_at"))
    schedule = Schedule.objects.create(
        event=event, status=ScheduleStatus.PUBLISHED, published_at=dt.datetime(2009, 7, 1, tzinfo=dt.UTC)
    )
    draft = Schedule.objects.create(event=event, status=ScheduleStatus.DRAFT)
    busy: set[tuple[int, int]] = set()
    used: set[tuple[int, int]] = set()
    asked: set[tuple[int, int]] = set()
    for _ in range(80):
        a, b = rng.sample(people, 2)
        if (a.pk, b.pk) in asked:
            continue
        asked.add((a.pk, b.pk))
        status = rng.choices(RequestStatus.values, weights=[1, 6, 1, 1, 1])[0]
        request = MeetingRequest.objects.create(event=event, requester=a, recipient=b, status=status)
        if request.status != RequestStatus.ACCEPTED:
            continue
        free = [s for s in slots if (a.pk, s.pk) not in busy and (b.pk, s.pk) not in busy]
        if not free:
            continue
        slot = rng.choice(free)
        table = next((t for t in tables if (t.pk, slot.pk) not in used), None)
        if table is None:
            continue
        busy |= {(a.pk, slot.pk), (b.pk, slot.pk)}
        used.add((table.pk, slot.pk))
        meeting = Meeting.objects.create(
            schedule=schedule, request=request, a=a, b=b, slot=slot, table=table,
            status=rng.choice(MeetingStatus.values),
        )  # fmt: skip
        MeetingSeat.objects.bulk_create(
            MeetingSeat(meeting=meeting, schedule=schedule, registration=r, slot=slot) for r in (a, b)
        )
        # A draft schedule's meetings are not the event's: the report must leave them out.
        Meeting.objects.create(schedule=draft, a=a, b=b, slot=slot, table=table)


@pytest.fixture
def report_world() -> ReportWorld:
    rng = random.Random(2009)
    expo = EventFactory(
        slug="global-sme-expo-2009",
        name="Global SME Expo 2009",
        name_zh="2009全球中小企业博览会",
        starts_on=dt.date(2009, 7, 13),
        ends_on=dt.date(2009, 7, 13),
        is_published=True,
    )
    other = EventFactory(
        slug="us-china-week-2009", name="US-China Week 2009", kind=EventKind.PARTNERSHIP_WEEK,
        starts_on=dt.date(2009, 10, 5), ends_on=dt.date(2009, 10, 8), country="US", city="Columbia",
        time_zone="America/New_York", is_published=True,
    )  # fmt: skip
    later = EventFactory(
        slug="forum-2010", name="Forum 2010", kind=EventKind.FORUM, starts_on=dt.date(2010, 11, 2),
        ends_on=dt.date(2010, 11, 3), is_published=True,
    )  # fmt: skip
    for event, size in ((expo, 60), (other, 35), (later, 25)):
        people = _register(rng, event, size)
        _programme(rng, event)
        if event != later:
            _matchmaking(rng, event, people)
    return ReportWorld(expo, other, later)
