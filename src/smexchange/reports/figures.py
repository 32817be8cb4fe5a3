"""The figures of the event report and of the annual development report, computed from the records.

Each report's figures come from a fixed number of aggregate queries, however large the event or the
year: counting happens in the database, and only the counts come back. The results are plain frozen
dataclasses of codes and numbers; labels, charts and documents are made from them elsewhere.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear

from smexchange.events.enums import ATTENDING_STATUSES, ParticipantRole
from smexchange.events.models import Event, Registration
from smexchange.events.queries import headline_figures
from smexchange.matchmaking.enums import MeetingStatus, RequestStatus, ScheduleStatus
from smexchange.matchmaking.models import Meeting, MeetingRequest
from smexchange.outcomes.enums import DealStage, FollowUpResult
from smexchange.outcomes.models import Deal
from smexchange.reports.transactions import (
    Transaction,
    corridor_counts,
    event_transactions,
    signed_in,
    value_by_currency,
)
from smexchange.vocab.countries import G20_COUNTRIES

# How many corridors the reports list and draw.
TOP_CORRIDORS = 10
# Countries drawn in the corridor matrix: the busiest ones, the rest would be empty rows.
MATRIX_COUNTRIES = 12

Tally = tuple[tuple[str, int], ...]
# Follow-up results that say the meeting took place.
MET_RESULTS = (FollowUpResult.NO_INTEREST, FollowUpResult.FURTHER_TALKS, FollowUpResult.PROSPECTIVE)


class ReportInputError(Exception):
    """A report cannot be made for this input (an unknown event, a year without events)."""


@dataclass(frozen=True)
class Corridor:
    """Two countries (in code order; the same twice for domestic pairs) and how often they met or dealt."""

    a: str
    b: str
    count: int

    @property
    def is_domestic(self) -> bool:
        return self.a == self.b


@dataclass(frozen=True)
class FunnelStep:
    code: str
    count: int


@dataclass(frozen=True)
class EventFigures:
    """The headline figures of one event, with the data behind each chart."""

    event: Event
    participants: int
    countries: int
    by_role: Tally
    by_country: Tally
    association_principals: int
    officials: int
    speeches: int
    booths: int
    meetings_requested: int
    meetings_accepted: int
    meetings_scheduled: int
    meetings_held: int
    no_shows: int
    meeting_corridors: tuple[Corridor, ...]
    prospective_transactions: int = 0
    agreements_signed: int = 0
    value_by_currency: tuple[tuple[str, Decimal], ...] = ()  # of the signed agreements
    pipeline_value_by_currency: tuple[tuple[str, Decimal], ...] = ()  # of every transaction not dropped
    cooperation_types: Tally = ()
    deal_corridors: tuple[Corridor, ...] = ()

    @property
    def funnel(self) -> tuple[FunnelStep, ...]:
        return (
            FunnelStep("requested", self.meetings_requested),
            FunnelStep("scheduled", self.meetings_scheduled),
            FunnelStep("held", self.meetings_held),
            FunnelStep("prospective", self.prospective_transactions),
            FunnelStep("signed", self.agreements_signed),
        )

    @property
    def corridors(self) -> tuple[Corridor, ...]:
        """The corridors the report shows: of deals once there are any, of meetings before."""
        return self.deal_corridors or self.meeting_corridors

    @property
    def corridors_of_deals(self) -> bool:
        return bool(self.deal_corridors)

    @property
    def top_corridors(self) -> tuple[Corridor, ...]:
        """The busiest cross-border corridors."""
        return tuple(c for c in self.corridors if not c.is_domestic)[:TOP_CORRIDORS]

    @property
    def has_matchmaking(self) -> bool:
        return bool(self.meetings_requested or self.meetings_scheduled)


def _tally(rows: Iterable[tuple[str, int]]) -> Tally:
    """Counts, largest first, then by code, without zeros."""
    return tuple(sorted(((code, count) for code, count in rows if count), key=lambda row: (-row[1], row[0])))


def _corridors(pairs: Iterable[tuple[str, str, int]]) -> tuple[Corridor, ...]:
    counts: Counter[tuple[str, str]] = Counter()
    for a, b, count in pairs:
        counts[(min(a, b), max(a, b))] += count
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(Corridor(a, b, count) for (a, b), count in ordered)


def corridor_matrix(
    corridors: Iterable[Corridor], *, size: int = MATRIX_COUNTRIES
) -> tuple[list[str], list[list[int]]]:
    """The busiest countries and a symmetric matrix of the corridors between them (diagonal: domestic)."""
    corridors = list(corridors)
    volume: Counter[str] = Counter()
    for corridor in corridors:
        volume[corridor.a] += corridor.count
        if not corridor.is_domestic:
            volume[corridor.b] += corridor.count
    countries = [code for code, _count in sorted(volume.items(), key=lambda item: (-item[1], item[0]))[:size]]
    index = {code: position for position, code in enumerate(countries)}
    matrix = [[0] * len(countries) for _ in countries]
    for corridor in corridors:
        if corridor.a in index and corridor.b in index:
            i, j = index[corridor.a], index[corridor.b]
            matrix[i][j] = corridor.count
            matrix[j][i] = corridor.count
    return countries, matrix


def _outcome_figures(transactions: list[Transaction]) -> dict[str, object]:
    signed = [t for t in transactions if t.stage == DealStage.SIGNED]
    live = [t for t in transactions if t.stage != DealStage.DROPPED]
    return {
        "prospective_transactions": len(transactions),
        "agreements_signed": len(signed),
        "value_by_currency": value_by_currency(signed),
        "pipeline_value_by_currency": value_by_currency(live),
        "cooperation_types": _tally(Counter(t.cooperation_type for t in transactions).items()),
        "deal_corridors": _corridors(
            (a, b, count) for (a, b), count in corridor_counts(transactions).items()
        ),
    }


def _attending(event: Event) -> Q:
    return Q(event=event, status__in=ATTENDING_STATUSES)


def _meeting_figures(event: Event) -> dict[str, object]:
    requests = MeetingRequest.objects.filter(event=event).aggregate(
        requested=Count("id"), accepted=Count("id", filter=Q(status=RequestStatus.ACCEPTED))
    )
    published = Meeting.objects.filter(schedule__event=event, schedule__status=ScheduleStatus.PUBLISHED)
    # Held: both sides confirmed it on site, or a side's follow-up says what came of it.
    held = ~Q(status__in=(MeetingStatus.CANCELLED, MeetingStatus.NO_SHOW)) & (
        Q(status=MeetingStatus.HELD) | Q(follow_ups__result__in=MET_RESULTS)
    )
    meetings = published.aggregate(
        scheduled=Count("id", filter=~Q(status=MeetingStatus.CANCELLED), distinct=True),
        held=Count("id", filter=held, distinct=True),
        no_shows=Count("id", filter=Q(status=MeetingStatus.NO_SHOW), distinct=True),
    )
    pairs = (
        published.exclude(status=MeetingStatus.CANCELLED)
        .values_list("a__organization__country", "b__organization__country")
        .annotate(count=Count("id"))
        .order_by()
    )
    return {
        "meetings_requested": requests["requested"],
        "meetings_accepted": requests["accepted"],
        "meetings_scheduled": meetings["scheduled"],
        "meetings_held": meetings["held"],
        "no_shows": meetings["no_shows"],
        "meeting_corridors": _corridors(pairs),
    }


def event_figures(event: Event) -> EventFigures:
    """Every figure of the event report, in twelve queries whatever the event's size."""
    headline = headline_figures(event)
    attending = Registration.objects.filter(_attending(event))
    by_role = attending.values_list("role").annotate(count=Count("id")).order_by()
    by_country = attending.values_list("organization__country").annotate(count=Count("id")).order_by()
    role_counts = dict(by_role)
    return EventFigures(
        event=event,
        participants=headline.participants,
        countries=headline.countries,
        by_role=tuple((role, role_counts[role]) for role in ParticipantRole.values if role_counts.get(role)),
        by_country=_tally(by_country),
        association_principals=headline.association_principals,
        officials=headline.officials,
        speeches=headline.speeches,
        booths=headline.booths,
        **_meeting_figures(event),  # type: ignore[arg-type]
        **_outcome_figures(event_transactions(event)),  # type: ignore[arg-type]
    )


