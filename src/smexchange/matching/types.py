"""The matching engine's data: profiles in, recommendations out (CONTRACTS.md section 3)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CooperationItem:
    """One thing a profile offers or seeks: a cooperation type and free text in any language."""

    type: str
    text: str = ""


@dataclass(frozen=True)
class Profile:
    """An organization's cooperation profile, as one line of the profiles JSONL."""

    id: str
    name: str = ""
    kind: str = "sme"
    country: str = ""
    city: str = ""
    size: str = ""
    languages: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    description: str = ""
    offers: tuple[CooperationItem, ...] = ()
    seeks: tuple[CooperationItem, ...] = ()
    target_countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reason:
    """One reason as data, so that an application can word it in any language.

    `code` names the kind of fact; the other fields are the codes it speaks about (cooperation
    types, ISIC sectors, ISO countries and languages, product concepts), empty when unused.
    `who` is "you" or "they": whose need the reason is about, from the served profile's view.
    """

    code: str
    who: str = ""
    sought: str = ""
    offered: str = ""
    concepts: tuple[str, ...] = ()
    sector: str = ""
    other_sector: str = ""
    country: str = ""
    language: str = ""

    def as_dict(self) -> dict[str, object]:
        """The non-empty fields, for JSON storage."""
        fields = {
            "code": self.code,
            "who": self.who,
            "sought": self.sought,
            "offered": self.offered,
            "concepts": list(self.concepts),
            "sector": self.sector,
            "other_sector": self.other_sector,
            "country": self.country,
            "language": self.language,
        }
        return {name: value for name, value in fields.items() if value}


@dataclass(frozen=True)
class Match:
    """A recommended partner: its id, a score in [0, 1] and short reasons a person can check.

    `reasons` are the English sentences of CONTRACTS.md section 3; `explained` holds the same
    reasons as data for applications that word them in the reader's language.
    """

    id: str
    score: float
    reasons: tuple[str, ...] = ()
    explained: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class Recommendation:
    """The best partners for one profile, best first; never the profile itself."""

    id: str
    matches: tuple[Match, ...] = field(default_factory=tuple)
