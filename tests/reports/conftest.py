"""A small seeded world for the reports: two events in 2009, one in 2010, a published schedule.

Seeded from a random generator so that the figures are not hand-picked; the tests recount them
from the rows with plain loops.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

import pytest

from smexchange.events.enums import EventKind, ParticipantRole, ProgrammeKind, RegistrationStatus
from smexchange.events.models import Event, Registration
from smexchange.events.services import add_tables, create_matchmaking_session
from smexchange.matchmaking.enums import MeetingStatus, RequestStatus, ScheduleStatus
from smexchange.matchmaking.models import Meeting, MeetingRequest, MeetingSeat, Schedule
from smexchange.outcomes.enums import DealStage, FollowUpResult
from smexchange.outcomes.models import Deal, DealParty, MeetingFollowUp
from tests.factories.directory import OrganizationFactory, PersonFactory
from tests.factories.events import (
    BoothFactory,
    EventFactory,
    ProgrammeItemFactory,
    RegistrationFactory,
    local_time,
)

COUNTRIES = ("CN", "US", "BR", "DE", "GB", "TH")
KINDS = ("joint_venture", "subcontracting", "distribution", "licensing", "investment")
SECTORS = ("C32", "C13", "J62", "G46", None)
CURRENCIES = ("USD", "CNY", "EUR")


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


def _deal(
    rng: random.Random, event: Event | None, parties: list, *, meeting=None, follow_up=None, kind=None
) -> Deal:
    stage = rng.choices(DealStage.values, weights=[2, 1, 3, 1])[0]
    opened = event.starts_on if event else dt.date(2010, 3, 1)
    value = Decimal(rng.randrange(10, 500) * 1000) if rng.random() < 0.8 else None
    deal = Deal.objects.create(
        event=event, meeting=meeting, follow_up=follow_up, title="Deal", cooperation_type=kind or rng.choice(KINDS),
        sector_id=rng.choice(SECTORS), value=value, currency=rng.choice(CURRENCIES) if value is not None else "",
        stage=stage, opened_on=opened,
        signed_on=opened + dt.timedelta(days=rng.choice((0, 30, 200))) if stage == DealStage.SIGNED else None,
    )  # fmt: skip
    for organization in parties:
        DealParty.objects.create(deal=deal, organization=organization)
    return deal


def _outcomes(rng: random.Random, event: Event) -> None:
    """Both sides follow up some meetings; some prospective transactions become deals."""
    meetings = Meeting.objects.filter(
        schedule__event=event, schedule__status=ScheduleStatus.PUBLISHED
    ).select_related("a__organization", "b__organization")
    for meeting in meetings.exclude(status=MeetingStatus.CANCELLED).order_by("id"):
        kind = rng.choice(KINDS)
        follow_ups = []
        for side in (meeting.a, meeting.b):
            if rng.random() < 0.3:
                continue
            result = rng.choice(FollowUpResult.values)
            value = Decimal(rng.randrange(1, 90) * 1000) if result == FollowUpResult.PROSPECTIVE else None
            follow_ups.append(
                MeetingFollowUp.objects.create(
                    meeting=meeting,
                    event=event,
                    organization=side.organization,
                    result=result,
                    cooperation_type=kind if result == FollowUpResult.PROSPECTIVE else "",
                    estimated_value=value,
                    currency=rng.choice(CURRENCIES) if value is not None else "",
                )
            )
        prospective = [f for f in follow_ups if f.result == FollowUpResult.PROSPECTIVE]
        if prospective and rng.random() < 0.6:
            _deal(rng, event, [meeting.a.organization, meeting.b.organization], meeting=meeting,
                  follow_up=prospective[0], kind=kind)  # fmt: skip
    # A prospective transaction reported on a request that never became a meeting.
    request = (
        MeetingRequest.objects.filter(event=event, status=RequestStatus.DECLINED)
        .select_related("requester__organization")
        .first()
    )
    if request is not None:
        MeetingFollowUp.objects.create(request=request, event=event, organization=request.requester.organization,
                                       result=FollowUpResult.PROSPECTIVE, cooperation_type="licensing")  # fmt: skip


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
            _outcomes(rng, event)
    # Agreements signed away from any event, one of them between three parties.
    for _ in range(3):
        parties = [OrganizationFactory(country=rng.choice(COUNTRIES)) for _ in range(rng.choice((2, 3)))]
        deal = _deal(rng, None, parties)
        if deal.stage != DealStage.SIGNED:
            Deal.objects.filter(pk=deal.pk).update(stage=DealStage.SIGNED, signed_on=dt.date(2010, 4, 1))
    return ReportWorld(expo, other, later)
