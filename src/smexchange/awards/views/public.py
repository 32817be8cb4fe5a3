"""The public laureates of an event's published awards."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from smexchange.awards import queries
from smexchange.awards.access import access_published_award
from smexchange.events.models import Event


def award_list(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event.objects.published(), slug=slug)
    awards = [(award, queries.laureates_of(award)) for award in queries.published_awards(event)]
    return render(request, "awards/award_list.html", {"event": event, "awards": awards})


def laureates(request: HttpRequest, slug: str, award_slug: str) -> HttpResponse:
    award = access_published_award(slug, award_slug)
    context = {"event": award.event, "award": award, "laureates": queries.laureates_of(award)}
    return render(request, "awards/laureates.html", context)
