"""The four kinds of import: each checks every row and returns a plan that writes the new records.

A row whose record exists already (by its natural key) is left as it is: importing the same file
twice writes nothing the second time. Natural keys: an organization by name and country; a person
by organization and e-mail (or given and family name without one); a profile by organization and
title; a registration by event and person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from smexchange.directory.enums import (
    COOPERATION_TYPE_CHOICES,
    ORGANIZATION_KIND_CHOICES,
    ORGANIZATION_SIZE_CHOICES,
    Direction,
    PersonRole,
)
from smexchange.directory.models import CooperationProfile, Organization, Person
from smexchange.directory.services import (
    ItemSpec,
    OrganizationSpec,
    PersonSpec,
    ProfileSpec,
    add_people,
    create_cooperation_profiles,
    create_organizations,
)
from smexchange.events.enums import ParticipantRole, RegistrationStatus
from smexchange.events.models import Event
from smexchange.imports import cells
from smexchange.imports.rows import (
    OrganizationFinder,
    RowReader,
    duplicate,
    organization_reference,
    resolve_organization,
)

ORGANIZATION_KINDS = cells.choices_vocabulary(ORGANIZATION_KIND_CHOICES)
ORGANIZATION_SIZES = cells.choices_vocabulary(ORGANIZATION_SIZE_CHOICES)
COOPERATION_TYPES = cells.choices_vocabulary(COOPERATION_TYPE_CHOICES)
PERSON_ROLES = cells.choices_vocabulary(PersonRole.choices)
PARTICIPANT_ROLES = cells.choices_vocabulary(ParticipantRole.choices)
REGISTRATION_STATUSES = cells.choices_vocabulary(RegistrationStatus.choices)

# The kind of organization a participant role implies, for organizations a registration file creates.
KIND_OF_ROLE = {
    ParticipantRole.ENTREPRENEUR: "sme",
    ParticipantRole.ASSOCIATION_PRINCIPAL: "association",
    ParticipantRole.GOVERNMENT_OFFICIAL: "government",
    ParticipantRole.CONSULAR_OFFICER: "consulate",
    ParticipantRole.FINANCIAL_FIRM: "financial",
    ParticipantRole.MEDIA: "media",
}


@dataclass
class Plan:
    """What an import would do: `write()` creates `created` records; `existing` rows are left alone."""

    rows: int = 0
    created: int = 0
    existing: int = 0
    write: Callable[[], None] = lambda: None
    counts: dict[str, int] = field(default_factory=dict)


Planner = Callable[[list[RowReader], Event | None], Plan]


def _organization_spec(reader: RowReader) -> OrganizationSpec:
    return OrganizationSpec(
        name=reader.text("name", required=True),
        name_latin=reader.text("name_latin"),
        kind=reader.value("kind", lambda c: cells.choice(c, ORGANIZATION_KINDS), default="sme"),
        country=reader.value("country", cells.country, default="", required=True),
        city=reader.text("city"),
        size=reader.value("size", lambda c: cells.choice(c, ORGANIZATION_SIZES), default=""),
        sectors=reader.value("sectors", cells.sectors_list, default=[]),
        languages=reader.value("languages", cells.languages_list, default=[]),
        website=reader.text("website"),
        description=reader.text("description"),
        alliance_member_since=reader.value("alliance_member_since", cells.date, default=None),
    )


def _check_organization(reader: RowReader, spec: OrganizationSpec) -> None:
    instance = Organization(
        slug="checked-apart",
        name=spec.name,
        name_latin=spec.name_latin,
        kind=spec.kind,
        country=spec.country,
        city=spec.city,
        size=spec.size,
        languages=list(spec.languages),
        website=spec.website,
        description=spec.description,
    )
    reader.check_model(instance, exclude=["country", "slug"], fields={})


def plan_organizations(readers: list[RowReader], event: Event | None) -> Plan:
    specs: list[OrganizationSpec] = []
    keys: list[tuple[str, str]] = []
    seen: dict[Any, int] = {}
    for reader in readers:
        reader.record = cells.text(reader.cell("name"))
        spec = _organization_spec(reader)
        _check_organization(reader, spec)
        key = (spec.name, spec.country)
        if reader.failed or duplicate(reader, seen, key, column="name"):
            continue
        specs.append(spec)
        keys.append(key)
    existing = set(
        Organization.objects.filter(name__in={name for name, _country in keys}).values_list("name", "country")
    )
    fresh = [spec for spec, key in zip(specs, keys, strict=True) if key not in existing]
    return Plan(
        rows=len(readers),
        created=len(fresh),
        existing=len(specs) - len(fresh),
        write=lambda: _none(create_organizations(fresh)),
    )


def _none(_value: object) -> None:
    return None


def _person_spec(reader: RowReader, organization: Organization, *, role: str = "other") -> PersonSpec:
    return PersonSpec(
        organization=organization,
        given_name=reader.text("given_name", required=True),
        family_name=reader.text("family_name", required=True),
        name_local=reader.text("name_local"),
        title=reader.text("title"),
        role=role,
        email=reader.text("email"),
        phone=reader.text("phone"),
        languages=reader.value("languages", cells.languages_list, default=[]),
        bio=reader.text("bio"),
    )


def _check_person(reader: RowReader, spec: PersonSpec) -> None:
    reader.check_model(spec.build(), exclude=["organization", "user"], fields={})


def person_key(organization_key: Any, spec: PersonSpec) -> tuple[Any, ...]:
    if spec.email:
        return (organization_key, spec.email.casefold())
    return (organization_key, spec.given_name.casefold(), spec.family_name.casefold())


def _person_label(reader: RowReader) -> str:
    given, family = cells.text(reader.cell("given_name")), cells.text(reader.cell("family_name"))
    organization = cells.text(reader.cell("organization"))
    name = f"{given} {family}".strip()
    return f"{name}, {organization}" if organization else name


def existing_people(organizations: set[int]) -> dict[tuple[Any, ...], Person]:
    people: dict[tuple[Any, ...], Person] = {}
    for person in Person.objects.filter(organization_id__in=organizations).select_related("organization"):
        spec = PersonSpec(person.organization, person.given_name, person.family_name, email=person.email)
        people.setdefault(person_key(person.organization_id, spec), person)
        if person.email:  # a row without an e-mail still finds a person by name
            people.setdefault(
                (person.organization_id, person.given_name.casefold(), person.family_name.casefold()), person
            )
    return people


def plan_people(readers: list[RowReader], event: Event | None) -> Plan:
    finder = OrganizationFinder.load(cells.text(reader.cell("organization")) for reader in readers)
    rows: list[tuple[PersonSpec, tuple[Any, ...]]] = []
    seen: dict[Any, int] = {}
    for reader in readers:
        reader.record = _person_label(reader)
        name, country = organization_reference(reader)
        organization = resolve_organization(reader, finder, name, country)
        role = reader.value("role", lambda c: cells.choice(c, PERSON_ROLES), default="other")
        spec = _person_spec(reader, organization or Organization(), role=role)
        _check_person(reader, spec)
        if organization is None or reader.failed:
            continue
        key = person_key(organization.pk, spec)
        if not duplicate(reader, seen, key, column="email" if spec.email else "family_name"):
            rows.append((spec, key))
    known = existing_people({spec.organization.pk for spec, _key in rows})
    fresh = [spec for spec, key in rows if key not in known]
    return Plan(
        rows=len(readers),
        created=len(fresh),
        existing=len(rows) - len(fresh),
        write=lambda: _none(add_people(fresh)),
    )


def _items(reader: RowReader) -> list[ItemSpec]:
    items = []
    for direction, types_column, text_column in (
        (Direction.OFFER, "offers", "offer_text"),
        (Direction.SEEK, "seeks", "seek_text"),
    ):
        types = reader.value(types_column, lambda c: cells.choices_list(c, COOPERATION_TYPES), default=[])
        text = reader.text(text_column)
        items.extend(ItemSpec(direction=direction, cooperation_type=kind, text=text) for kind in types)
    return items


def _profile_spec(reader: RowReader, organization: Organization, now: dt.datetime) -> ProfileSpec:
    items = _items(reader)
    publish = reader.value("publish", cells.yes_no, default=True)
    expires_on = reader.value("expires_on", cells.date, default=None)
    if publish and not items and not reader.failed:
        reader.problem("offers", _("A published profile needs at least one offer or request."))
    if publish and expires_on and expires_on < now.date():
        reader.problem("expires_on", _("The profile expired on %(date)s.") % {"date": expires_on})
    return ProfileSpec(
        organization=organization,
        title=reader.text("title", required=True),
        items=items,
        description=reader.text("description"),
        language=reader.value("language", lambda c: (cells.languages_list(c) or [""])[0], default=""),
        sectors=reader.value("sectors", cells.sectors_list, default=[]),
        target_countries=reader.value("target_countries", cells.countries_list, default=[]),
        expires_on=expires_on,
        published_at=now if publish else None,
    )


def plan_profiles(readers: list[RowReader], event: Event | None) -> Plan:
    finder = OrganizationFinder.load(cells.text(reader.cell("organization")) for reader in readers)
    now = timezone.now()
    rows: list[tuple[ProfileSpec, tuple[int, str]]] = []
    seen: dict[Any, int] = {}
    for reader in readers:
        reader.record = cells.text(reader.cell("title"))
        name, country = organization_reference(reader)
        organization = resolve_organization(reader, finder, name, country)
        spec = _profile_spec(reader, organization or Organization(), now)
        reader.check_model(
            CooperationProfile(title=spec.title, description=spec.description, language=spec.language),
            exclude=["organization", "target_countries"],
            fields={},
        )
        if organization is None or reader.failed:
            continue
        key = (organization.pk, spec.title.casefold())
        if not duplicate(reader, seen, key, column="title"):
            rows.append((spec, key))
    existing = {
        (organization_id, title.casefold())
        for organization_id, title in CooperationProfile.objects.filter(
            organization_id__in={key[0] for _spec, key in rows}
        ).values_list("organization_id", "title")
    }
    fresh = [spec for spec, key in rows if key not in existing]
    return Plan(
        rows=len(readers),
        created=len(fresh),
        existing=len(rows) - len(fresh),
        write=lambda: _none(create_cooperation_profiles(fresh)),
    )
