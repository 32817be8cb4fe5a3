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
class Match:
    """A recommended partner: its id, a score in [0, 1] and short reasons a person can check."""

    id: str
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Recommendation:
    """The best partners for one profile, best first; never the profile itself."""

    id: str
    matches: tuple[Match, ...] = field(default_factory=tuple)
