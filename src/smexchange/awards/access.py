"""Protected awards come through these helpers; views never fetch them directly.

Every refusal is a 404, never a 403, so that nobody learns which awards, juries or nominees exist.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from smexchange.awards.models import Award, Juror, Nomination
from smexchange.events.access import access_event_as_organizer


def access_award_as_organizer(user: Any, slug: str, award_slug: str) -> Award:
    """An award of an event the user organizes (or any, for alliance staff)."""
    event = access_event_as_organizer(user, slug)
    return get_object_or_404(Award.objects.select_related("event", "ceremony"), event=event, slug=award_slug)


def access_juror(user: Any, slug: str, award_slug: str) -> Juror:
    """The user's own seat on this award's jury; 404 for anyone not on it (organizers included)."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Juror.objects.select_related("award__event", "person", "user"),
        award__event__slug=slug,
        award__slug=award_slug,
        user=user,
    )


def access_nomination_as_juror(juror: Juror, pk: int) -> Nomination:
    """A nomination of the juror's own award."""
    return get_object_or_404(
        Nomination.objects.select_related("person", "organization"), award=juror.award, pk=pk
    )


def access_published_award(slug: str, award_slug: str) -> Award:
    """A published award of a published event, for everyone."""
    return get_object_or_404(
        Award.objects.published().select_related("event", "ceremony"), event__slug=slug, slug=award_slug
    )
