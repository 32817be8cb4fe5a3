"""Prospective transactions and agreements, as the reports count them, in a fixed number of queries.

A transaction is one business opportunity between two sides of a meeting (or of a meeting request
where no meeting was scheduled). Every deal is one, whatever its stage now, since each deal began
as a prospective transaction. A follow-up that reports a prospective transaction is one too until a
deal is opened from it; when both sides of a meeting report it, it still counts once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from smexchange.events.models import Event
from smexchange.outcomes.enums import DealStage, FollowUpResult
from smexchange.outcomes.models import Deal, DealParty, MeetingFollowUp
from smexchange.vocab.isic import section_of

Key = tuple[str, int]


@dataclass(frozen=True)
class Transaction:
    cooperation_type: str
    countries: tuple[str, ...]  # of the parties, one entry per party
    stage: str  # a deal's stage; "prospective" for a follow-up without a deal
    value: Decimal | None
    currency: str
    sector: str = ""  # ISIC section of a deal's sector, "" when none
    signed_year: int | None = None


def _pairs(countries: Iterable[str]) -> list[tuple[str, str]]:
    codes = sorted(countries)
    return [(a, b) for a, b in combinations(codes, 2)]


def corridor_counts(transactions: Iterable[Transaction]) -> Counter[tuple[str, str]]:
    """How many transactions each pair of countries shares (a pair of the same country: domestic)."""
    counts: Counter[tuple[str, str]] = Counter()
    for transaction in transactions:
        for pair in set(_pairs(transaction.countries)):
            counts[pair] += 1
    return counts


def _deal_rows(**filters: object) -> list[Transaction]:
    """Deals matching `filters` (Deal fields), with their parties' countries: two queries."""
    parties: dict[int, list[str]] = defaultdict(list)
    party_filters = {f"deal__{name}": value for name, value in filters.items()}
    for deal_id, country in DealParty.objects.filter(**party_filters).values_list(
        "deal_id", "organization__country"
    ):
        parties[deal_id].append(country)
    rows = (
        Deal.objects.filter(**filters)
        .order_by("id")
        .values_list("id", "cooperation_type", "stage", "value", "currency", "sector_id", "signed_on")
    )
    return [
        Transaction(
            cooperation_type=kind,
            countries=tuple(parties.get(pk, ())),
            stage=stage,
            value=value,
            currency=currency,
            sector=section_of(sector) if sector else "",
            signed_year=signed.year if signed else None,
        )
        for pk, kind, stage, value, currency, sector, signed in rows
    ]


def event_transactions(event: Event) -> list[Transaction]:
    """The event's deals, then its prospective follow-ups that no deal came from, once per meeting."""
    deals = _deal_rows(event=event)
    dealt: set[Key] = set()
    for meeting, request in Deal.objects.filter(event=event).values_list(
        "meeting_id", "follow_up__request_id"
    ):
        if meeting is not None:
            dealt.add(("meeting", meeting))
        if request is not None:
            dealt.add(("request", request))
    follow_ups = (
        MeetingFollowUp.objects.filter(event=event, result=FollowUpResult.PROSPECTIVE, deals__isnull=True)
        .order_by("recorded_at", "id")
        .values_list(
            "meeting_id",
            "request_id",
            "cooperation_type",
            "estimated_value",
            "currency",
            "meeting__a__organization__country",
            "meeting__b__organization__country",
            "request__requester__organization__country",
            "request__recipient__organization__country",
        )
    )
    reported: list[Transaction] = []
    for meeting, request, kind, value, currency, a, b, requester, recipient in follow_ups:
        key: Key = ("meeting", meeting) if meeting is not None else ("request", request)
        if key in dealt:
            continue
        dealt.add(key)
        countries = (a, b) if meeting is not None else (requester, recipient)
        reported.append(Transaction(kind, countries, DealStage.PROSPECTIVE, value, currency))
    return deals + reported


def signed_in(year: int) -> list[Transaction]:
    """The agreements signed in `year`, at an event or not."""
    return _deal_rows(stage=DealStage.SIGNED, signed_on__year=year)


def value_by_currency(transactions: Iterable[Transaction]) -> tuple[tuple[str, Decimal], ...]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for transaction in transactions:
        if transaction.value is not None and transaction.currency:
            totals[transaction.currency] += transaction.value
    return tuple(sorted(totals.items()))
