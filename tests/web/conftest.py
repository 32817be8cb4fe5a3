from __future__ import annotations

from smexchange.events.enums import RegistrationStatus
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
