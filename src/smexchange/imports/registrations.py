"""Registrations as registration systems export them: one row per delegate, with their organization.

Organizations and people that do not exist yet are created (a new organization needs its country);
existing ones are found by their natural keys and left as they are, as is an existing registration.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.utils.translation import gettext as _

from smexchange.directory.models import Organization, Person
from smexchange.directory.services import OrganizationSpec, PersonSpec, add_people, create_organizations
from smexchange.events.models import Event, Registration
from smexchange.events.services import register_participants
from smexchange.imports import cells
from smexchange.imports.kinds import (
    KIND_OF_ROLE,
    ORGANIZATION_KINDS,
    PARTICIPANT_ROLES,
    REGISTRATION_STATUSES,
    Plan,
    _check_person,
    _person_label,
    _person_spec,
    existing_people,
    person_key,
)
from smexchange.imports.rows import OrganizationFinder, RowReader, duplicate, organization_reference


@dataclasses.dataclass
class _Row:
    person: PersonSpec
    organization: Organization | None  # None: created by this import, under `new_key`
    new_key: tuple[str, str] | None
    role: str
    status: str


def _organization(
    reader: RowReader, finder: OrganizationFinder, new: dict[tuple[str, str], OrganizationSpec], role: str
) -> tuple[Organization | None, tuple[str, str] | None]:
    name, country = organization_reference(reader)
    kind = reader.value("organization_kind", lambda c: cells.choice(c, ORGANIZATION_KINDS), default="")
    if not name:
        return None, None
    found = finder.find(name, country)
    if len(found) == 1:
        return found[0], None
    if len(found) > 1:
        reader.problem(
            "organization",
            _("%(count)s organizations are named “%(name)s”; add a country column or use the slug.")
            % {"count": len(found), "name": name},
        )
        return None, None
    if not country:
        if not reader.failed:
            reader.problem(
                "organization_country",
                _("“%(name)s” is a new organization: give its country.") % {"name": name},
            )
        return None, None
    key = (name, country)
    if key not in new:
        spec = OrganizationSpec(name=name, kind=kind or KIND_OF_ROLE.get(role, "other"), country=country)
        try:
            Organization(slug="checked-apart", name=name, kind=spec.kind, country=country).full_clean(
                exclude=["country", "slug"], validate_unique=False
            )
        except Exception as error:  # a ValidationError on the name or kind
            reader.problem("organization", " ".join(getattr(error, "messages", [str(error)])))
            return None, None
        new[key] = spec
    return None, key


def plan_registrations(readers: list[RowReader], event: Event | None) -> Plan:
    if event is None:
        raise ValueError("registrations are imported into an event")
    finder = OrganizationFinder.load(cells.text(reader.cell("organization")) for reader in readers)
    new_organizations: dict[tuple[str, str], OrganizationSpec] = {}
    rows: list[tuple[_Row, tuple[Any, ...]]] = []
    seen: dict[Any, int] = {}
    for reader in readers:
        reader.record = _person_label(reader)
        role = reader.value("role", lambda c: cells.choice(c, PARTICIPANT_ROLES), default="", required=True)
        status = reader.value("status", lambda c: cells.choice(c, REGISTRATION_STATUSES), default="confirmed")
        organization, new_key = _organization(reader, finder, new_organizations, role)
        spec = _person_spec(reader, organization or Organization())
        _check_person(reader, spec)
        if reader.failed or (organization is None and new_key is None):
            continue
        key = person_key(organization.pk if organization else new_key, spec)
        if not duplicate(reader, seen, key, column="email" if spec.email else "family_name"):
            rows.append((_Row(spec, organization, new_key, role, status), key))
    known = existing_people({row.organization.pk for row, _key in rows if row.organization})
    registered = set(
        Registration.objects.filter(
            event=event, person_id__in={person.pk for person in known.values()}
        ).values_list("person_id", flat=True)
    )
    fresh = [(row, known.get(key)) for row, key in rows]
    fresh = [(row, person) for row, person in fresh if person is None or person.pk not in registered]
    return Plan(
        rows=len(readers),
        created=len(fresh),
        existing=len(rows) - len(fresh),
        write=lambda: _write(event, list(new_organizations.values()), fresh),
        counts={
            "organizations": len(new_organizations),
            "people": sum(1 for _row, person in fresh if person is None),
        },
    )


def _write(
    event: Event, organizations: list[OrganizationSpec], rows: list[tuple[_Row, Person | None]]
) -> None:
    created = {
        (spec.name, spec.country): organization
        for spec, organization in zip(organizations, create_organizations(organizations), strict=True)
    }
    to_add = [
        dataclasses.replace(row.person, organization=row.organization or created[row.new_key])  # type: ignore[index]
        for row, person in rows
        if person is None
    ]
    added = iter(add_people(to_add))
    entries = [(person or next(added), row.role, row.status) for row, person in rows]
    register_participants(event, entries=entries)
