"""A held meeting between two participants of a small published expo, and the people around it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from smexchange.events.enums import ProgrammeKind, RegistrationStatus
from smexchange.events.models import Event, ProgrammeItem, Registration
from smexchange.events.services import add_organizer, add_tables, create_matchmaking_session
from smexchange.matchmaking.enums import MeetingStatus, RequestStatus, ScheduleStatus
from smexchange.matchmaking.models import Meeting, MeetingRequest, MeetingSeat, Schedule
from tests.factories.directory import OrganizationFactory, PersonFactory
from tests.factories.events import EventFactory, ProgrammeItemFactory, RegistrationFactory, local_time

# The morning after the expo's matchmaking session (13 July 2009, Shanghai).
AFTER = dt.datetime(2009, 7, 14, 2, 0, tzinfo=dt.UTC)


@dataclass
class Meetup:
    event: Event
    alice: Registration  # a Chinese SME
    bob: Registration  # a US SME
    carol: Registration  # a third participant, not in the meeting
    meeting: Meeting
    ceremony: ProgrammeItem
    users: dict[str, Any]


def user_for(registration: Registration, name: str) -> Any:
    user = get_user_model().objects.create_user(
        username=name, email=f"{name}@example.org", password="correct horse battery"
    )
    registration.person.user = user
    registration.person.email = f"{name}@example.org"
    registration.person.save(update_fields=["user", "email"])
    return user


def participant(event: Event, country: str, name: str) -> Registration:
    person = PersonFactory(
        organization=OrganizationFactory(country=country, name=f"{name.title()} Ltd"), given_name=name.title()
    )
    return RegistrationFactory(event=event, person=person, status=RegistrationStatus.CONFIRMED)


def hold_meeting(
    event: Event, a: Registration, b: Registration, *, slot_index: int = 0, status: str = MeetingStatus.HELD
) -> Meeting:
    """A meeting of the event's published schedule, written directly (the scheduler is tested elsewhere)."""
    schedule = Schedule.objects.filter(event=event, status=ScheduleStatus.PUBLISHED).first()
    if schedule is None:
        schedule = Schedule.objects.create(
            event=event, status=ScheduleStatus.PUBLISHED, published_at=timezone.now()
        )
    request = MeetingRequest.objects.create(
        event=event, requester=a, recipient=b, status=RequestStatus.ACCEPTED, responded_at=timezone.now()
    )
    slot = list(event.matchmaking_sessions.get().slots.order_by("starts_at"))[slot_index]
    table = event.tables.order_by("code")[slot_index % event.tables.count()]
    meeting = Meeting.objects.create(
        schedule=schedule, request=request, a=a, b=b, slot=slot, table=table, status=status, weight=2
    )
    for side in (a, b):
        MeetingSeat.objects.create(meeting=meeting, schedule=schedule, registration=side, slot=slot)
    return meeting


def small_expo(slug: str = "expo") -> Event:
    event = EventFactory(
        slug=slug, starts_on=dt.date(2009, 7, 13), ends_on=dt.date(2009, 7, 13), is_published=True
    )
    create_matchmaking_session(
        event, name="B2B", starts_at=local_time(event, 14), ends_at=local_time(event, 15, 20), slot_minutes=20
    )
    add_tables(event, count=2)
    return event


@pytest.fixture
def meetup(db) -> Meetup:
    event = small_expo()
    alice = participant(event, "CN", "alice")
    bob = participant(event, "US", "bob")
    carol = participant(event, "BR", "carol")
    meeting = hold_meeting(event, alice, bob)
    ceremony = ProgrammeItemFactory(
        event=event,
        kind=ProgrammeKind.SIGNING_CEREMONY,
        title="Signing ceremony",
        starts_at=local_time(event, 16),
        ends_at=local_time(event, 17),
    )
    users = {name: user_for(reg, name) for name, reg in (("alice", alice), ("bob", bob), ("carol", carol))}
    organizer = get_user_model().objects.create_user(username="organizer", email="organizer@example.org")
    add_organizer(event, user=organizer)
    users["organizer"] = organizer
    return Meetup(event, alice, bob, carol, meeting, ceremony, users)
