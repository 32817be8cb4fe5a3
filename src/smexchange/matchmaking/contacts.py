"""Who may see a person's contact details (e-mail, phone): the one rule every page, export and API uses.

A delegate's contact details are shown to:
- the person themself and their colleagues (delegates of the same organization);
- delegates of an organization that has an accepted meeting request with the person's
  organization (at any event): once the meeting is agreed, both sides may reach each other;
- alliance staff.
Nobody else: not the public, not other participants, not organizers (they reach delegates
through the platform), so search, lists, profile pages and exports never carry them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from smexchange.directory.models import Person
from smexchange.events.models import Registration
from smexchange.matchmaking.enums import RequestStatus
from smexchange.matchmaking.models import MeetingRequest


@dataclass(frozen=True)
class Contact:
    email: str
    phone: str


def _viewer_organizations(viewer: Any) -> set[int]:
    if not getattr(viewer, "is_authenticated", False):
        return set()
    return set(Person.objects.filter(user=viewer).values_list("organization_id", flat=True))


def _partner_organizations(organizations: set[int]) -> set[int]:
    """Organizations with an accepted meeting request with any of `organizations`."""
    if not organizations:
        return set()
    # The sides as subqueries on registrations: an OR across two joined tables made PostgreSQL
    # join every accepted request of every event before filtering (4,500 rows at a 5,000 expo).
    registrations = Registration.objects.filter(organization_id__in=organizations).values("pk")
    accepted = MeetingRequest.objects.filter(status=RequestStatus.ACCEPTED).filter(
        Q(requester__in=registrations) | Q(recipient__in=registrations)
    )
    partners: set[int] = set()
    for requester, recipient in accepted.values_list(
        "requester__organization_id", "recipient__organization_id"
    ):
        partners.update((requester, recipient))
    return partners | organizations


def contacts_visible_to(viewer: Any, people: Iterable[Person]) -> dict[int, Contact]:
    """The contact details of those of `people` that `viewer` may see, by person id (two queries at most)."""
    people = list(people)
    if not people or not getattr(viewer, "is_authenticated", False):
        return {}
    if viewer.is_staff:
        allowed = {person.organization_id for person in people}
    else:
        allowed = _partner_organizations(_viewer_organizations(viewer))
    return {
        person.pk: Contact(email=person.email, phone=person.phone)
        for person in people
        if person.organization_id in allowed or (person.user_id is not None and person.user_id == viewer.pk)
    }


def may_see_contacts(viewer: Any, person: Person) -> bool:
    return person.pk in contacts_visible_to(viewer, [person])
