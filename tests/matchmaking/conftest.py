from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from smexchange.events.enums import RegistrationStatus
from smexchange.events.models import Event, Registration
from smexchange.events.services import add_booth, add_tables, create_matchmaking_session
from smexchange.matchmaking.services.requests import accept_meeting_request, send_meeting_request
from tests.factories.directory import OrganizationFactory, PersonFactory
from tests.factories.events import EventFactory, RegistrationFactory, local_time


@dataclass
class Brokerage:
    event: Event
    people: list[Registration]


def register(event: Event, count: int, *, country: str = "CN") -> list[Registration]:
    registrations = []
    for _ in range(count):
        person = PersonFactory(organization=OrganizationFactory(country=country))
        registrations.append(
            RegistrationFactory(event=event, person=person, status=RegistrationStatus.CONFIRMED)
        )
    return registrations


def accepted(requester: Registration, recipient: Registration):
    return accept_meeting_request(send_meeting_request(requester, recipient=recipient), by=recipient)


@pytest.fixture
def brokerage() -> Brokerage:
    """Four slots of 20 minutes (14:00-15:20 Shanghai), two tables, six confirmed participants."""
    event = EventFactory(starts_on=dt.date(2009, 7, 13), ends_on=dt.date(2009, 7, 13), is_published=True)
    create_matchmaking_session(
        event, name="B2B", starts_at=local_time(event, 14), ends_at=local_time(event, 15, 20), slot_minutes=20
    )
    add_tables(event, count=2)
    return Brokerage(event, register(event, 6))


@pytest.fixture
def booth_host(brokerage: Brokerage) -> Registration:
    host = brokerage.people[5]
    add_booth(brokerage.event, code="B17", host=host.organization)
    return host
