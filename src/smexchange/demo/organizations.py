"""Synthetic organizations of the G20 countries: SMEs, associations, government bodies, firms, media."""

from __future__ import annotations

import datetime as dt
import itertools

from smexchange.demo.companies import organization_name
from smexchange.demo.places import CITIES, COUNTRY_CODES, COUNTRY_WEIGHTS, LANGUAGES, City
from smexchange.demo.roster import Roster
from smexchange.demo.sectors import INDUSTRIES, INDUSTRY_BY_CODE, SERVICE_SECTORS, Industry
from smexchange.demo.staff import staff_organizations
from smexchange.directory import services as directory
from smexchange.directory.models import Membership, Organization
from smexchange.directory.services import OrganizationSpec

# Shares of the non-SME kinds; SMEs fill the rest.
KIND_SHARES: tuple[tuple[str, float], ...] = (
    ("association", 0.06),
    ("government", 0.03),
    ("financial", 0.03),
    ("media", 0.02),
    ("research", 0.02),
)
_SME_SIZES = ("micro",) * 5 + ("small",) * 8 + ("medium",) * 6 + ("large",)
# The industry clusters of the expo's signing ceremonies: most SMEs there work in that industry.
_CLUSTERS = {"Ninghai": "C32", "Dongyang": "C16"}
_ALLIANCE_FOUNDED = dt.date(2006, 6, 1)


def plan_kinds(count: int) -> list[str]:
    """The kind of each synthetic organization, non-SMEs first so SMEs can join associations."""
    kinds: list[str] = []
    for kind, share in KIND_SHARES:
        kinds += [kind] * max(1, round(count * share))
    return kinds + ["sme"] * max(0, count - len(kinds))


def _country(roster: Roster, kind: str, index: int) -> str:
    # Every country gets its associations before the weighted draw, so every SME has one to join.
    if kind == "association" and index < len(COUNTRY_CODES):
        return COUNTRY_CODES[index]
    return roster.rng.choices(COUNTRY_CODES, weights=[COUNTRY_WEIGHTS[c] for c in COUNTRY_CODES])[0]


def _industry(roster: Roster, city: City) -> Industry:
    cluster = _CLUSTERS.get(city.en)
    if cluster and roster.rng.random() < 0.7:
        return INDUSTRY_BY_CODE[cluster]
    return roster.rng.choice(INDUSTRIES)


def _unique_name(
    roster: Roster, used: set[str], *, kind: str, country: str, city: City, industry: Industry
) -> tuple[str, str]:
    """A name not used yet, if a few draws find one; a duplicate name is legal, only confusing."""
    for _attempt in range(8):
        name, latin = organization_name(
            roster.rng, roster.names, kind=kind, country=country, city=city, industry=industry
        )
        if name not in used:
            break
    used.add(name)
    return name, latin


def _description(kind: str, country: str, name: str, city: City, industry: Industry) -> str:
    products = industry.products[:2]
    if kind != "sme":
        return ""
    if country == "CN":
        return f"{name}位于{city.zh}，主要生产和经营{'、'.join(p.zh for p in products)}。"
    return f"Based in {city.en}, we make and sell {' and '.join(p.en for p in products)}."


def _languages(roster: Roster, country: str) -> list[str]:
    languages = list(LANGUAGES[country])
    if "en" not in languages and roster.rng.random() < 0.6:
        languages.append("en")
    if country != "CN" and roster.rng.random() < 0.1:
        languages.append("zh")
    return languages


def _member_since(roster: Roster, kind: str) -> dt.date | None:
    if kind != "association" or roster.rng.random() >= 0.75:
        return None
    return _ALLIANCE_FOUNDED + dt.timedelta(days=roster.rng.randrange(6 * 365))


def _spec(roster: Roster, *, kind: str, country: str, used: set[str]) -> tuple[OrganizationSpec, Industry]:
    city = roster.rng.choice(CITIES[country])
    industry = _industry(roster, city)
    name, latin = _unique_name(roster, used, kind=kind, country=country, city=city, industry=industry)
    is_sme = kind == "sme"
    spec = OrganizationSpec(
        name=name,
        name_latin=latin,
        kind=kind,
        country=country,
        city=city.en,
        size=roster.rng.choice(_SME_SIZES) if is_sme else "",
        sectors=(industry.code,) if is_sme else SERVICE_SECTORS[kind],
        languages=_languages(roster, country),
        description=_description(kind, country, name, city, industry),
        alliance_member_since=_member_since(roster, kind),
    )
    return spec, industry


def _memberships(roster: Roster, organizations: list[Organization]) -> list[Membership]:
    """SMEs join none, one or two trade associations of their own country."""
    associations: dict[str, list[Organization]] = {}
    for organization in organizations:
        if organization.kind == "association":
            associations.setdefault(organization.country, []).append(organization)
    entries = []
    for sme in (organization for organization in organizations if organization.kind == "sme"):
        pool = associations.get(sme.country, [])
        count = min(roster.rng.choice((0, 1, 1, 1, 2)), len(pool))
        for association in roster.rng.sample(pool, count):
            since = dt.date(2000, 1, 1) + dt.timedelta(days=roster.rng.randrange(13 * 365))
            entries.append((sme, association, since))
    return directory.add_memberships(entries)


def create_organizations(roster: Roster, *, count: int) -> list[Organization]:
    """`count` synthetic organizations with their people; SMEs join associations of their country.

    Written with the bulk services: one call per organization would take minutes for 2,000.
    """
    used = {organization.name for organization in roster.organizations}
    planned: list[tuple[OrganizationSpec, Industry]] = []
    for kind, group in itertools.groupby(plan_kinds(count)):
        for index, _kind in enumerate(group):
            planned.append(_spec(roster, kind=kind, country=_country(roster, kind, index), used=used))
    organizations = directory.create_organizations([spec for spec, _industry in planned])
    for organization, (_spec_used, industry) in zip(organizations, planned, strict=True):
        roster.add_organization(organization, industry=industry)
    staff_organizations(roster, organizations)
    _memberships(roster, organizations)
    return organizations
