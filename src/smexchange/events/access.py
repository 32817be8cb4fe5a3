"""Protected events come through these helpers; views never fetch them directly."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from smexchange.events.models import Event, Registration


def access_event_as_organizer(user: Any, slug: str) -> Event:
    """The event, for its organizer team or alliance staff; 404 for everyone else.

    404 rather than 403, so that another organizer cannot learn which events exist.
    """
    event = get_object_or_404(Event, slug=slug)
    if not user.has_perm("events.organize_event", event):
        raise Http404
    return event


def access_registration_of(user: Any, slug: str) -> Registration:
    """The signed-in user's own registration for a published event; 404 if they are not registered."""
    event = get_object_or_404(Event.objects.published(), slug=slug)
    registration = (
        Registration.objects.filter(event=event, person__user=user)
        .select_related("event", "person", "organization")
        .first()
        if user.is_authenticated
        else None
    )
    if registration is None:
        raise Http404
    return registration
