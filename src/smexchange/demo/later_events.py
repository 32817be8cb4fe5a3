"""The partnership weeks, matchmaking conferences, summits, forums and roundtables of 2009-2015."""

from __future__ import annotations

import datetime as dt

from django.utils.text import slugify

from smexchange.demo.helpers import ROLE_BY_KIND, at, register_people
from smexchange.demo.places import COUNTRY_CODES, City, city_named
from smexchange.demo.roster import Roster
from smexchange.demo.series import PANEL_TITLES, SERIES, SPEECH_TITLES, Series
from smexchange.directory.models import Organization, Person
from smexchange.events import services as events
from smexchange.events.enums import EventKind, PartnerRole
from smexchange.events.enums import ProgrammeKind as K
from smexchange.events.enums import SpeakerRole as S
from smexchange.events.models import Event
from smexchange.vocab.countries import country_label

# (fewest, most) participants by kind of event.
_SIZES: dict[str, tuple[int, int]] = {
    EventKind.PARTNERSHIP_WEEK: (120, 200),
    EventKind.MATCHMAKING_CONFERENCE: (60, 160),
    EventKind.SUMMIT: (80, 150),
    EventKind.FORUM: (60, 180),
    EventKind.ROUNDTABLE: (20, 40),
}
_MATCHMAKING_KINDS = (EventKind.PARTNERSHIP_WEEK, EventKind.MATCHMAKING_CONFERENCE)
_KIND_WORDS: dict[str, tuple[str, str]] = {
    EventKind.PARTNERSHIP_WEEK: ("partnership week", "合作周"),
    EventKind.MATCHMAKING_CONFERENCE: ("business matchmaking conference", "商务配对洽谈会"),
    EventKind.SUMMIT: ("summit", "峰会"),
    EventKind.FORUM: ("forum", "论坛"),
    EventKind.ROUNDTABLE: ("roundtable", "圆桌会议"),
}

Pools = dict[str, list[Person]]


def _pools(roster: Roster) -> Pools:
    """Registrable people by country, public office-holders left out (they come by invitation)."""
    pools: Pools = {code: [] for code in COUNTRY_CODES}
    named = {body.pk for body in roster.bodies.values()}
    for organization in roster.organizations:
        if organization.pk not in named and organization.kind in ROLE_BY_KIND:
            pools[organization.country] += roster.people_of(organization)
    return pools


def _draw(roster: Roster, pool: list[Person], count: int) -> list[Person]:
    return roster.rng.sample(pool, min(count, len(pool)))


