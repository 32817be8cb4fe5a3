"""The Global SME Expo 2009, Shanghai, 13 July 2009: the event the alliance's platform grew from."""

from __future__ import annotations

from smexchange.demo import expo_programme as programme
from smexchange.demo.helpers import at, register_people
from smexchange.demo.roster import Roster
from smexchange.directory.models import Organization, Person
from smexchange.events import services as events
from smexchange.events.enums import EventKind, PartnerRole
from smexchange.events.models import Event, ProgrammeItem

EXPO_SLUG = "global-sme-expo-2009"
PARTICIPANTS = 500
BOOTHS = 84
TABLES = 40
_PRINCIPAL_ASSOCIATIONS = 17  # two principals each, plus the alliance's own officers
_CHINESE_SHARE = 0.65

DESCRIPTION = (
    "The alliance of SME trade associations from the G20 countries brought 500 entrepreneurs, association "
    "principals and officials to Shanghai: twelve speeches, the Shanghai Manifesto on Global SME Cooperation, "
    "signing ceremonies for two industry cluster cooperation bases and a partnership city, the 2009 Top Ten "
    "Chinese SME Entrepreneurs award, an executive roundtable, tabletop booths and one-on-one matchmaking."
)
DESCRIPTION_ZH = (
    "来自二十国集团国家的中小企业行业协会联盟在上海汇聚500位企业家、协会负责人和政府官员：十二场主旨演讲、"
    "《全球中小企业合作上海宣言》签字仪式、两个产业集群合作基地及友好合作城市签约、2009中国中小企业十大杰出企业家颁奖、"
    "行业协会高管圆桌会议、桌面展以及一对一商务配对洽谈。"
)


def _members(roster: Roster, country: str | None = None) -> list[Organization]:
    """Alliance member associations first, then the others, so small worlds still find principals."""
    associations = roster.of_kind("association", country)
    return sorted(associations, key=lambda org: org.alliance_member_since is None)


def _principals(roster: Roster) -> list[Person]:
    chinese, foreign = _members(roster, "CN"), [a for a in _members(roster) if a.country != "CN"]
    chosen = chinese[:5] + foreign[: _PRINCIPAL_ASSOCIATIONS - len(chinese[:5])]
    return [person for association in chosen for person in roster.people_of(association)]


def _officials(roster: Roster) -> list[Person]:
    """Consular officers of every G20 consulate in Shanghai, and the officials of the day's signings."""
    rng = roster.rng
    people = [
        person
        for key, person in roster.officers.items()
        if key.startswith("consulate:") and (key.endswith(":consul_general") or rng.random() < 0.4)
    ]
    people += [person for key, person in roster.officers.items() if key.startswith("gov:")]
    for government in roster.of_kind("government", "CN")[:3]:
        people += roster.people_of(government)[:1]
    return people


def _guests(roster: Roster, kind: str, count: int) -> list[Person]:
    organizations = roster.of_kind(kind)
    people = [person for organization in organizations for person in roster.people_of(organization)]
    return roster.rng.sample(people, min(count, len(people)))


def _entrepreneurs(roster: Roster, count: int) -> list[Person]:
    """SME delegates, about two thirds from China, whole delegations at a time."""
    rng = roster.rng
    chinese = [org for org in roster.of_kind("sme") if org.country == "CN"]
    foreign = [org for org in roster.of_kind("sme") if org.country != "CN"]
    rng.shuffle(chinese)
    rng.shuffle(foreign)
    people: list[Person] = []
    quota = round(count * _CHINESE_SHARE)
    for pool, limit in ((chinese, quota), (foreign, count), (chinese, count)):
        for organization in pool:
            if len(people) >= limit:
                break
            people += [p for p in roster.people_of(organization) if p not in people][: limit - len(people)]
    return people


def _create_event() -> Event:
    return events.create_event(
        slug=EXPO_SLUG,
        name="Global SME Expo 2009",
        name_zh="2009全球中小企业博览会",
        kind=EventKind.EXPO,
        starts_on=programme.EXPO_DAY,
        ends_on=programme.EXPO_DAY,
        time_zone="Asia/Shanghai",
        venue="Shanghai Exhibition Center",
        city="Shanghai",
        country="CN",
        description=DESCRIPTION,
        description_zh=DESCRIPTION_ZH,
        is_published=True,
    )


