"""Factories for `smexchange.events`.

The default event is a two-day expo in Shanghai (2009-07-13 and 14, Asia/Shanghai);
times of programme items, sessions and slots default to its first day.
"""

from __future__ import annotations

import datetime as dt

import factory

from smexchange.events.enums import (
    EventKind,
    ParticipantRole,
    PartnerRole,
    ProgrammeKind,
    RegistrationStatus,
    SpeakerRole,
)
from smexchange.events.models import (
    Booth,
    Event,
    EventPartner,
    MatchmakingSession,
    ProgrammeItem,
    ProgrammeSpeaker,
    Registration,
    SessionBreak,
    Table,
    TimeSlot,
)
from tests.factories.directory import OrganizationFactory, PersonFactory


def local_time(event: Event, hour: int, minute: int = 0, *, day: int = 0) -> dt.datetime:
    """An aware datetime on the event's day `day` (0 = first day), in the event's time zone."""
    date = event.starts_on + dt.timedelta(days=day)
    return dt.datetime(date.year, date.month, date.day, hour, minute, tzinfo=event.zone)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    name = factory.Sequence(lambda n: f"Event {n}")
    kind = EventKind.EXPO
    starts_on = dt.date(2009, 7, 13)
    ends_on = dt.date(2009, 7, 14)
    time_zone = "Asia/Shanghai"
    city = "Shanghai"
    country = "CN"


class EventPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventPartner

    event = factory.SubFactory(EventFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = PartnerRole.ORGANIZER


class ProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    event = factory.SubFactory(EventFactory)
    kind = ProgrammeKind.SPEECH
    title = factory.Sequence(lambda n: f"Speech {n}")
    starts_at = factory.LazyAttribute(lambda item: local_time(item.event, 9))
    ends_at = factory.LazyAttribute(lambda item: item.starts_at + dt.timedelta(minutes=30))


class ProgrammeSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeSpeaker

    item = factory.SubFactory(ProgrammeItemFactory)
    person = factory.SubFactory(PersonFactory)
    role = SpeakerRole.SPEAKER


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    organization = factory.SelfAttribute("person.organization")
    role = ParticipantRole.ENTREPRENEUR
    status = RegistrationStatus.PENDING


class BoothFactory(factory.django.DjangoModelFactory):
    """A booth without a host; pass `host=` for a hosted one."""

    class Meta:
        model = Booth

    event = factory.SubFactory(EventFactory)
    code = factory.Sequence(lambda n: f"B{n:03d}")


class TableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Table

    event = factory.SubFactory(EventFactory)
    code = factory.Sequence(lambda n: f"X{n:03d}")


class MatchmakingSessionFactory(factory.django.DjangoModelFactory):
    """A session from 14:00 to 17:00 on the event's first day, without slots (see `generate_time_slots`)."""

    class Meta:
        model = MatchmakingSession

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Matchmaking session {n}")
    starts_at = factory.LazyAttribute(lambda session: local_time(session.event, 14))
    ends_at = factory.LazyAttribute(lambda session: local_time(session.event, 17))
    slot_minutes = 20
    changeover_minutes = 0


class SessionBreakFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionBreak

    session = factory.SubFactory(MatchmakingSessionFactory)
    starts_at = factory.SelfAttribute("session.starts_at")
    ends_at = factory.LazyAttribute(lambda pause: pause.starts_at + dt.timedelta(minutes=30))


class TimeSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimeSlot

    session = factory.SubFactory(MatchmakingSessionFactory)
    starts_at = factory.SelfAttribute("session.starts_at")
    ends_at = factory.LazyAttribute(
        lambda slot: slot.starts_at + dt.timedelta(minutes=slot.session.slot_minutes)
    )
