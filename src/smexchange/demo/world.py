"""Build the whole demo world from a seed, and summarize what the database holds."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from django.db import transaction

from smexchange.demo.bodies import create_bodies
from smexchange.demo.expo2009 import EXPO_SLUG, build_expo
from smexchange.demo.later_events import build_later_events
from smexchange.demo.names import NameMaker
from smexchange.demo.organizations import create_organizations
from smexchange.demo.profiles import create_profiles
from smexchange.demo.roster import Roster
from smexchange.directory.models import CooperationProfile, Membership, Organization, Person
from smexchange.events.models import Booth, Event, ProgrammeItem, Registration, TimeSlot

DEFAULT_SEED = 2009
DEFAULT_ORGANIZATIONS = 2000


@dataclass(frozen=True)
class WorldSummary:
    """Counts of what the world holds, and a fingerprint of its names, to compare two builds."""

    organizations: int
    people: int
    memberships: int
    profiles: int
    events: int
    registrations: int
    programme_items: int
    booths: int
    time_slots: int
    fingerprint: str

    def lines(self) -> list[str]:
        counts = {key: value for key, value in vars(self).items() if key != "fingerprint"}
        return [f"{key.replace('_', ' ')}: {value}" for key, value in counts.items()] + [
            f"fingerprint: {self.fingerprint[:16]}"
        ]


def world_exists() -> bool:
    return Event.objects.filter(slug=EXPO_SLUG).exists()


def _fingerprint() -> str:
    """A hash of the sorted names of everything generated: ids and timestamps left out on purpose."""
    digest = hashlib.sha256()
    sources = (
        Organization.objects.values_list("name", "city", "kind"),
        Person.objects.values_list("given_name", "family_name", "title", "organization__name"),
        CooperationProfile.objects.values_list("title", "status", "expires_on", "organization__name"),
        Event.objects.values_list("slug", "starts_on", "time_zone"),
        ProgrammeItem.objects.values_list("event__slug", "title", "starts_at"),
        Registration.objects.values_list("event__slug", "person__family_name", "organization__name", "role", "status"),
    )  # fmt: skip
    for rows in sources:
        for row in sorted(tuple(str(value) for value in row) for row in rows):
            digest.update("\x1f".join(row).encode())
            digest.update(b"\x1e")
    return digest.hexdigest()


def summarize_world() -> WorldSummary:
    return WorldSummary(
        organizations=Organization.objects.count(),
        people=Person.objects.count(),
        memberships=Membership.objects.count(),
        profiles=CooperationProfile.objects.count(),
        events=Event.objects.count(),
        registrations=Registration.objects.count(),
        programme_items=ProgrammeItem.objects.count(),
        booths=Booth.objects.count(),
        time_slots=TimeSlot.objects.count(),
        fingerprint=_fingerprint(),
    )


@transaction.atomic
def build_world(
    *, seed: int = DEFAULT_SEED, organizations: int = DEFAULT_ORGANIZATIONS, later_events: int | None = None
) -> Event:
    """Write the demo world through the services: public bodies, synthetic organizations and their
    profiles, the Global SME Expo 2009 and the later events (all of them, or the first `later_events`).

    One transaction: a failed build leaves nothing behind, and SQLite writes far faster in one.
    Returns the expo.
    """
    rng = random.Random(seed)
    roster = Roster(rng=rng, names=NameMaker(rng, seed=seed))
    create_bodies(roster)
    create_organizations(roster, count=organizations)
    create_profiles(roster)
    expo = build_expo(roster)
    build_later_events(roster, limit=later_events)
    return expo