def _attendees(roster: Roster, pools: Pools, series: Series, country: str) -> list[Person]:
    low, high = _SIZES[series.kind]
    size = roster.rng.randint(low, high)
    others = [person for code in COUNTRY_CODES if code not in ("CN", country) for person in pools[code]]
    if series.kind == EventKind.ROUNDTABLE:
        principals = [
            p for code in COUNTRY_CODES for p in pools[code] if p.organization.kind == "association"
        ]
        return _draw(roster, principals, size)
    if country == "CN":
        return _draw(roster, pools["CN"], size // 2) + _draw(roster, others, size - size // 2)
    host, chinese = round(size * 0.45), round(size * 0.4)
    return (
        _draw(roster, pools[country], host)
        + _draw(roster, pools["CN"], chinese)
        + _draw(roster, others, size - host - chinese)
    )


def _create(roster: Roster, series: Series, year: int, country: str, city: City) -> Event:
    name, name_zh = series.name.format(year=year), series.name_zh.format(year=year)
    starts_on = dt.date(year, series.month, roster.rng.randrange(3, 25))
    what, what_zh = _KIND_WORDS[series.kind]
    return events.create_event(
        slug=slugify(name),
        name=name,
        name_zh=name_zh,
        kind=series.kind,
        starts_on=starts_on,
        ends_on=starts_on + dt.timedelta(days=series.days - 1),
        time_zone=city.time_zone,
        venue=f"{city.en} Convention Centre",
        city=city.en,
        country=country,
        description=f"The alliance's {what} in {city.en}: speeches, panels and one-on-one meetings "
        f"between SMEs of {country_label(country).en} and China.",
        description_zh=f"联盟在{city.zh}举办的{what_zh}：主旨演讲、专题讨论以及{country_label(country).zh}与中国中小企业的一对一洽谈。",
        is_published=True,
    )


def _pick_association(roster: Roster, country: str) -> Organization | None:
    members = [a for a in roster.of_kind("association", country) if a.alliance_member_since]
    return roster.rng.choice(members) if members else None


def _add_partners(roster: Roster, event: Event, country: str) -> list[Organization]:
    """Organizer, co-organizers, media partner, sponsor, supporting government; returns co-organizers."""
    add = events.add_event_partner
    add(event, organization=roster.bodies["alliance"], role=PartnerRole.ORGANIZER)
    co_organizers = [a for a in {_pick_association(roster, country), _pick_association(roster, "CN")} if a]
    for association in sorted(co_organizers, key=lambda org: org.pk):
        add(event, organization=association, role=PartnerRole.CO_ORGANIZER)
    media_role = (
        PartnerRole.STRATEGIC_MEDIA_PARTNER
        if roster.rng.random() < 0.6
        else PartnerRole.SUPPORTING_ORGANIZATION
    )
    add(event, organization=roster.bodies["media_partner"], role=media_role)
    consulate = roster.bodies.get(f"cn_consulate:{country}")
    if consulate is not None:
        add(event, organization=consulate, role=PartnerRole.SUPPORTING_GOVERNMENT)
    firms = roster.of_kind("financial", country)
    if firms:
        add(event, organization=roster.rng.choice(firms), role=PartnerRole.SPONSOR)
    return sorted(co_organizers, key=lambda org: org.pk)  # fmt: skip


def _speakers(
    roster: Roster, country: str, co_organizers: list[Organization], attendees: list[Person]
) -> list[Person]:
    """The alliance's chairman, the co-organizers' heads, China's consul general, then attendees' heads."""
    speakers = [roster.officers["alliance:chairman"]]
    speakers += [roster.people_of(org)[0] for org in co_organizers]
    consul = roster.officers.get(f"cn_consulate:{country}:consul_general")
    speakers += [consul] if consul else []
    heads = [
        p for p in attendees if p.role in ("chairman", "president", "director", "banker", "chief_executive")
    ]
    return speakers + [p for p in heads if p not in speakers][:3]  # fmt: skip


def _add_programme(roster: Roster, event: Event, country: str, city: City, speakers: list[Person]) -> None:
    first, last = event.starts_on, event.ends_on
    values = {"country": country_label(country).en, "country_zh": country_label(country).zh, "city": city.en}
    host = roster.officers["alliance:secretary_general"]
    item = events.add_programme_item
    item(
        event,
        kind=K.OPENING,
        title="Opening Session",
        title_zh="开幕式",
        starts_at=at(event, first, "09:00"),
        ends_at=at(event, first, "09:30"),
        location="Plenary Hall",
        speakers=[(host, S.HOST)],
    )
    titles = roster.rng.sample(SPEECH_TITLES, min(len(speakers), 5))
    for number, (speaker, (title, title_zh)) in enumerate(zip(speakers, titles, strict=False)):
        start = dt.datetime.combine(first, dt.time(9, 30)) + dt.timedelta(minutes=20 * number)
        end = start + dt.timedelta(minutes=20)
        item(
            event,
            kind=K.SPEECH,
            title=title.format(**values),
            title_zh=title_zh.format(**values),
            starts_at=at(event, first, f"{start:%H:%M}"),
            ends_at=at(event, first, f"{end:%H:%M}"),
            location="Plenary Hall",
            speakers=[(speaker, S.SPEAKER)],
        )
    panel_kind = K.ROUNDTABLE if event.kind == EventKind.ROUNDTABLE else K.PANEL
    title, title_zh = roster.rng.choice(PANEL_TITLES)
    item(
        event,
        kind=panel_kind,
        title=title.format(**values),
        title_zh=title_zh.format(**values),
        starts_at=at(event, first, "11:30"),
        ends_at=at(event, first, "12:30"),
        location="Plenary Hall",
        speakers=[(host, S.MODERATOR)] + [(p, S.PANELIST) for p in speakers[1:4]],
    )
    if event.kind in _MATCHMAKING_KINDS:
        _add_matchmaking(roster, event, first + dt.timedelta(days=1) if last > first else first)
    item(event, kind=K.RECEPTION, title="Networking Reception", title_zh="交流酒会",
         starts_at=at(event, first, "18:30"), ends_at=at(event, first, "20:30"), location="Foyer")  # fmt: skip


def _add_matchmaking(roster: Roster, event: Event, day: dt.date) -> None:
    matchmaking = events.add_programme_item(
        event,
        kind=K.MATCHMAKING_SESSION,
        title="One-on-One Business Matchmaking",
        title_zh="一对一商务配对洽谈",
        starts_at=at(event, day, "13:30"),
        ends_at=at(event, day, "17:30"),
        location="Matchmaking Area",
    )
    events.create_matchmaking_session(
        event,
        name="One-on-One Business Matchmaking",
        starts_at=matchmaking.starts_at,
        ends_at=matchmaking.ends_at,
        slot_minutes=20,
        breaks=[(at(event, day, "15:10"), at(event, day, "15:30"), "Coffee break")],
        programme_item=matchmaking,
    )
    events.add_tables(event, count=roster.rng.choice((20, 25, 30, 40)))


def build_event(roster: Roster, pools: Pools, series: Series, edition: tuple[int, str, str]) -> Event:
    """One edition of a series, with partners, participants and a small programme."""
    year, country, city_name = edition
    city = city_named(country, city_name)
    event = _create(roster, series, year, country, city)
    co_organizers = _add_partners(roster, event, country)
    attendees = _attendees(roster, pools, series, country)
    speakers = _speakers(roster, country, co_organizers, attendees)
    register_people(event, speakers + attendees, rng=roster.rng, registered=set())
    _add_programme(roster, event, country, city, speakers)
    return event


def editions() -> list[tuple[Series, tuple[int, str, str]]]:
    """Every edition of every series, in the order they took place."""
    pairs = [(series, edition) for series in SERIES for edition in series.editions]
    return sorted(pairs, key=lambda pair: (pair[1][0], pair[0].month, pair[0].name))


def build_later_events(roster: Roster, *, limit: int | None = None) -> list[Event]:
    """The events after the expo, the first `limit` of them if given."""
    pools = _pools(roster)
    chosen = editions()[:limit] if limit is not None else editions()
    return [build_event(roster, pools, series, edition) for series, edition in chosen]