def event_by_slug(slug: str) -> Event:
    event = Event.objects.filter(slug=slug).first()
    if event is None:
        raise ReportInputError(f"no event with the slug {slug!r}")
    return event


@dataclass(frozen=True)
class EventRow:
    slug: str
    name: str
    name_zh: str
    kind: str
    country: str
    city: str
    starts_on: dt.date
    participants: int


@dataclass(frozen=True)
class YearTotals:
    year: int
    events: int = 0
    participants: int = 0
    meetings: int = 0
    agreements: int = 0


@dataclass(frozen=True)
class Change:
    """This year against the last: the difference, and the change in percent (None when last was 0)."""

    code: str
    this_year: int
    last_year: int

    @property
    def difference(self) -> int:
        return self.this_year - self.last_year

    @property
    def percent(self) -> float | None:
        if not self.last_year:
            return None
        return round(100.0 * self.difference / self.last_year, 1)


@dataclass(frozen=True)
class AnnualFigures:
    """The annual development report: the events of one year, with running totals since the first year."""

    year: int
    events: tuple[EventRow, ...]
    events_by_country: Tally
    events_by_kind: Tally
    participants: int
    countries: int
    meetings: int
    history: tuple[YearTotals, ...]  # every year from the first event's up to this one
    agreements: int = 0
    agreements_by_cooperation_type: Tally = ()
    agreements_by_sector: Tally = ()
    agreements_by_g20_country: Tally = ()
    value_by_currency: tuple[tuple[str, Decimal], ...] = ()

    @property
    def this_year(self) -> YearTotals:
        return self.history[-1]

    @property
    def last_year(self) -> YearTotals:
        return self.history[-2] if len(self.history) > 1 else YearTotals(self.year - 1)

    @property
    def cumulative(self) -> tuple[YearTotals, ...]:
        """Running totals of participants and agreements, year by year."""
        participants = agreements = events = meetings = 0
        rows = []
        for totals in self.history:
            events += totals.events
            participants += totals.participants
            meetings += totals.meetings
            agreements += totals.agreements
            rows.append(YearTotals(totals.year, events, participants, meetings, agreements))
        return tuple(rows)

    @property
    def changes(self) -> tuple[Change, ...]:
        this, last = self.this_year, self.last_year
        return tuple(
            Change(code, getattr(this, code), getattr(last, code))
            for code in ("events", "participants", "meetings", "agreements")
        )

    @property
    def is_empty(self) -> bool:
        """Events took place, but nothing was recorded of them: no participant, meeting or agreement."""
        return not (self.participants or self.meetings or self.agreements)


