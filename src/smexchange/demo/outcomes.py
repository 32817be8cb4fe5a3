"""What came of the demo world's events: the expo's follow-ups and prospective transactions, agreements
signed over the later events, the expo's partnerships and the Shanghai Manifesto with its signatories.

Written through the outcome services, deterministically from the seed; a second run finds what the
first one wrote and adds nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils.text import slugify

from smexchange.demo.expo_programme import EXPO_DAY
from smexchange.demo.helpers import at
from smexchange.demo.later_events import editions
from smexchange.directory.models import Organization
from smexchange.events import services as events
from smexchange.events.enums import ATTENDING_STATUSES, EventKind, ProgrammeKind, SpeakerRole
from smexchange.events.models import Event, ProgrammeItem, Registration
from smexchange.matchmaking.enums import ScheduleStatus
from smexchange.matchmaking.models import Meeting
from smexchange.outcomes.enums import DealStage, FollowUpResult, PartnershipKind
from smexchange.outcomes.models import Deal, Manifesto, MeetingFollowUp, Partnership
from smexchange.outcomes.services.deals import advance_deal_stage, create_deal, create_deal_from_follow_up
from smexchange.outcomes.services.follow_ups import record_follow_up
from smexchange.outcomes.services.partnerships import (
    add_manifesto_signatory,
    create_manifesto,
    record_partnership,
)
from smexchange.vocab.cooperation import COOPERATION_TYPES

# The alliance's history: 152 prospective transactions at the expo, more than 200 agreements after it.
EXPO_PROSPECTIVE = 152
SIGNED_AGREEMENTS = 212
EXPO_SIGNED_SHARE = 0.2  # of the expo's prospective transactions, signed in the months after it
MANIFESTO_TITLE = "Shanghai Manifesto on Global SME Cooperation"
MANIFESTO_TITLE_ZH = "全球中小企业合作上海宣言"
MANIFESTO_TEXT = (
    "We, the trade associations of small and medium enterprises gathered in Shanghai on 13 July 2009, "
    "declare that SMEs are the engine of employment and innovation in every G20 economy; that the crisis "
    "calls for more cooperation across borders, not less; and that our associations will open their "
    "networks to one another's members, exchange market information, organize partnership weeks and "
    "one-on-one matchmaking, and report each year on the development of SMEs in the G20.\n\n"
    "我们，2009年7月13日汇聚上海的各国中小企业行业协会，郑重宣告：中小企业是二十国集团各经济体就业与创新的引擎；"
    "应对危机需要更多而非更少的跨国合作；我们的协会将相互开放会员网络，交流市场信息，举办合作周和一对一配对洽谈，"
    "并每年发布二十国集团中小企业发展报告。"
)
CEREMONY_TITLE = "Signing Ceremony of Business Cooperation Agreements"
CEREMONY_TITLE_ZH = "商务合作协议签约仪式"
_AGREEMENT_KINDS = (EventKind.PARTNERSHIP_WEEK, EventKind.MATCHMAKING_CONFERENCE)

CURRENCY_OF_COUNTRY = {
    "CN": "CNY", "US": "USD", "GB": "GBP", "CA": "CAD", "AU": "AUD", "DE": "EUR", "FR": "EUR", "IT": "EUR",
    "JP": "JPY", "KR": "KRW", "RU": "RUB", "SA": "SAR", "BR": "BRL", "MX": "MXN", "AR": "ARS", "IN": "INR",
    "ID": "IDR", "TR": "TRY", "ZA": "ZAR",
}  # fmt: skip
# Rough value of one US dollar in each currency, so that deal values look like their currency.
_PER_USD = {
    "CNY": 6.8, "USD": 1, "GBP": 0.6, "CAD": 1.1, "AUD": 1.2, "EUR": 0.7, "JPY": 95, "KRW": 1200,
    "RUB": 30, "SAR": 3.75, "BRL": 2, "MXN": 13, "ARS": 3.8, "INR": 48, "IDR": 10000, "TRY": 1.5, "ZAR": 8,
}  # fmt: skip


@dataclass(frozen=True)
class OutcomesSummary:
    follow_ups: int
    prospective: int
    deals: int
    signed: int
    partnerships: int
    signatories: int

    def line(self) -> str:
        return (
            f"{self.follow_ups} meeting follow-ups, {self.prospective} prospective transactions at the expo, "
            f"{self.deals} deals ({self.signed} signed agreements), {self.partnerships} partnerships, "
            f"a manifesto with {self.signatories} signatories"
        )


def build_outcomes(expo: Event, *, seed: int, by: Any = None) -> OutcomesSummary:
    """The outcomes of the expo and of every later event in the database.

    `by` (default: the expo's first organizer) records the expo's follow-ups on the participants'
    behalf, as on site; without an organizer the expo gets no follow-ups.
    """
    rng = random.Random(seed * 7919 + 5)
    if by is None:
        member = expo.team.select_related("user").order_by("id").first()
        by = member.user if member is not None else None
    _expo_ceremonies(expo)
    if not MeetingFollowUp.objects.filter(event=expo).exists():
        _expo_follow_ups(rng, expo, by=by)
    quotas = agreement_quotas(seed)
    for event in Event.objects.filter(kind__in=_AGREEMENT_KINDS, starts_on__gt=expo.ends_on).order_by(
        "starts_on", "slug"
    ):
        if not Deal.objects.filter(event=event).exists():
            _later_agreements(random.Random(f"{seed}:{event.slug}"), event, quotas.get(event.slug, 0))
    manifesto = Manifesto.objects.filter(title=MANIFESTO_TITLE).first()
    return OutcomesSummary(
        follow_ups=MeetingFollowUp.objects.count(),
        prospective=Deal.objects.filter(event=expo).count(),
        deals=Deal.objects.count(),
        signed=Deal.objects.signed().count(),
        partnerships=Partnership.objects.count(),
        signatories=manifesto.signatories.count() if manifesto else 0,
    )


# The expo's ceremonies ------------------------------------------------------------------------


def _body(name_latin: str) -> Organization | None:
    return Organization.objects.filter(Q(name_latin=name_latin) | Q(name=name_latin)).order_by("pk").first()


def _ceremony(event: Event, starts_with: str) -> ProgrammeItem | None:
    return event.programme.filter(kind=ProgrammeKind.SIGNING_CEREMONY, title__startswith=starts_with).first()


def _expo_ceremonies(expo: Event) -> None:
    if Manifesto.objects.filter(title=MANIFESTO_TITLE).exists():
        return
    alliance = _body("Global Alliance of SMEs")
    pairs = (
        (
            PartnershipKind.PARTNER_CITIES,
            "Partnership cities: Xiuzhou District of Jiaxing and Mountain View",
            "友好合作城市：嘉兴市秀洲区与美国山景城",
            "Partnership City Signing",
            [_body("People's Government of Xiuzhou District, Jiaxing"), _body("City of Mountain View")],
        ),
        (
            PartnershipKind.CLUSTER_BASE,
            "Global Stationery Industry Cooperation Base (Ninghai County)",
            "全球文具产业合作基地（宁海县）",
            "Signing Ceremony of the Global Stationery",
            [alliance, _body("Ninghai County People's Government")],
        ),
        (
            PartnershipKind.CLUSTER_BASE,
            "Global Woodcarving Industry Cooperation Base (Dongyang)",
            "全球木雕产业合作基地（东阳）",
            "Signing Ceremony of the Global Woodcarving",
            [alliance, _body("Dongyang Municipal People's Government")],
        ),
    )
    for kind, title, title_zh, ceremony_title, parties in pairs:
        ceremony = _ceremony(expo, ceremony_title)
        present = [party for party in parties if party is not None]
        if ceremony is None or len(present) < 2:
            continue  # a world built without the public bodies or the programme
        record_partnership(
            kind=kind, title=title, title_zh=title_zh, parties=present, signed_on=EXPO_DAY, ceremony=ceremony
        )
    ceremony = _ceremony(expo, "Signing of the Shanghai Manifesto")
    manifesto = create_manifesto(
        title=MANIFESTO_TITLE, title_zh=MANIFESTO_TITLE_ZH, text=MANIFESTO_TEXT, signed_on=EXPO_DAY,
        ceremony=ceremony, event=expo,
    )  # fmt: skip
    signed: set[int] = set()
    signatories = ceremony.speaker_links.filter(role=SpeakerRole.SIGNATORY) if ceremony else []
    for link in signatories:
        person = link.person
        if person.organization_id in signed:
            continue
        signed.add(person.organization_id)
        add_manifesto_signatory(
            manifesto,
            organization=person.organization,
            signed_by=person.latin_name,
            signed_by_title=person.title,
        )


# The expo's follow-ups and prospective transactions ----------------------------------------------


def _value(rng: random.Random, currency: str) -> Decimal:
    dollars = rng.lognormvariate(11.5, 1.1)  # a median near 100,000 dollars, a long tail
    amount = dollars * _PER_USD[currency]
    magnitude = 10 ** max(0, len(str(int(amount))) - 2)
    return Decimal(round(amount / magnitude) * magnitude)


def _cooperation_type(rng: random.Random) -> str:
    return rng.choice(list(COOPERATION_TYPES))


def _expo_meetings(expo: Event) -> list[Meeting]:
    return list(
        Meeting.objects.filter(schedule__event=expo, schedule__status=ScheduleStatus.PUBLISHED)
        .select_related("slot", "a__organization", "b__organization", "a__person", "b__person")
        .order_by("slot__starts_at", "id")
    )


def _expo_follow_ups(rng: random.Random, expo: Event, *, by: Any) -> None:
    # The demo participant's own meetings stay open, for them to record.
    meetings = [m for m in _expo_meetings(expo) if m.a.person.user_id is None and m.b.person.user_id is None]
    if not meetings or by is None:
        return
    prospective = set(rng.sample(range(len(meetings)), min(EXPO_PROSPECTIVE, round(len(meetings) * 0.65))))
    for index, meeting in enumerate(meetings):
        after = meeting.slot.ends_at + dt.timedelta(minutes=rng.randint(1, 90))
        record = {"recorded_by": by, "on_behalf": True, "now": after}
        if index in prospective:
            _prospective_meeting(rng, meeting, record)
            continue
        draw = rng.random()
        if draw < 0.08:
            absent_side = rng.choice((meeting.a, meeting.b))
            present = meeting.b if absent_side is meeting.a else meeting.a
            record_follow_up(
                meeting, organization=present.organization, result=FollowUpResult.NO_SHOW, **record
            )
            continue
        for side in (meeting.a, meeting.b):
            if rng.random() < 0.15:
                continue  # this side never answered: a reminder's job
            result = FollowUpResult.FURTHER_TALKS if rng.random() < 0.55 else FollowUpResult.NO_INTEREST
            next_step = (
                "Exchange catalogues and price lists" if result == FollowUpResult.FURTHER_TALKS else ""
            )
            record_follow_up(
                meeting, organization=side.organization, result=result, next_step=next_step, **record
            )


def _prospective_meeting(rng: random.Random, meeting: Meeting, record: dict[str, Any]) -> None:
    kind = _cooperation_type(rng)
    currency = CURRENCY_OF_COUNTRY.get(meeting.b.organization.country, "USD")
    value = _value(rng, currency) if rng.random() < 0.85 else None
    follow_up = record_follow_up(
        meeting,
        organization=meeting.a.organization,
        result=FollowUpResult.PROSPECTIVE,
        cooperation_type=kind,
        estimated_value=value,
        currency=currency if value is not None else "",
        next_step="Visit the factory and agree terms",
        **record,
    )
    if rng.random() < 0.7:
        record_follow_up(
            meeting, organization=meeting.b.organization, result=FollowUpResult.PROSPECTIVE, cooperation_type=kind,
            next_step="Send a draft contract", **record,
        )  # fmt: skip
    deal = create_deal_from_follow_up(
        follow_up, by=record["recorded_by"], opened_on=EXPO_DAY, now=record["now"]
    )
    _progress(rng, deal, opened=EXPO_DAY, signed_share=EXPO_SIGNED_SHARE, by=record["recorded_by"])


def _progress(rng: random.Random, deal: Deal, *, opened: dt.date, signed_share: float, by: Any) -> Deal:
    """Move an expo deal on over the following months: most negotiate, some sign, some drop out."""
    draw = rng.random()
    if draw < 0.35:
        return deal
    talks = opened + dt.timedelta(days=rng.randint(7, 60))
    deal = advance_deal_stage(deal, to_stage=DealStage.NEGOTIATION, by=by, now=_noon(talks))
    if draw < 0.35 + signed_share:
        signed_on = talks + dt.timedelta(days=rng.randint(14, 240))
        return advance_deal_stage(
            deal, to_stage=DealStage.SIGNED, signed_on=signed_on, by=by, now=_noon(signed_on)
        )
    if draw > 0.9:
        return advance_deal_stage(
            deal, to_stage=DealStage.DROPPED, by=by, now=_noon(talks + dt.timedelta(days=45))
        )
    return deal


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)


# Agreements signed at the later events ---------------------------------------------------------


def agreement_quotas(seed: int) -> dict[str, int]:
    """Signed agreements per later event (by slug), from the full list of editions so that every world
    agrees: with the expo's own signed deals they add up to SIGNED_AGREEMENTS in the full world."""
    rng = random.Random(f"{seed}:agreements")
    slugs = [
        slugify(series.name.format(year=edition[0]))
        for series, edition in editions()
        if series.kind in _AGREEMENT_KINDS
    ]
    remaining = max(0, SIGNED_AGREEMENTS - round(EXPO_PROSPECTIVE * EXPO_SIGNED_SHARE))
    weights = [rng.uniform(0.6, 1.4) for _ in slugs]
    total = sum(weights)
    quotas = [int(remaining * weight / total) for weight in weights]
    for index in range(remaining - sum(quotas)):
        quotas[index % len(quotas)] += 1
    return dict(zip(slugs, quotas, strict=True))


def _signing_ceremony(event: Event) -> ProgrammeItem:
    existing = event.programme.filter(kind=ProgrammeKind.SIGNING_CEREMONY, title=CEREMONY_TITLE).first()
    if existing is not None:
        return existing
    return events.add_programme_item(
        event,
        kind=ProgrammeKind.SIGNING_CEREMONY,
        title=CEREMONY_TITLE,
        title_zh=CEREMONY_TITLE_ZH,
        starts_at=at(event, event.ends_on, "17:40"),
        ends_at=at(event, event.ends_on, "18:20"),
        location="Plenary Hall",
        description="Companies that met at the matchmaking sign their cooperation agreements.",
    )


def _later_agreements(rng: random.Random, event: Event, quota: int) -> None:
    """`quota` agreements signed at the event's ceremony, plus deals still open or dropped."""
    registrations = list(
        Registration.objects.filter(event=event, status__in=ATTENDING_STATUSES, organization__kind="sme")
        .select_related("organization")
        .order_by("id")
    )
    chinese = [r.organization for r in registrations if r.organization.country == "CN"]
    foreign = [r.organization for r in registrations if r.organization.country != "CN"]
    if not chinese or not foreign or quota == 0:
        return
    ceremony = _signing_ceremony(event)
    signing_day = ceremony.starts_at.astimezone(event.zone).date()
    for number in range(quota + quota // 3):
        first, second = rng.choice(chinese), rng.choice(foreign)
        kind = _cooperation_type(rng)
        currency = rng.choice((CURRENCY_OF_COUNTRY.get(second.country, "USD"), "USD", "CNY"))
        value = _value(rng, currency) if rng.random() < 0.85 else None
        sector = first.sectors.order_by("code").first()
        signs = number < quota
        deal = create_deal(
            title=f"{COOPERATION_TYPES[kind].en}: {first.name_latin or first.name} – {second.name}",
            parties=[first, second],
            cooperation_type=kind,
            opened_on=event.starts_on,
            event=event,
            sector=sector,
            value=value,
            currency=currency if value is not None else "",
            ceremony=ceremony if signs else None,
            now=_noon(event.starts_on),
        )
        if signs:
            advance_deal_stage(deal, to_stage=DealStage.NEGOTIATION, by=None, now=_noon(event.starts_on))
            advance_deal_stage(
                deal, to_stage=DealStage.SIGNED, signed_on=signing_day, by=None, now=_noon(signing_day)
            )
        elif rng.random() < 0.3:
            advance_deal_stage(deal, to_stage=DealStage.DROPPED, by=None, now=_noon(event.ends_on))
