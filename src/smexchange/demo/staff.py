"""The people of synthetic organizations: a head and one or two colleagues, with badge titles."""

from __future__ import annotations

from smexchange.demo.roster import Roster
from smexchange.directory import services as directory
from smexchange.directory.enums import PersonRole as R
from smexchange.directory.models import Organization

# kind -> (role, title) of the head; the first entries are the most common.
_HEADS: dict[str, tuple[tuple[str, str], ...]] = {
    "sme": ((R.CHIEF_EXECUTIVE, "General Manager"), (R.CHIEF_EXECUTIVE, "Chief Executive Officer"),
            (R.FOUNDER, "Founder and Chairman"), (R.PRESIDENT, "President"), (R.DIRECTOR, "Managing Director")),
    "association": ((R.CHAIRMAN, "Chairman"), (R.PRESIDENT, "President"), (R.CHAIRMAN, "Executive Chairman")),
    "government": ((R.DIRECTOR, "Director General"), (R.DIRECTOR, "Director")),
    "financial": ((R.BANKER, "Managing Partner"), (R.CHIEF_EXECUTIVE, "Chief Executive Officer")),
    "media": ((R.DIRECTOR, "Editor-in-Chief"), (R.DIRECTOR, "Publisher")),
    "research": ((R.DIRECTOR, "Director"), (R.RESEARCHER, "Dean")),
}  # fmt: skip
_COLLEAGUES: dict[str, tuple[tuple[str, str], ...]] = {
    "sme": ((R.MANAGER, "Export Sales Manager"), (R.DIRECTOR, "Director of International Business"),
            (R.MANAGER, "Purchasing Manager"), (R.VICE_PRESIDENT, "Vice President, Business Development"),
            (R.MANAGER, "Chief Engineer")),
    "association": ((R.SECRETARY_GENERAL, "Secretary General"), (R.VICE_PRESIDENT, "Vice President"),
                    (R.SECRETARY_GENERAL, "Deputy Secretary General")),
    "government": ((R.OFFICIAL, "Deputy Director"), (R.OFFICIAL, "Section Chief, Foreign Trade"),
                   (R.OFFICIAL, "Investment Promotion Officer")),
    "financial": ((R.BANKER, "Investment Director"), (R.BANKER, "Relationship Manager, SME Banking"),
                  (R.BANKER, "Trade Finance Manager")),
    "media": ((R.JOURNALIST, "Senior Reporter"), (R.JOURNALIST, "Correspondent")),
    "research": ((R.RESEARCHER, "Senior Research Fellow"), (R.RESEARCHER, "Research Fellow")),
}  # fmt: skip

# Associations always send a head and a secretary general: both count as association principals.
_HEADCOUNT: dict[str, tuple[int, ...]] = {"association": (2,), "sme": (1, 2, 2, 2, 3), "*": (1, 2)}


def _positions(roster: Roster, kind: str) -> list[tuple[str, str]]:
    rng = roster.rng
    count = rng.choice(_HEADCOUNT.get(kind, _HEADCOUNT["*"]))
    positions = [rng.choice(_HEADS[kind])]
    colleagues = list(_COLLEAGUES[kind])
    if kind == "association":
        return [*positions, colleagues[0]]
    return positions + rng.sample(colleagues, min(count - 1, len(colleagues)))


def staff_organizations(roster: Roster, organizations: list[Organization]) -> None:
    """Add a head and colleagues to each organization, with synthetic names and contact details."""
    specs = []
    for organization in organizations:
        for role, title in _positions(roster, organization.kind):
            name = roster.names.person(organization.country)
            specs.append(
                directory.PersonSpec(
                    organization=organization,
                    given_name=name.given,
                    family_name=name.family,
                    name_local=name.local,
                    title=title,
                    role=role,
                    email=roster.names.email(name),
                    phone=roster.names.phone(organization.country),
                    languages=organization.languages,
                )
            )
    for person in directory.add_people(specs):
        roster.add_person(person)
