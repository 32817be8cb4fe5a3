"""What the generators have written so far, kept in memory so later steps need not query for it."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field

from smexchange.demo.names import NameMaker
from smexchange.demo.sectors import Industry
from smexchange.directory.models import Organization, Person


@dataclass
class Roster:
    """The world under construction: organizations in creation order, their people, and named bodies."""

    rng: random.Random
    names: NameMaker
    organizations: list[Organization] = field(default_factory=list)
    people: dict[int, list[Person]] = field(default_factory=lambda: defaultdict(list))
    industries: dict[int, Industry] = field(default_factory=dict)
    # Public bodies and office-holders of the history, by a stable key ("alliance", "consulate:US", ...).
    bodies: dict[str, Organization] = field(default_factory=dict)
    officers: dict[str, Person] = field(default_factory=dict)

    def add_organization(self, organization: Organization, *, industry: Industry | None = None) -> None:
        self.organizations.append(organization)
        if industry is not None:
            self.industries[organization.pk] = industry

    def add_person(self, person: Person) -> None:
        self.people[person.organization.pk].append(person)

    def of_kind(self, kind: str, country: str | None = None) -> list[Organization]:
        """Organizations of `kind` (and `country`), in creation order, named public bodies excluded."""
        named = {body.pk for body in self.bodies.values()}
        return [
            organization
            for organization in self.organizations
            if organization.kind == kind
            and (country is None or organization.country == country)
            and organization.pk not in named
        ]

    def people_of(self, organization: Organization) -> list[Person]:
        return self.people.get(organization.pk, [])
