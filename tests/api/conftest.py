"""A small seeded world for the API: two published events with their organizers and participants,
an unpublished event, requests in every state, a published schedule, profiles published and drafts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from smexchange.api.services import create_api_token
from smexchange.common.models import Sector
from smexchange.directory.models import CooperationProfile
from smexchange.events.enums import RegistrationStatus
from smexchange.events.models import Event, Registration
from smexchange.events.services import add_organizer, add_tables, create_matchmaking_session
from smexchange.matchmaking.enums import ScheduleStatus
from smexchange.matchmaking.models import Meeting, MeetingRequest, Schedule
from smexchange.matchmaking.services.publishing import book_meeting, publish_schedule
from smexchange.matchmaking.services.requests import accept_meeting_request, send_meeting_request
from smexchange.outcomes.models import Deal
from smexchange.outcomes.services.deals import create_deal
from tests.factories.directory import (
    CooperationItemFactory,
    CooperationProfileFactory,
    OrganizationFactory,
    PersonFactory,
)
from tests.factories.events import EventFactory, ProgrammeItemFactory, RegistrationFactory, local_time


def make_user(email: str, **extra: Any) -> Any:
    return get_user_model().objects.create_user(username=email, email=email, password="x" * 12, **extra)


def participant(event: Event, email: str, *, country: str = "CN", user: Any = None) -> Registration:
    person = PersonFactory(
        organization=OrganizationFactory(country=country, sectors=["C32"]),
        user=user or make_user(email),
        email=email,
        phone="+86 21 5555 0000",
    )
    return RegistrationFactory(event=event, person=person, status=RegistrationStatus.CONFIRMED)


@dataclass
class World:
    expo: Event
    other: Event
    hidden: Event
    organizer: Any
    other_organizer: Any
    staff: Any
    stranger: Any
    alice: Registration
    bob: Registration
    carol: Registration
    dave: Registration
    erin: Registration
    pending: MeetingRequest  # alice -> bob
    accepted: MeetingRequest  # carol -> bob, scheduled and published
    foreign: MeetingRequest  # dave -> erin at the other event
    meeting: Meeting
    foreign_meeting: Meeting
    draft_profile: CooperationProfile  # alice's organization
    published_profile: CooperationProfile  # alice's organization
    deal: Deal  # carol's and bob's organizations, from their expo meeting
    foreign_deal: Deal  # dave's and erin's, at the other event


def _published_meeting(event: Event, request: MeetingRequest) -> Meeting:
    create_matchmaking_session(
        event, name="B2B", starts_at=local_time(event, 14), ends_at=local_time(event, 15), slot_minutes=20
    )
    (table, *_rest) = add_tables(event, count=2)
    schedule = Schedule.objects.create(event=event, status=ScheduleStatus.DRAFT)
    slot = event.matchmaking_sessions.get().slots.order_by("starts_at").first()
    meeting = book_meeting(schedule, request=request, slot=slot, table=table)
    publish_schedule(schedule)
    return meeting


def build_world() -> World:
    expo = EventFactory(
        slug="expo", is_published=True, starts_on=dt.date(2009, 7, 13), ends_on=dt.date(2009, 7, 13)
    )
    other = EventFactory(
        slug="other", is_published=True, starts_on=dt.date(2010, 5, 3), ends_on=dt.date(2010, 5, 3)
    )
    hidden = EventFactory(
        slug="hidden", is_published=False, starts_on=dt.date(2011, 1, 1), ends_on=dt.date(2011, 1, 1)
    )
    for event in (expo, other, hidden):
        ProgrammeItemFactory(event=event, starts_at=local_time(event, 9))
    organizer, other_organizer = make_user("organizer@example.org"), make_user("other-org@example.org")
    add_organizer(expo, user=organizer)
    add_organizer(other, user=other_organizer)
    add_organizer(hidden, user=other_organizer)
    alice = participant(expo, "alice@example.org")
    bob = participant(expo, "bob@example.org", country="US")
    carol = participant(expo, "carol@example.org", country="DE")
    dave = participant(other, "dave@example.org", country="BR")
    erin = participant(other, "erin@example.org", country="IT")
    pending = send_meeting_request(alice, recipient=bob, message="Let us talk about pens.")
    accepted = accept_meeting_request(send_meeting_request(carol, recipient=bob), by=bob)
    foreign = accept_meeting_request(send_meeting_request(dave, recipient=erin), by=erin)
    published_profile = CooperationProfileFactory(
        organization=alice.organization, published=True, sectors=["C32"]
    )
    CooperationItemFactory(profile=published_profile, cooperation_type="distribution")
    draft_profile = CooperationProfileFactory(organization=alice.organization)
    meeting = _published_meeting(expo, accepted)
    foreign_meeting = _published_meeting(other, foreign)
    deal = create_deal(
        title="Pens for Bavaria",
        parties=[carol.organization, bob.organization],
        cooperation_type="distribution",
        opened_on=dt.date(2009, 7, 13),
        meeting=meeting,
        sector=Sector.objects.get(code="C32"),
        value=Decimal("120000.00"),
        currency="EUR",
    )
    foreign_deal = create_deal(
        title="Coffee to Italy",
        parties=[dave.organization, erin.organization],
        cooperation_type="supplier",
        opened_on=dt.date(2010, 5, 3),
        meeting=foreign_meeting,
    )
    return World(
        expo=expo,
        other=other,
        hidden=hidden,
        organizer=organizer,
        other_organizer=other_organizer,
        staff=make_user("staff@example.org", is_staff=True),
        stranger=make_user("stranger@example.org"),
        alice=alice,
        bob=bob,
        carol=carol,
        dave=dave,
        erin=erin,
        pending=pending,
        accepted=accepted,
        foreign=foreign,
        meeting=meeting,
        foreign_meeting=foreign_meeting,
        draft_profile=draft_profile,
        published_profile=published_profile,
        deal=deal,
        foreign_deal=foreign_deal,
    )


@pytest.fixture
def world(db: None) -> World:
    return build_world()


def client_for(user: Any) -> APIClient:
    """A client authenticated by an API token, as an integration would be."""
    _token, secret = create_api_token(user, name="tests")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def user_of(registration: Registration) -> Any:
    return registration.person.user
