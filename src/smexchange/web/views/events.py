from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from smexchange.common.pagination import paginate, query_without_page
from smexchange.events import queries
from smexchange.events.models import Event
from smexchange.web.forms import EventFilterForm


def event_list(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET)
    page = paginate(request, queries.public_events(**form.filters()), per_page=20)
    return render(
        request, "web/event_list.html", {"form": form, "page": page, "query": query_without_page(request)}
    )


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event.objects.published(), slug=slug)
    programme = queries.programme_by_day(event)
    context = {
        "event": event,
        "figures": queries.headline_figures(event),
        "programme": programme,
        "speakers": queries.speakers_of(programme),
        "partners": queries.partners_by_role(event),
        "booths": event.booths.select_related("host").order_by("code"),
        "sessions": queries.matchmaking_sessions(event),
    }
    return render(request, "web/event_detail.html", context)
