"""Cooperation profiles: what the SMEs offer and seek, in Chinese for Chinese firms, else English."""

from __future__ import annotations

import datetime as dt

from smexchange.demo.places import COUNTRY_CODES, city_named
from smexchange.demo.roster import Roster
from smexchange.demo.sectors import INDUSTRY_BY_CODE, Industry
from smexchange.demo.texts import OFFER_TYPES, SEEK_TYPES, Composed, compose
from smexchange.directory import services as directory
from smexchange.directory.enums import Direction
from smexchange.directory.models import Organization

_FIRST_PUBLICATION = dt.datetime(2009, 1, 5, 9, 0, tzinfo=dt.UTC)
_LAST_PUBLICATION_DAYS = 7 * 365
# Published profiles expire far ahead so that the opportunities list of the demo stays full
# whatever today's date is; the world itself is fixed in 2009-2015.
_OPEN_EXPIRY = dt.date(2030, 12, 31)
# The day the expiry job "ran": profiles that lapsed before it are expired.
EXPIRY_RUN_DAY = dt.date(2016, 1, 1)
_SHARE_WITH_PROFILE = 0.85
_INVESTOR_SHARE = 0.5


def _markets(roster: Roster, country: str) -> list[str]:
    if country != "CN":
        extra = roster.rng.sample([c for c in COUNTRY_CODES if c not in ("CN", country)], 1)
        return ["CN", *extra] if roster.rng.random() < 0.3 else ["CN"]
    foreign = [code for code in COUNTRY_CODES if code != "CN"]
    return roster.rng.sample(foreign, roster.rng.choice((1, 2, 3)))


def _items(roster: Roster, *, investor: bool) -> list[tuple[str, str]]:
    if investor:
        return [(Direction.OFFER, "investment")]
    rng = roster.rng
    items: list[tuple[str, str]] = [
        (Direction.OFFER, rng.choice(OFFER_TYPES)),
        (Direction.SEEK, rng.choice(SEEK_TYPES)),
    ]
    if rng.random() < 0.35:
        extra = rng.choice(SEEK_TYPES)
        if (Direction.SEEK, extra) not in items:
            items.append((Direction.SEEK, extra))
    return items


def _text(composed: Composed, *, chinese: bool, bilingual: bool) -> str:
    primary, other = (composed.text_zh, composed.text_en) if chinese else (composed.text_en, composed.text_zh)
    return f"{primary}\n\n{other}" if bilingual else primary


def _status_and_dates(roster: Roster) -> tuple[str, dt.datetime, dt.date]:
    rng = roster.rng
    published_at = _FIRST_PUBLICATION + dt.timedelta(days=rng.randrange(_LAST_PUBLICATION_DAYS))
    draw = rng.random()
    if draw < 0.08:
        return "draft", published_at, _OPEN_EXPIRY
    if draw < 0.18 and published_at.date() < dt.date(2014, 6, 1):
        return "expired", published_at, published_at.date() + dt.timedelta(days=rng.choice((180, 365, 540)))
    return "published", published_at, _OPEN_EXPIRY - dt.timedelta(days=rng.randrange(365))


def profile_spec(
    roster: Roster, organization: Organization, *, investor: bool = False
) -> directory.ProfileSpec:
    """One profile of one to three offers and requests, composed from the organization's industry."""
    rng = roster.rng
    industry: Industry = roster.industries.get(organization.pk) or INDUSTRY_BY_CODE["M70"]
    product = rng.choice(industry.products)
    city = city_named(organization.country, organization.city)
    markets = _markets(roster, organization.country)
    chinese = organization.country == "CN"
    bilingual = rng.random() < (0.25 if chinese else 0.1)
    texts = [
        (direction, kind, compose(rng, cooperation_type=kind, direction=direction, product=product, city=city, markets=markets))
        for direction, kind in _items(roster, investor=investor)
    ]  # fmt: skip
    first = texts[0][2]
    status, published_at, expires_on = _status_and_dates(roster)
    return directory.ProfileSpec(
        organization=organization,
        title=first.title_zh if chinese else first.title_en,
        description=_text(first, chinese=chinese, bilingual=bilingual),
        language="zh" if chinese else "en",
        items=[
            directory.ItemSpec(direction, kind, _text(composed, chinese=chinese, bilingual=bilingual))
            for direction, kind, composed in texts
        ],
        sectors=[industry.code] if organization.kind == "sme" else [],
        target_countries=markets,
        expires_on=expires_on,
        published_at=None if status == "draft" else published_at,
    )


def create_profiles(roster: Roster) -> None:
    """Profiles for most SMEs and half the financial firms; then lapse those past their expiry."""
    specs = [
        profile_spec(roster, organization)
        for organization in roster.of_kind("sme")
        if roster.rng.random() < _SHARE_WITH_PROFILE
    ]
    specs += [
        profile_spec(roster, organization, investor=True)
        for organization in roster.of_kind("financial")
        if roster.rng.random() < _INVESTOR_SHARE
    ]
    directory.create_cooperation_profiles(specs)
    directory.expire_cooperation_profiles(today=EXPIRY_RUN_DAY)