def _add_partners(roster: Roster, event: Event) -> None:
    add = events.add_event_partner
    add(event, organization=roster.bodies["alliance"], role=PartnerRole.ORGANIZER)
    co_organizers = _members(roster, "CN")[:3] + [a for a in _members(roster) if a.country != "CN"][:4]
    for association in co_organizers:
        add(event, organization=association, role=PartnerRole.CO_ORGANIZER)
    add(event, organization=roster.bodies["media_partner"], role=PartnerRole.STRATEGIC_MEDIA_PARTNER)
    for key in ("gov:shanghai", "gov:ninghai", "gov:dongyang", "gov:xiuzhou", "gov:mountain_view"):
        add(event, organization=roster.bodies[key], role=PartnerRole.SUPPORTING_GOVERNMENT)
    for firm in roster.of_kind("financial", "CN")[:2]:
        add(event, organization=firm, role=PartnerRole.SPONSOR)


def _cast(
    roster: Roster, principals: list[Person], bankers: list[Person], entrepreneurs: list[Person]
) -> programme.ExpoCast:
    speakers = dict(roster.officers)
    chinese_principals = [p for p in principals if p.organization.country == "CN"]
    foreign_principals = [p for p in principals if p.organization.country != "CN"]
    speakers["cn_principal"] = chinese_principals[0]
    speakers["foreign_principal"] = foreign_principals[0]
    speakers["banker"] = bankers[0]
    heads = [
        p
        for p in entrepreneurs
        if p.organization.country == "CN" and p.role in ("chief_executive", "founder", "president")
    ]
    return programme.ExpoCast(
        speakers=speakers,
        signatories=[p for p in principals if p.role in ("chairman", "president")],
        panelists=roster.rng.sample(principals, min(8, len(principals))),
        laureates=heads[:10],
    )  # fmt: skip


def _add_booths_and_tables(roster: Roster, event: Event, entrepreneurs: list[Person]) -> None:
    hosts: list[Organization] = []
    for person in entrepreneurs:
        if person.organization not in hosts:
            hosts.append(person.organization)
    for number, host in enumerate(hosts[:BOOTHS]):
        hall, position = divmod(number, BOOTHS // 2)
        events.add_booth(event, code=f"{'AB'[hall]}{position + 1:02d}", host=host)
    events.add_tables(event, count=TABLES)


def _add_matchmaking(event: Event, item: ProgrammeItem) -> None:
    day = programme.EXPO_DAY
    events.create_matchmaking_session(
        event,
        name="One-on-One Business Matchmaking",
        starts_at=at(event, day, "14:00"),
        ends_at=at(event, day, "17:30"),
        slot_minutes=20,
        breaks=[(at(event, day, "15:30"), at(event, day, "15:50"), "Coffee break")],
        programme_item=item,
    )


def build_expo(roster: Roster) -> Event:
    """The expo in full: partners, 500 participants, programme, booths, tables, matchmaking session."""
    event = _create_event()
    _add_partners(roster, event)
    principals, bankers = _principals(roster), _guests(roster, "financial", 20)
    alliance = [
        roster.officers[f"alliance:{key}"] for key in ("chairman", "secretary_general", "vice_chairman")
    ]
    invited = alliance + principals + _officials(roster) + bankers + _guests(roster, "media", 12)
    invited.append(roster.officers["media_partner:editor"])
    entrepreneurs = _entrepreneurs(roster, PARTICIPANTS - len(set(invited)))
    registered: set[int] = set()
    register_people(
        event, invited + entrepreneurs, rng=roster.rng, registered=registered, attending_only=True
    )
    cast = _cast(roster, principals, bankers, entrepreneurs)
    programme.add_morning(event, cast)
    programme.add_speeches(event, cast)
    matchmaking = programme.add_afternoon(event, cast)
    _add_matchmaking(event, matchmaking)
    _add_booths_and_tables(roster, event, entrepreneurs)
    return event  # fmt: skip
