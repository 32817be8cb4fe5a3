"""The organizer on site: check-in by badge scan, and no-shows."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smexchange.common.feedback import errors_as_messages
from smexchange.events.access import access_event_as_organizer
from smexchange.matchmaking.models import Meeting
from smexchange.matchmaking.services.checkin import check_in_by_token
from smexchange.matchmaking.services.onsite import record_no_show


@login_required
def check_in(request: HttpRequest, slug: str) -> HttpResponse:
    """A scanner types the badge code into the focused field and presses Enter."""
    event = access_event_as_organizer(request.user, slug)
    if request.method == "POST":
        with errors_as_messages(request):
            registration = check_in_by_token(event, request.POST.get("token", ""))
            messages.success(request, _("Welcome, %(person)s: checked in.") % {"person": registration.person})
        return redirect("matchmaking:check_in", slug=slug)
    checked_in = event.registrations.filter(status="checked_in").count()
    return render(request, "matchmaking/check_in.html", {"event": event, "checked_in": checked_in})


@login_required
@require_POST
def no_show(request: HttpRequest, slug: str, pk: int, side: str) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    meeting = get_object_or_404(
        Meeting.objects.select_related("a__person", "b__person"), schedule__event=event, pk=pk
    )
    if side not in ("a", "b"):
        raise Http404
    absent = meeting.a if side == "a" else meeting.b
    with errors_as_messages(request):
        freed = record_no_show(meeting, absent=absent)
        messages.success(
            request,
            _("No-show recorded for %(person)s; %(count)s later slots freed. Run a repair to reschedule.")
            % {"person": absent.person, "count": len(freed)},
        )
    return redirect("matchmaking:organizer", slug=slug)
