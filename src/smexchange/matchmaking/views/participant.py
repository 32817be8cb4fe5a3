"""A participant's matchmaking: find people, send and answer requests, availability, agenda."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smexchange.common.feedback import errors_as_messages
from smexchange.common.pagination import paginate, query_without_page
from smexchange.events.access import access_registration_of
from smexchange.events.models import Registration, TimeSlot
from smexchange.matchmaking import queries
from smexchange.matchmaking.calendar import agenda_calendar
from smexchange.matchmaking.contacts import contacts_visible_to
from smexchange.matchmaking.enums import PreferenceKind
from smexchange.matchmaking.forms import AvailabilityForm, MeetingRequestForm
from smexchange.matchmaking.models import MeetingRequest, PartnerRecommendation
from smexchange.matchmaking.services import requests as request_services
from smexchange.matchmaking.services.onsite import confirm_meeting


def _home(slug: str) -> HttpResponse:
    return redirect("matchmaking:participant", slug=slug)


@login_required
def participant_home(request: HttpRequest, slug: str) -> HttpResponse:
    me = access_registration_of(request.user, slug)
    received, sent = queries.requests_of(me)
    agenda = list(queries.agenda_of(me))
    people = [r.requester.person for r in received] + [r.recipient.person for r in sent]
    people += [person for meeting in agenda for person in (meeting.a.person, meeting.b.person)]
    slots = TimeSlot.objects.filter(session__event=me.event).order_by("starts_at")
    unavailable = set(me.unavailable_slots.values_list("slot_id", flat=True))
    preferences = queries.preferences_of(me)
    candidates = queries.meeting_candidates(
        me, search=request.GET.get("q", ""), country=request.GET.get("country", "")
    )
    context = {
        "event": me.event,
        "me": me,
        "agenda": agenda,
        "contacts": contacts_visible_to(request.user, people),
        "received": received,
        "sent": sent,
        "candidates": paginate(request, candidates, per_page=20),
        "query": query_without_page(request),
        "asked": queries.open_request_recipients(me),
        "recommended": _recommended_registrations(me, preferences),
        "preferences": preferences,
        "availability": AvailabilityForm(
            slots=slots, initial={"available": [s for s in slots if s.pk not in unavailable]}
        ),
    }
    return render(request, "matchmaking/participant.html", context)


def _recommended_registrations(
    me: Registration, preferences: dict[int, str]
) -> list[tuple[Registration, PartnerRecommendation]]:
    """Recommended organizations of this event, each with the delegate to ask and the reasons.

    `preferences`: the participant's marks (queries.preferences_of); those marked "no thanks" are left out.
    """
    recommendations = list(queries.recommended_partners(me.organization, event=me.event))
    delegates = {
        registration.organization_id: registration
        for registration in queries.meeting_candidates(me).filter(
            organization_id__in=[item.partner_id for item in recommendations]
        )
    }
    declined = {other for other, kind in preferences.items() if kind == PreferenceKind.NO_THANKS}
    return [
        (delegates[item.partner_id], item)
        for item in recommendations
        if item.partner_id in delegates and delegates[item.partner_id].pk not in declined
    ]


@login_required
@require_POST
def mark_preference(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    me = access_registration_of(request.user, slug)
    other = get_object_or_404(Registration, event=me.event, pk=pk)
    kind = request.POST.get("kind") or None
    with errors_as_messages(request):
        request_services.set_partner_preference(me, other=other, kind=kind)
    return _home(slug)


@login_required
@require_POST
def send_request(request: HttpRequest, slug: str) -> HttpResponse:
    me = access_registration_of(request.user, slug)
    form = MeetingRequestForm(request.POST)
    if form.is_valid():
        recipient = Registration.objects.filter(event=me.event, pk=form.cleaned_data["recipient"]).first()
        if recipient is None:
            raise Http404
        with errors_as_messages(request):
            request_services.send_meeting_request(
                me, recipient=recipient, message=form.cleaned_data["message"]
            )
            messages.success(
                request, _("Your request was sent to %(person)s.") % {"person": recipient.person}
            )
    return _home(slug)


_ANSWERS = {
    "accept": request_services.accept_meeting_request,
    "decline": request_services.decline_meeting_request,
    "withdraw": request_services.withdraw_meeting_request,
}


@login_required
@require_POST
def answer_request(request: HttpRequest, slug: str, pk: int, action: str) -> HttpResponse:
    me = access_registration_of(request.user, slug)
    if action not in _ANSWERS:
        raise Http404
    # Only the two sides of a request can find it; anyone else gets 404, not 403.
    meeting_request = get_object_or_404(
        MeetingRequest.objects.filter(Q(requester=me) | Q(recipient=me)), pk=pk
    )
    with errors_as_messages(request):
        _ANSWERS[action](meeting_request, by=me)
    return _home(slug)


@login_required
@require_POST
def update_availability(request: HttpRequest, slug: str) -> HttpResponse:
    me = access_registration_of(request.user, slug)
    slots = TimeSlot.objects.filter(session__event=me.event)
    form = AvailabilityForm(request.POST, slots=slots)
    if form.is_valid():
        chosen = {slot.pk for slot in form.cleaned_data["available"]}
        request_services.set_unavailable_slots(
            me, slots=[slot for slot in slots.select_related("session") if slot.pk not in chosen]
        )
        messages.success(request, _("Your availability was saved."))
    return _home(slug)


@login_required
def agenda_ics(request: HttpRequest, slug: str) -> HttpResponse:
    me = access_registration_of(request.user, slug)
    response = HttpResponse(
        agenda_calendar(me, queries.agenda_of(me)), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{me.event.slug}-agenda.ics"'
    return response


@login_required
@require_POST
def confirm(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    me = access_registration_of(request.user, slug)
    meeting = get_object_or_404(queries.agenda_of(me), pk=pk)
    with errors_as_messages(request):
        confirm_meeting(meeting, by=me)
        messages.success(request, _("Thank you: your meeting is confirmed."))
    return _home(slug)
