"""The report figures against an independent count: plain loops over every row of the seeded world."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smexchange.events.enums import ATTENDING_STATUSES, OFFICIAL_ROLES, ParticipantRole, ProgrammeKind
from smexchange.events.models import Booth, Event, ProgrammeItem, Registration
from smexchange.matchmaking.enums import MeetingStatus
from smexchange.matchmaking.models import Meeting, MeetingRequest
from smexchange.outcomes.models import Deal, DealParty, MeetingFollowUp
from smexchange.reports.figures import (
    Corridor,
    ReportInputError,
    annual_figures,
    corridor_matrix,
    event_by_slug,
    event_figures,
)
from smexchange.vocab.countries import G20_COUNTRIES
from tests.factories.events import EventFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _attending(event: Event) -> list[Registration]:
    return [
        r
        for r in Registration.objects.select_related("organization")
        if r.event_id == event.pk and r.status in ATTENDING_STATUSES
    ]


def _published_meetings(event: Event) -> list[Meeting]:
    return [
        m
        for m in Meeting.objects.select_related("schedule", "a__organization", "b__organization")
        if m.schedule.event_id == event.pk and m.schedule.status == "published"
    ]


def test_event_figures_match_an_independent_count(report_world):
    expo = report_world.expo
    people = _attending(expo)
    meetings = _published_meetings(expo)

    figures = event_figures(expo)

    assert figures.participants == len(people)
    assert figures.countries == len({r.organization.country for r in people})
    assert dict(figures.by_role) == dict(Counter(r.role for r in people))
    assert dict(figures.by_country) == dict(Counter(r.organization.country for r in people))
    assert figures.association_principals == sum(
        r.role == ParticipantRole.ASSOCIATION_PRINCIPAL for r in people
    )
    assert figures.officials == sum(r.role in OFFICIAL_ROLES for r in people)
    assert figures.speeches == sum(
        item.event_id == expo.pk and item.kind == ProgrammeKind.SPEECH for item in ProgrammeItem.objects.all()
    )
    assert figures.booths == sum(booth.event_id == expo.pk for booth in Booth.objects.all())
    assert figures.meetings_requested == sum(r.event_id == expo.pk for r in MeetingRequest.objects.all())
    assert figures.meetings_accepted == sum(
        r.event_id == expo.pk and r.status == "accepted" for r in MeetingRequest.objects.all()
    )
    assert figures.meetings_scheduled == sum(m.status != MeetingStatus.CANCELLED for m in meetings)
    met = {
        f.meeting_id
        for f in MeetingFollowUp.objects.all()
        if f.result in ("no_interest", "further_talks", "prospective")
    }
    assert figures.meetings_held == sum(
        m.status == MeetingStatus.HELD or (m.status == MeetingStatus.SCHEDULED and m.pk in met)
        for m in meetings
    )
    assert figures.meetings_held > sum(m.status == MeetingStatus.HELD for m in meetings)
    assert figures.no_shows == sum(m.status == MeetingStatus.NO_SHOW for m in meetings)
    assert figures.meetings_scheduled > 0
    assert figures.meetings_held > 0


def test_event_figures_corridors_count_each_pair_of_countries_once(report_world):
    expo = report_world.expo
    pairs: Counter[tuple[str, str]] = Counter()
    for m in _published_meetings(expo):
        if m.status != MeetingStatus.CANCELLED:
            pairs[tuple(sorted((m.a.organization.country, m.b.organization.country)))] += 1  # type: ignore[arg-type]

    figures = event_figures(expo)

    assert {(c.a, c.b): c.count for c in figures.meeting_corridors} == dict(pairs)
    assert [c.count for c in figures.meeting_corridors] == sorted(pairs.values(), reverse=True)
    assert all(not c.is_domestic for c in figures.top_corridors)


def test_event_figures_by_role_and_country_are_sorted(report_world):
    figures = event_figures(report_world.expo)

    counts = [count for _code, count in figures.by_country]
    assert counts == sorted(counts, reverse=True)
    assert [role for role, _count in figures.by_role] == [
        role for role in ParticipantRole.values if role in dict(figures.by_role)
    ]


def test_event_figures_take_the_same_number_of_queries_for_a_bigger_event(report_world):
    with CaptureQueriesContext(connection) as small:
        event_figures(report_world.later)
    with CaptureQueriesContext(connection) as big:
        event_figures(report_world.expo)

    assert [q["sql"][:60] for q in small] == [q["sql"][:60] for q in big]
    assert len(big) == 11  # the headline figures take two queries


def test_event_figures_funnel_runs_from_requests_to_signed(report_world):
    figures = event_figures(report_world.expo)

    assert [step.code for step in figures.funnel] == [
        "requested",
        "scheduled",
        "held",
        "prospective",
        "signed",
    ]
    assert figures.funnel[0].count == figures.meetings_requested


def test_event_by_slug_unknown_event_raises():
    with pytest.raises(ReportInputError, match="no event with the slug 'nowhere-2031'"):
        event_by_slug("nowhere-2031")


def test_annual_figures_match_an_independent_count(report_world):
    events_2009 = [e for e in Event.objects.all() if e.starts_on.year == 2009]
    people = [r for e in events_2009 for r in _attending(e)]
    meetings = [m for e in events_2009 for m in _published_meetings(e) if m.status != MeetingStatus.CANCELLED]

    figures = annual_figures(2009)

    assert [row.slug for row in figures.events] == [
        e.slug for e in sorted(events_2009, key=lambda e: e.starts_on)
    ]
    assert [row.participants for row in figures.events] == [
        len(_attending(e)) for e in sorted(events_2009, key=lambda e: e.starts_on)
    ]
    assert dict(figures.events_by_country) == dict(Counter(e.country for e in events_2009))
    assert dict(figures.events_by_kind) == dict(Counter(e.kind for e in events_2009))
    assert figures.participants == len(people)
    assert figures.countries == len({r.organization.country for r in people})
    assert figures.meetings == len(meetings)


def test_annual_figures_cumulate_and_compare_with_the_year_before(report_world):
    people_2009 = sum(len(_attending(e)) for e in Event.objects.all() if e.starts_on.year == 2009)
    people_2010 = len(_attending(report_world.later))

    figures = annual_figures(2010)

    assert [(row.year, row.participants) for row in figures.cumulative] == [
        (2009, people_2009),
        (2010, people_2009 + people_2010),
    ]
    change = {c.code: c for c in figures.changes}
    assert (change["events"].last_year, change["events"].this_year) == (2, 1)
    assert change["events"].percent == -50.0
    assert change["participants"].difference == people_2010 - people_2009


def test_annual_figures_year_without_events_raises(report_world):
    with pytest.raises(ReportInputError, match="no events took place in 2031"):
        annual_figures(2031)


def test_annual_figures_year_with_empty_events_is_empty():
    EventFactory(
        starts_on=__import__("datetime").date(2013, 5, 1), ends_on=__import__("datetime").date(2013, 5, 2)
    )

    figures = annual_figures(2013)

    assert figures.is_empty
    assert len(figures.events) == 1


@pytest.mark.unit
def test_corridor_matrix_is_symmetric_with_domestic_on_the_diagonal():
    corridors = [Corridor("CN", "US", 5), Corridor("CN", "CN", 2), Corridor("BR", "CN", 1)]

    countries, matrix = corridor_matrix(corridors)

    assert countries == ["CN", "US", "BR"]
    assert matrix == [[2, 5, 1], [5, 0, 0], [1, 0, 0]]


def _countries_of(deal: Deal) -> list[str]:
    return [
        party.organization.country
        for party in DealParty.objects.select_related("organization")
        if party.deal_id == deal.pk
    ]


def _transactions(event: Event) -> list[tuple[str, str, Decimal | None, str, list[str]]]:
    """(cooperation type, stage, value, currency, countries) of each transaction, recounted by hand."""
    rows, seen = [], set()
    for deal in Deal.objects.all():
        if deal.event_id == event.pk:
            rows.append((deal.cooperation_type, deal.stage, deal.value, deal.currency, _countries_of(deal)))
            seen.add(
                ("meeting", deal.meeting_id) if deal.meeting_id else ("request", deal.follow_up.request_id)
            )
    for follow_up in MeetingFollowUp.objects.order_by("recorded_at", "id"):
        if follow_up.event_id != event.pk or follow_up.result != "prospective" or follow_up.deals.exists():
            continue
        key = ("meeting", follow_up.meeting_id) if follow_up.meeting_id else ("request", follow_up.request_id)
        if key in seen:
            continue
        seen.add(key)
        if follow_up.meeting_id:
            sides = [follow_up.meeting.a, follow_up.meeting.b]
        else:
            sides = [follow_up.request.requester, follow_up.request.recipient]
        countries = [side.organization.country for side in sides]
        rows.append(
            (
                follow_up.cooperation_type,
                "prospective",
                follow_up.estimated_value,
                follow_up.currency,
                countries,
            )
        )
    return rows


def _sums(rows) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for _kind, _stage, value, currency, _countries in rows:
        if value is not None:
            totals[currency] = totals.get(currency, Decimal(0)) + value
    return totals


def test_event_outcome_figures_match_an_independent_count(report_world):
    expo = report_world.expo
    rows = _transactions(expo)
    signed = [row for row in rows if row[1] == "signed"]
    corridors: Counter[tuple[str, str]] = Counter()
    for row in rows:
        pairs = {tuple(sorted((a, b))) for i, a in enumerate(row[4]) for b in row[4][i + 1 :]}
        corridors.update(pairs)

    figures = event_figures(expo)

    assert figures.prospective_transactions == len(rows)
    assert figures.agreements_signed == len(signed)
    assert dict(figures.value_by_currency) == _sums(signed)
    assert dict(figures.pipeline_value_by_currency) == _sums([row for row in rows if row[1] != "dropped"])
    assert dict(figures.cooperation_types) == dict(Counter(row[0] for row in rows))
    assert {(c.a, c.b): c.count for c in figures.deal_corridors} == dict(corridors)
    assert figures.corridors == figures.deal_corridors
    assert figures.prospective_transactions > figures.agreements_signed > 0


def test_event_prospective_transaction_reported_by_both_sides_counts_once(report_world):
    expo = report_world.expo
    before = event_figures(expo).prospective_transactions
    meeting = next(
        m for m in _published_meetings(expo)
        if m.status != MeetingStatus.CANCELLED and not m.follow_ups.exists() and not m.deals.exists()
    )  # fmt: skip
    for side in (meeting.a, meeting.b):
        MeetingFollowUp.objects.create(
            meeting=meeting,
            event=expo,
            organization=side.organization,
            result="prospective",
            cooperation_type="franchise",
        )

    after = event_figures(expo)

    assert after.prospective_transactions == before + 1


def test_annual_agreements_match_an_independent_count(report_world):
    signed = [
        d for d in Deal.objects.select_related("sector") if d.stage == "signed" and d.signed_on.year == 2010
    ]
    by_g20: Counter[str] = Counter()
    for deal in signed:
        by_g20.update({code for code in _countries_of(deal) if code in G20_COUNTRIES})
    values: dict[str, Decimal] = {}
    for deal in signed:
        if deal.value is not None:
            values[deal.currency] = values.get(deal.currency, Decimal(0)) + deal.value

    figures = annual_figures(2010)

    assert figures.agreements == len(signed) > 0
    assert dict(figures.agreements_by_cooperation_type) == dict(Counter(d.cooperation_type for d in signed))
    assert dict(figures.agreements_by_sector) == dict(Counter(d.sector.section for d in signed if d.sector))
    assert dict(figures.agreements_by_g20_country) == dict(by_g20)
    assert "TH" not in dict(figures.agreements_by_g20_country)
    assert dict(figures.value_by_currency) == values
    signed_by_year = Counter(d.signed_on.year for d in Deal.objects.all() if d.stage == "signed")
    assert [(row.year, row.agreements) for row in figures.cumulative] == [
        (2009, signed_by_year[2009]),
        (2010, signed_by_year[2009] + signed_by_year[2010]),
    ]
