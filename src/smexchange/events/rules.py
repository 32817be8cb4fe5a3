"""Who may do what with an event (django-rules predicates)."""

from __future__ import annotations

from typing import Any

import rules

from smexchange.events.models import Event


@rules.predicate
def is_alliance_staff(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_staff)


@rules.predicate
def is_event_organizer(user: Any, event: Event | None) -> bool:
    if event is None or not user.is_authenticated:
        return False
    return event.team.filter(user=user).exists()


can_organize_event = is_alliance_staff | is_event_organizer

rules.add_perm("events.organize_event", can_organize_event)