def _history(year: int) -> dict[int, dict[str, int]]:
    """Events, participants, meetings and agreements of every year up to `year`, four grouped queries."""
    totals: dict[int, dict[str, int]] = {}
    events = Event.objects.filter(starts_on__year__lte=year).annotate(y=ExtractYear("starts_on"))
    for row in events.values("y").annotate(count=Count("id")).order_by():
        totals.setdefault(row["y"], {})["events"] = row["count"]
    registrations = Registration.objects.filter(
        event__starts_on__year__lte=year, status__in=ATTENDING_STATUSES
    ).annotate(y=ExtractYear("event__starts_on"))
    for row in registrations.values("y").annotate(count=Count("id")).order_by():
        totals.setdefault(row["y"], {})["participants"] = row["count"]
    meetings = (
        Meeting.objects.filter(
            schedule__status=ScheduleStatus.PUBLISHED, schedule__event__starts_on__year__lte=year
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .annotate(y=ExtractYear("schedule__event__starts_on"))
    )
    for row in meetings.values("y").annotate(count=Count("id")).order_by():
        totals.setdefault(row["y"], {})["meetings"] = row["count"]
    agreements = Deal.objects.filter(stage=DealStage.SIGNED, signed_on__year__lte=year).annotate(
        y=ExtractYear("signed_on")
    )
    for row in agreements.values("y").annotate(count=Count("id")).order_by():
        totals.setdefault(row["y"], {})["agreements"] = row["count"]
    return totals


def _year_rows(year: int, totals: dict[int, dict[str, int]]) -> tuple[YearTotals, ...]:
    first = min(totals, default=year)
    return tuple(YearTotals(y, **totals.get(y, {})) for y in range(first, year + 1))


def annual_figures(year: int) -> AnnualFigures:
    """Every figure of the annual report of `year`; raises ReportInputError for a year without events."""
    events = list(
        Event.objects.filter(starts_on__year=year)
        .annotate(
            participant_count=Count("registrations", filter=Q(registrations__status__in=ATTENDING_STATUSES))
        )
        .order_by("starts_on", "slug")
    )
    if not events:
        raise ReportInputError(f"no events took place in {year}")
    rows = tuple(
        EventRow(e.slug, e.name, e.name_zh, e.kind, e.country, e.city, e.starts_on, e.participant_count)
        for e in events
    )
    countries = (
        Registration.objects.filter(event__starts_on__year=year, status__in=ATTENDING_STATUSES)
        .values("organization__country")
        .distinct()
        .count()
    )
    totals = _history(year)
    history = _year_rows(year, totals)
    signed = signed_in(year)
    return AnnualFigures(
        year=year,
        events=rows,
        events_by_country=_tally(Counter(row.country for row in rows).items()),
        events_by_kind=_tally(Counter(row.kind for row in rows).items()),
        participants=history[-1].participants,
        countries=countries,
        meetings=history[-1].meetings,
        history=history,
        agreements=len(signed),
        agreements_by_cooperation_type=_tally(Counter(t.cooperation_type for t in signed).items()),
        agreements_by_sector=_tally(Counter(t.sector for t in signed if t.sector).items()),
        agreements_by_g20_country=_tally(
            Counter(code for t in signed for code in set(t.countries) if code in G20_COUNTRIES).items()
        ),
        value_by_currency=value_by_currency(signed),
    )
