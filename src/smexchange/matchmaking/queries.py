"""Reusable reads of matchmaking: the published schedule and a participant's agenda."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from smexchange.directory.models import Organization
from smexchange.events.enums import ATTENDING_STATUSES
from smexchange.events.models import Event, Registration, TimeSlot
from smexchange.matchmaking.enums import OPEN_REQUEST_STATUSES, RequestStatus
from smexchange.matchmaking.models import Meeting, MeetingRequest, PartnerRecommendation, Schedule
from smexchange.matchmaking.services.groups import allowed_partners


def published_schedule(event: Event) -> Schedule | None:
    return Schedule.objects.published().filter(event=event).first()


def agenda_of(registration: Registration) -> QuerySet[Meeting]:
    """The participant's meetings in the published schedule, in time order."""
    return (
        Meeting.objects.filter(schedule__event_id=registration.event_id, schedule__status="published")
        .filter(Q(a=registration) | Q(b=registration))
        .select_related(
            "schedule",
            "slot",
            "table",
            "booth",
            "a__person",
            "a__organization",
            "b__person",
            "b__organization",
        )
        .order_by("slot__starts_at", "id")
    )


def requests_of(registration: Registration) -> tuple[QuerySet[MeetingRequest], QuerySet[MeetingRequest]]:
    """(received, sent) requests of a participant, newest first."""
    related = ("requester__person", "requester__organization", "recipient__person", "recipient__organization")
    received = MeetingRequest.objects.filter(recipient=registration).select_related(*related)
    sent = MeetingRequest.objects.filter(requester=registration).select_related(*related)
    return received, sent


def meeting_candidates(
    registration: Registration, *, search: str = "", country: str = ""
) -> QuerySet[Registration]:
    """Confirmed participants of the same event that `registration` may ask for a meeting.

    Only those the organizers' participant-group rules let `registration` meet.
    """
    candidates = (
        Registration.objects.filter(event_id=registration.event_id, status__in=ATTENDING_STATUSES)
        .exclude(pk=registration.pk)
        .select_related("person", "organization")
        .order_by("organization__name_latin", "organization__name", "id")
    )
    candidates = allowed_partners(registration, candidates)
    if search.strip():
        text = search.strip()
        candidates = candidates.filter(
            Q(organization__name__icontains=text)
            | Q(organization__name_latin__icontains=text)
            | Q(person__family_name__icontains=text)
            | Q(person__given_name__icontains=text)
            | Q(person__name_local__icontains=text)
        )
    if country:
        candidates = candidates.filter(organization__country=country)
    return candidates


def open_request_recipients(registration: Registration) -> set[int]:
    return set(
        MeetingRequest.objects.filter(requester=registration, status__in=OPEN_REQUEST_STATUSES).values_list(
            "recipient_id", flat=True
        )
    )


def schedule_overview(event: Event) -> dict[str, int]:
    """Counts the organizer's matchmaking page leads with."""
    requests = MeetingRequest.objects.filter(event=event)
    return {
        "participants": Registration.objects.filter(event=event, status__in=ATTENDING_STATUSES).count(),
        "pending": requests.filter(status=RequestStatus.PENDING).count(),
        "accepted": requests.filter(status=RequestStatus.ACCEPTED).count(),
        "slots": TimeSlot.objects.filter(session__event=event).count(),
        "tables": event.tables.count(),
    }


def recommended_partners(
    organization: Organization, *, event: Event | None = None
) -> QuerySet[PartnerRecommendation]:
    """The stored recommendations of an organization, best first (within `event` when given)."""
    return (
        PartnerRecommendation.objects.filter(organization=organization, event=event)
        .select_related("partner")
        .prefetch_related("partner__sectors")
        .order_by("rank")
    )


def preferences_of(registration: Registration) -> dict[int, str]:
    """The participant's must-meet / no-thanks marks, by the other registration's id."""
    return dict(registration.preferences.values_list("other_id", "kind"))


@dataclass(frozen=True)
class RequestGraph:
    """Who asked whom at an event, for the organizer: totals, the most asked, and the forgotten."""

    by_status: list[tuple[str, int]]  # (status label, requests), in the order of RequestStatus
    most_requested: list[Registration]  # each with `received` (open requests received), most first
    without_requests: list[Registration]  # attending, no open request sent or received
    few_requests: int  # attending with fewer than FEW_REQUESTS open requests, sent or received


FEW_REQUESTS = 3


def request_graph(event: Event, *, top: int = 15) -> RequestGraph:
    requests = MeetingRequest.objects.filter(event=event)
    counted = dict(requests.values_list("status").annotate(n=Count("id")).order_by())
    by_status = [
        (str(status.label), counted[status.value]) for status in RequestStatus if status.value in counted
    ]
    attending = Registration.objects.filter(event=event, status__in=ATTENDING_STATUSES)
    open_received = Count("received_requests", filter=Q(received_requests__status__in=OPEN_REQUEST_STATUSES))
    most = list(
        attending.annotate(received=open_received)
        .filter(received__gt=0)
        .select_related("person", "organization")
        .order_by("-received", "id")[:top]
    )
    counts = open_request_counts(event)
    without = [
        registration
        for registration in attending.select_related("person", "organization").order_by("id")
        if not counts.get(registration.pk)
    ]
    few = sum(1 for pk in attending.values_list("id", flat=True) if counts.get(pk, 0) < FEW_REQUESTS)
    return RequestGraph(by_status, most, without, few)


def open_request_counts(event: Event) -> dict[int, int]:
    """Open (pending or accepted) requests per registration, sent and received together."""
    counts: dict[int, int] = {}
    pairs = MeetingRequest.objects.filter(event=event, status__in=OPEN_REQUEST_STATUSES).values_list(
        "requester_id", "recipient_id"
    )
    for requester, recipient in pairs:
        counts[requester] = counts.get(requester, 0) + 1
        counts[recipient] = counts.get(recipient, 0) + 1
    return counts


def requests_of_event(event: Event) -> QuerySet[MeetingRequest]:
    """Every request of the event, newest first, with both sides: the edges of the graph."""
    return (
        MeetingRequest.objects.filter(event=event)
        .select_related(
            "requester__person", "requester__organization", "recipient__person", "recipient__organization"
        )
        .order_by("-created_at", "-id")
    )
