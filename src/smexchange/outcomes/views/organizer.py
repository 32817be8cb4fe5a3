"""The organizers' view of an event's outcomes, and follow-ups recorded on site on a participant's behalf."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from smexchange.common.pagination import paginate
from smexchange.events.access import access_event_as_organizer
from smexchange.outcomes import queries
from smexchange.outcomes.access import access_meeting_as_organizer
from smexchange.outcomes.enums import FollowUpResult
from smexchange.outcomes.forms import COMMON_CURRENCIES, OnBehalfFollowUpForm
from smexchange.outcomes.models import MeetingFollowUp
from smexchange.outcomes.views.participant import initial_of, record_from_form


@login_required
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    waiting = queries.held_meetings(event).filter(follow_up_count__lt=2)
    follow_ups = queries.follow_ups_of_event(event)
    context = {
        "event": event,
        "figures": queries.outcome_figures(event),
        "waiting": paginate(request, waiting, per_page=20),
        "follow_ups": follow_ups.exclude(result=FollowUpResult.NO_SHOW)[:50],
        "no_shows": follow_ups.filter(result=FollowUpResult.NO_SHOW)[:50],
        "deals": queries.deals_of_event(event)[:50],
    }
    return render(request, "outcomes/organizer.html", context)


@login_required
def record_on_behalf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event, meeting = access_meeting_as_organizer(request.user, slug, pk)
    sides = [
        (meeting.a.organization_id, str(meeting.a.organization)),
        (meeting.b.organization_id, str(meeting.b.organization)),
    ]
    chosen = request.POST.get("organization") or request.GET.get("organization") or sides[0][0]
    existing = MeetingFollowUp.objects.filter(meeting=meeting, organization_id=chosen).first()
    initial = {"organization": chosen, **initial_of(existing)}
    form = OnBehalfFollowUpForm(request.POST or None, initial=initial, sides=sides)
    if request.method == "POST" and form.is_valid():
        organization = (
            meeting.a.organization
            if form.cleaned_data["organization"] == sides[0][0]
            else meeting.b.organization
        )
        recorded = record_from_form(
            form, meeting=meeting, organization=organization, recorded_by=request.user, on_behalf=True
        )
        if recorded is not None:
            messages.success(
                request,
                _("Follow-up recorded for %(organization)s: %(result)s.")
                % {"organization": organization, "result": recorded.get_result_display()},
            )
            return redirect("outcomes:organizer", slug=slug)
    context = {"event": event, "meeting": meeting, "form": form, "currencies": COMMON_CURRENCIES}
    return render(request, "outcomes/organizer_follow_up.html", context, status=400 if form.errors else 200)
