"""Protected events come through these helpers; views never fetch them directly."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from smexchange.events.models import Event, Registration


def access_event_as_organizer(user: Any, slug: str) -> Event:
    """The event, for its organizer team or alliance staff.

    A participant of the event gets 403 (they know the event; the page is not theirs); anyone
    else gets 404, so that another event's organizer cannot learn which events or objects exist.
    Team membership is read on every call: someone taken off the team is refused at once.
    """
    event = get_object_or_404(Event, slug=slug)
    if not user.has_perm("events.organize_event", event):
        if user.is_authenticated and Registration.objects.filter(event=event, person__user=user).exists():
            raise PermissionDenied
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
