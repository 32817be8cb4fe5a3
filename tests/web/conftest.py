from __future__ import annotations

import datetime as dt

import pytest

from smexchange.events.enums import ParticipantRole, ProgrammeKind, RegistrationStatus
from tests.factories.directory import (
    CooperationItemFactory,
    CooperationProfileFactory,
    OrganizationFactory,
    PersonFactory,
)
from tests.factories.events import (
    BoothFactory,
    EventFactory,
    EventPartnerFactory,
    ProgrammeItemFactory,
    ProgrammeSpeakerFactory,
    RegistrationFactory,
    local_time,
)


def make_event_with(count: int, **event_fields):
    """A published event with `count` of everything its page lists."""
    event = EventFactory(is_published=True, **event_fields)
    add_event_content(event, count)
    return event


def add_event_content(event, count: int) -> None:
    """`count` more speakers, partners, booths and registrations for `event`."""
    start = event.programme.count()
    for number in range(start, start + count):
        organization = OrganizationFactory(country=["CN", "US", "BR"][number % 3], sectors=["C32", "C16"])
        person = PersonFactory(organization=organization)
        item = ProgrammeItemFactory(
            event=event, starts_at=local_time(event, 9 + number, day=number % 2), title=f"Talk {number}"
        )
        ProgrammeSpeakerFactory(item=item, person=person)
        EventPartnerFactory(event=event, organization=organization)
        BoothFactory(event=event, host=organization)
        RegistrationFactory(event=event, person=person, status=RegistrationStatus.CONFIRMED)


def make_published_profiles(count: int):
    profiles = []
    for number in range(count):
        organization = OrganizationFactory(sectors=["C32"], country=["CN", "DE", "BR"][number % 3])
        profile = CooperationProfileFactory(organization=organization, published=True, sectors=["C32"])
        CooperationItemFactory(profile=profile, cooperation_type="subcontracting", text=f"Offer {number}")
        CooperationItemFactory(profile=profile, direction="seek", cooperation_type="distribution")
        profiles.append(profile)
    return profiles


@pytest.fixture
def expo():
    """A small published expo: keynote in the morning of 13 July 2009 (Shanghai), signing in the afternoon."""
    event = EventFactory(
        slug="global-sme-expo-2009",
        name="Global SME Expo 2009",
        name_zh="2009全球中小企业博览会",
        starts_on=dt.date(2009, 7, 13),
        ends_on=dt.date(2009, 7, 13),
        is_published=True,
    )
    chairman = PersonFactory(given_name="Alliance", family_name="Chairman", title="Chairman")
    keynote = ProgrammeItemFactory(
        event=event,
        kind=ProgrammeKind.SPEECH,
        title="The Long March to Facilitating International Cooperation",
        title_zh="促进国际合作的长征",
        starts_at=local_time(event, 9, 30),
        ends_at=local_time(event, 10),
    )
    ProgrammeSpeakerFactory(item=keynote, person=chairman)
    ProgrammeItemFactory(
        event=event,
        kind=ProgrammeKind.SIGNING_CEREMONY,
        title="Signing of the Shanghai Manifesto",
        title_zh="签署《上海宣言》",
        starts_at=local_time(event, 15),
        ends_at=local_time(event, 15, 30),
    )
    principal = PersonFactory(organization=OrganizationFactory(kind="association", country="US"))
    RegistrationFactory(
        event=event,
        person=principal,
        role=ParticipantRole.ASSOCIATION_PRINCIPAL,
        status=RegistrationStatus.CONFIRMED,
    )
    return event
