"""Who may see and move a deal (django-rules predicates)."""

from __future__ import annotations

from typing import Any

import rules

from smexchange.events.rules import is_alliance_staff
from smexchange.outcomes.models import Deal


def organizations_of(user: Any) -> set[int]:
    """The organizations a user acts for: their own, and those they registered for at any event."""
    if not user.is_authenticated:
        return set()
    from_registrations = set(
        user.person.registrations.values_list("organization_id", flat=True) if hasattr(user, "person") else []
    )
    own = {user.person.organization_id} if hasattr(user, "person") else set()
    return own | from_registrations


@rules.predicate
def is_deal_party(user: Any, deal: Deal | None) -> bool:
    if deal is None or not user.is_authenticated:
        return False
    return deal.deal_parties.filter(organization_id__in=organizations_of(user)).exists()


@rules.predicate
def is_deal_organizer(user: Any, deal: Deal | None) -> bool:
    if deal is None or deal.event_id is None or not user.is_authenticated:
        return False
    return deal.event.team.filter(user=user).exists()


can_access_deal = is_alliance_staff | is_deal_party | is_deal_organizer

# Not "view_deal": that name is Django's model permission, which the admin checks.
rules.add_perm("outcomes.access_deal", can_access_deal)
