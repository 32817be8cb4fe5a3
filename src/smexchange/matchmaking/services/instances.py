"""Between the database and the scheduling engine: an event as an engine instance, and back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from smexchange.events.enums import ATTENDING_STATUSES
from smexchange.events.models import Booth, Event, Registration, Table, TimeSlot
from smexchange.matchmaking.enums import (
    ACCEPTED_REQUEST_WEIGHT,
    MUTUAL_REQUEST_WEIGHT,
    RECOMMENDED_REQUEST_WEIGHT,
    PreferenceKind,
    RequestOrigin,
    RequestStatus,
)
from smexchange.matchmaking.models import (
    MatchmakingPolicy,
    Meeting,
    MeetingRequest,
    PartnerPreference,
    Schedule,
    Unavailability,
)
from smexchange.matchmaking.services.groups import meeting_rules_of
from smexchange.scheduling.types import Instance, Locked, Participant, Slot
from smexchange.scheduling.types import Meeting as EngineMeeting


@dataclass
class EventInstance:
    """An engine instance and the rows each of its ids stands for."""

    instance: Instance
    slots: dict[str, TimeSlot] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    booths: dict[str, Booth] = field(default_factory=dict)
    registrations: dict[str, Registration] = field(default_factory=dict)
    requests: dict[str, MeetingRequest] = field(default_factory=dict)
    weights: dict[str, int] = field(default_factory=dict)


def slot_id(slot: TimeSlot) -> str:
    return f"s{slot.pk}"


def registration_id(registration: Registration) -> str:
    return f"r{registration.pk}"


def table_id(table: Table) -> str:
    return f"T:{table.code}"


def booth_id(booth: Booth) -> str:
    return f"B:{booth.code}"


def _engine_slots(event: Event) -> tuple[list[Slot], dict[str, TimeSlot]]:
    """Slots in time order; a new engine session starts at each gap longer than the changeover."""
    rows = list(
        TimeSlot.objects.filter(session__event=event).select_related("session").order_by("starts_at", "id")
    )
    slots: list[Slot] = []
    session_number = 0
    previous: TimeSlot | None = None
    for row in rows:
        if previous is not None:
            allowed_gap = dt.timedelta(minutes=row.session.changeover_minutes)
            if row.session_id != previous.session_id or row.starts_at - previous.ends_at > allowed_gap:
                session_number += 1
        slots.append(
            Slot(
                slot_id(row), f"session-{session_number}", row.starts_at.isoformat(), row.ends_at.isoformat()
            )
        )
        previous = row
    return slots, {slot_id(row): row for row in rows}


def _accepted_pairs(event: Event) -> dict[frozenset[int], tuple[MeetingRequest, int]]:
    """One meeting per pair of organizations: the first accepted request.

    Weighted 3 when both sides asked or either marked the other must-meet, 2 otherwise. A request
    between participants the event's group rules keep apart (rules changed after it was sent) is left out.
    """
    rules = meeting_rules_of(event)
    must_meet = {
        frozenset(pair)
        for pair in PartnerPreference.objects.filter(
            registration__event=event, kind=PreferenceKind.MUST_MEET
        ).values_list("registration_id", "other_id")
    }
    requests = (
        MeetingRequest.objects.filter(event=event, status__in=(RequestStatus.ACCEPTED, RequestStatus.PENDING))
        .filter(requester__status__in=ATTENDING_STATUSES, recipient__status__in=ATTENDING_STATUSES)
        .select_related("requester", "recipient")
        .order_by("id")
    )
    by_pair: dict[frozenset[int], list[MeetingRequest]] = {}
    for request in requests:
        if not rules.allows(request.requester_id, request.recipient_id):
            continue
        organizations = frozenset((request.requester.organization_id, request.recipient.organization_id))
        by_pair.setdefault(organizations, []).append(request)
    pairs: dict[frozenset[int], tuple[MeetingRequest, int]] = {}
    for pair, group in by_pair.items():
        accepted = [request for request in group if request.status == RequestStatus.ACCEPTED]
        if not accepted:
            continue
        chosen = accepted[0]
        both_asked = len({request.requester.organization_id for request in group}) == 2
        wanted = frozenset((chosen.requester_id, chosen.recipient_id)) in must_meet
        if both_asked or wanted:
            weight = MUTUAL_REQUEST_WEIGHT
        elif chosen.origin == RequestOrigin.ORGANIZER:
            weight = RECOMMENDED_REQUEST_WEIGHT
        else:
            weight = ACCEPTED_REQUEST_WEIGHT
        pairs[pair] = (chosen, weight)
    return pairs


def build_event_instance(event: Event, *, lock_published: bool = False) -> EventInstance:
    """The event's accepted meeting requests as a scheduling instance (CONTRACTS.md section 2).

    With `lock_published`, meetings of the published schedule that still hold stay where they
    are (repair mode); those whose participant became unavailable are free to move.
    """
    slots, slot_rows = _engine_slots(event)
    tables = {table_id(table): table for table in event.tables.order_by("code")}
    booths = {booth_id(booth): booth for booth in event.booths.filter(host__isnull=False).order_by("code")}
    booth_of_host = {booth.host_id: key for key, booth in booths.items()}
    pairs = _accepted_pairs(event)
    registration_ids = sorted(
        {pk for request, _weight in pairs.values() for pk in (request.requester_id, request.recipient_id)}
    )
    registrations = {
        registration_id(row): row
        for row in Registration.objects.filter(pk__in=registration_ids).select_related(
            "person", "organization"
        )
    }
    unavailable: dict[int, set[str]] = {}
    for reg_pk, slot_pk in Unavailability.objects.filter(registration_id__in=registration_ids).values_list(
        "registration_id", "slot_id"
    ):
        unavailable.setdefault(reg_pk, set()).add(f"s{slot_pk}")
    all_slots = [slot.id for slot in slots]
    policy = MatchmakingPolicy.objects.filter(event=event).first()
    max_meetings = policy.max_meetings_per_participant if policy else None
    participants = tuple(
        Participant(
            id=key,
            available=frozenset(s for s in all_slots if s not in unavailable[row.pk])
            if row.pk in unavailable
            else None,
            booth=booth_of_host.get(row.organization_id),
            max_meetings=max_meetings,
            languages=frozenset(row.person.languages) or None,
        )
        for key, row in registrations.items()
    )
    meetings, requests, weights = [], {}, {}
    for request, weight in sorted(pairs.values(), key=lambda item: item[0].pk):
        key = f"q{request.pk}"
        meetings.append(EngineMeeting(key, f"r{request.requester_id}", f"r{request.recipient_id}", weight))
        requests[key], weights[key] = request, weight
    locked = (
        _locked_meetings(event, requests, unavailable, slot_rows, tables, booths) if lock_published else ()
    )
    instance = Instance(
        name=event.slug,
        slots=tuple(slots),
        tables=tuple(tables),
        participants=participants,
        meetings=tuple(meetings),
        locked=locked,
    )
    return EventInstance(instance, slot_rows, tables, booths, registrations, requests, weights)


def _locked_meetings(
    event: Event,
    requests: dict[str, MeetingRequest],
    unavailable: dict[int, set[str]],
    slot_rows: dict[str, TimeSlot],
    tables: dict[str, Table],
    booths: dict[str, Booth],
) -> tuple[Locked, ...]:
    published = Schedule.objects.published().filter(event=event).first()
    if published is None:
        return ()
    scheduled_keys = {request.pk: key for key, request in requests.items()}
    locked = []
    for meeting in Meeting.objects.filter(schedule=published, request__isnull=False).select_related(
        "table", "booth"
    ):
        key = scheduled_keys.get(meeting.request_id)
        slot_key = f"s{meeting.slot_id}"
        if key is None or slot_key not in slot_rows:
            continue
        if slot_key in unavailable.get(meeting.a_id, set()) | unavailable.get(meeting.b_id, set()):
            continue
        location = table_id(meeting.table) if meeting.table_id else booth_id(meeting.booth)
        # A table taken out of service keeps the slot but lets the solver choose another location.
        locked.append(Locked(key, slot_key, location if location in tables or location in booths else None))
    return tuple(locked)
