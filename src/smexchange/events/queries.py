"""Reusable reads of events: listings, headline figures, the programme by day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from smexchange.directory.models import Organization
from smexchange.events.enums import (
    ATTENDING_STATUSES,
    OFFICIAL_ROLES,
    ParticipantRole,
    ProgrammeKind,
)
from smexchange.events.models import (
    Booth,
    Event,
    EventPartner,
    MatchmakingSession,
    ProgrammeItem,
    ProgrammeSpeaker,
    Table,
    TimeSlot,
)


@dataclass(frozen=True)
class HeadlineFigures:
    participants: int
    countries: int
    association_principals: int
    officials: int
    speeches: int
    booths: int
    tables: int
    meeting_slots: int


def headline_figures(event: Event) -> HeadlineFigures:
    """The figures an event page and its press release lead with, in two queries."""
    attending = Q(registrations__status__in=ATTENDING_STATUSES)
    people = Event.objects.filter(pk=event.pk).aggregate(
        participants=Count("registrations", filter=attending),
        countries=Count("registrations__organization__country", filter=attending, distinct=True),
        principals=Count(
            "registrations", filter=attending & Q(registrations__role=ParticipantRole.ASSOCIATION_PRINCIPAL)
        ),
        officials=Count("registrations", filter=attending & Q(registrations__role__in=OFFICIAL_ROLES)),
    )
    # One correlated count per kind of thing, not COUNT(DISTINCT) over joins: joining booths,
    # tables, programme and slots multiplies their rows (80 booths x 250 tables = 20,000 rows).
    venue = (
        Event.objects.filter(pk=event.pk)
        .annotate(
            booth_count=_count_of(Booth.objects.all()),
            table_count=_count_of(Table.objects.all()),
            speech_count=_count_of(ProgrammeItem.objects.filter(kind=ProgrammeKind.SPEECH)),
            slot_count=_count_of(TimeSlot.objects.all(), event_field="session__event"),
        )
        .values("booth_count", "table_count", "speech_count", "slot_count")
        .get()
    )

    return HeadlineFigures(
        participants=people["participants"],
        countries=people["countries"],
        association_principals=people["principals"],
        officials=people["officials"],
        speeches=venue["speech_count"],
        booths=venue["booth_count"],
        tables=venue["table_count"],
        meeting_slots=venue["slot_count"],
    )


def _count_of(rows: QuerySet[Any], *, event_field: str = "event") -> Coalesce:
    """The number of `rows` of the outer event, as a subquery."""
    counted = (
        rows.filter(**{event_field: OuterRef("pk")})
        .order_by()
        .values(event_field)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted), 0)


def programme_by_day(event: Event) -> list[tuple[dt.date, list[ProgrammeItem]]]:
    """The programme grouped by the day it happens on in the event's time zone."""
    speakers = ProgrammeSpeaker.objects.select_related("person__organization")
    items = list(
        event.programme.prefetch_related(Prefetch("speaker_links", queryset=speakers)).order_by(
            "starts_at", "id"
        )
    )
    zone = event.zone
    return [
        (day, list(day_items))
        for day, day_items in groupby(items, key=lambda item: item.starts_at.astimezone(zone).date())
    ]


def speakers_of(programme: list[tuple[dt.date, list[ProgrammeItem]]]) -> list[ProgrammeSpeaker]:
    """Each person who speaks, moderates or presents, once, in order of first appearance.

    Works on the prefetched programme so that the speakers list costs no query.
    """
    seen: set[int] = set()
    speakers = []
    for _day, items in programme:
        for item in items:
            for link in item.speaker_links.all():
                if link.person_id not in seen:
                    seen.add(link.person_id)
                    speakers.append(link)
    return speakers


def partners_by_role(event: Event) -> list[tuple[str, list[EventPartner]]]:
    partners = event.partners.select_related("organization").order_by("role", "id")
    return [
        (role_label, list(group))
        for role_label, group in groupby(partners, key=lambda p: p.get_role_display())
    ]


def matchmaking_sessions(event: Event) -> QuerySet[MatchmakingSession]:
    return event.matchmaking_sessions.annotate(slot_count=Count("slots")).order_by("starts_at")


def public_events(*, kind: str = "", year: int | None = None, country: str = "") -> QuerySet[Event]:
    events = Event.objects.published().annotate(
        participant_count=Count("registrations", filter=Q(registrations__status__in=ATTENDING_STATUSES))
    )
    if kind:
        events = events.filter(kind=kind)
    if year:
        events = events.filter(starts_on__year=year)
    if country:
        events = events.filter(country=country)
    return events.order_by("-starts_on", "name")


def events_attended_by(organization: Organization) -> QuerySet[Event]:
    return (
        Event.objects.published()
        .filter(registrations__organization=organization, registrations__status__in=ATTENDING_STATUSES)
        .distinct()
        .order_by("-starts_on")
    )
