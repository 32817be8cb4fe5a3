"""Reusable reads of events: listings, headline figures, the programme by day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Count, Prefetch, Q, QuerySet

from smexchange.directory.models import Organization
from smexchange.events.enums import (
    ATTENDING_STATUSES,
    OFFICIAL_ROLES,
    ParticipantRole,
    ProgrammeKind,
)
from smexchange.events.models import Event, EventPartner, MatchmakingSession, ProgrammeItem, ProgrammeSpeaker


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
    """The figures an event page and its press release lead with, in three queries."""
    attending = Q(registrations__status__in=ATTENDING_STATUSES)
    people = Event.objects.filter(pk=event.pk).aggregate(
        participants=Count("registrations", filter=attending),
        countries=Count("registrations__organization__country", filter=attending, distinct=True),
        principals=Count(
            "registrations", filter=attending & Q(registrations__role=ParticipantRole.ASSOCIATION_PRINCIPAL)
        ),
        officials=Count("registrations", filter=attending & Q(registrations__role__in=OFFICIAL_ROLES)),
    )
    venue = Event.objects.filter(pk=event.pk).aggregate(
        booths=Count("booths", distinct=True),
        tables=Count("tables", distinct=True),
    )
    programme = Event.objects.filter(pk=event.pk).aggregate(
        speeches=Count("programme", filter=Q(programme__kind=ProgrammeKind.SPEECH), distinct=True),
        meeting_slots=Count("matchmaking_sessions__slots", distinct=True),
    )
    return HeadlineFigures(
        participants=people["participants"],
        countries=people["countries"],
        association_principals=people["principals"],
        officials=people["officials"],
        speeches=programme["speeches"],
        booths=venue["booths"],
        tables=venue["tables"],
        meeting_slots=programme["meeting_slots"],
    )


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
