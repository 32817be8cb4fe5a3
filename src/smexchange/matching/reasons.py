"""Short reasons a person can check, written from the point of view of the profile served ("you").

Each reason states a fact read off both profiles, never a score: which request
of theirs your offer answers (by type, and by the concepts both texts name),
the sector relation, whose target country the other is in, a shared language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from smexchange.matching.cooperation import RELATED, SOUGHT_NOUN, strength
from smexchange.matching.features import Analysis
from smexchange.matching.score import NEIGHBOUR, SAME, SECTION
from smexchange.matching.sectors import neighbours
from smexchange.matching.terms_sectors import SECTOR_CONCEPTS
from smexchange.matching.types import Profile, Reason
from smexchange.vocab.cooperation import COOPERATION_TYPES
from smexchange.vocab.languages import languages

CONCEPT_LABEL: dict[str, str] = {
    concept: english.split("|")[0] for concept, _, english, _, _ in SECTOR_CONCEPTS
}
_MAX_CONCEPTS = 3


@dataclass(frozen=True)
class Side:
    """One profile and its analysis."""

    profile: Profile
    analysis: Analysis


@dataclass(frozen=True)
class PairFacts:
    """The parts of one pair's score that reasons speak about ('ab': you seek from them)."""

    type_ab: float
    type_ba: float
    sector: int
    targets_ab: bool
    targets_ba: bool
    shared_language: bool


@lru_cache(maxsize=4096)
def _best_types(seek_types: frozenset[str], offer_types: frozenset[str]) -> tuple[str, str] | None:
    """The (sought, offered) pair of types with the strongest answer; ties broken by name."""
    pairs = [(strength(offered, sought), sought, offered) for sought in seek_types for offered in offer_types]
    pairs = [pair for pair in pairs if pair[0] > 0]
    if not pairs:
        return None
    best = max(pairs, key=lambda pair: (pair[0], pair[1] == pair[2], pair[1], pair[2]))
    return best[1], best[2]


def _need_reason(seeker: Side, offerer: Side, who: str) -> Reason | None:
    types = _best_types(seeker.analysis.seek_types, offerer.analysis.offer_types)
    if types is None:
        return None
    sought, offered = types
    concepts = tuple(sorted(seeker.analysis.seek_concepts & offerer.analysis.offer_concepts)[:_MAX_CONCEPTS])
    sector = ""
    if not concepts:
        divisions = sorted(seeker.analysis.seek_divisions & offerer.analysis.offer_divisions) or list(
            seeker.profile.sectors[:1]
        )
        sector = divisions[0] if divisions else ""
    return Reason("need", who=who, sought=sought, offered=offered, concepts=concepts, sector=sector)


def _same_sector_reason(you: Side, they: Side) -> Reason | None:
    common = sorted(you.analysis.divisions & they.analysis.divisions)
    if common:
        return Reason("same_sector", sector=common[0])
    sought = sorted(you.analysis.seek_divisions & they.analysis.offer_divisions)
    if sought:
        return Reason("sector_sought", who="you", sector=sought[0])
    wanted = sorted(they.analysis.seek_divisions & you.analysis.offer_divisions)
    return Reason("sector_sought", who="they", sector=wanted[0]) if wanted else None


def _sector_reason(you: Side, they: Side, level: int) -> Reason | None:
    if level == SAME:
        return _same_sector_reason(you, they)
    return _other_sector_reason(you.profile, they.profile, level)


def _other_sector_reason(you: Profile, they: Profile, level: int) -> Reason | None:
    if level == NEIGHBOUR:
        for ours in sorted(you.sectors):
            near = sorted(neighbours(ours) & set(they.sectors))
            if near:
                return Reason("neighbours", sector=ours, other_sector=near[0])
    if level == SECTION:
        common = sorted({code[0] for code in you.sectors} & {code[0] for code in they.sectors})
        return Reason("same_section", sector=common[0]) if common else None
    return None


def _language_reason(you: Profile, they: Profile) -> Reason | None:
    common = [code for code in you.languages if code in they.languages]
    return Reason("shared_language", language=common[0]) if common else None


def explain(you: Side, they: Side, facts: PairFacts) -> tuple[Reason, ...]:
    """Reasons for recommending `they` to `you`, the strongest first."""
    needs: list[tuple[float, Reason | None]] = []
    # A weak type answer (a supplier for someone seeking a distributor) is no reason to meet.
    if facts.type_ba >= RELATED:
        needs.append((facts.type_ba, _need_reason(they, you, "they")))
    if facts.type_ab >= RELATED:
        needs.append((facts.type_ab, _need_reason(you, they, "you")))
    reasons = [reason for _, reason in sorted(needs, key=lambda item: -item[0])]
    reasons.append(_sector_reason(you, they, facts.sector))
    if facts.targets_ab:
        reasons.append(Reason("targets", who="you", country=they.profile.country))
    if facts.targets_ba:
        reasons.append(Reason("targets", who="they", country=you.profile.country))
    if facts.shared_language:
        reasons.append(_language_reason(you.profile, they.profile))
    return tuple(reason for reason in reasons if reason is not None)


def english(reason: Reason) -> str:
    """The reason as the short English sentence of CONTRACTS.md section 3 (codes, not names)."""
    other = "they" if reason.who == "you" else "you"
    if reason.code == "need":
        what = ""
        if reason.concepts:
            what = " for " + ", ".join(CONCEPT_LABEL[concept] for concept in reason.concepts)
        elif reason.sector:
            what = f" in {reason.sector}"
        offered = COOPERATION_TYPES[reason.offered].en.lower()
        return f"{reason.who} seek {SOUGHT_NOUN[reason.sought]}{what}; {other} offer {offered}"
    if reason.code == "same_sector":
        return f"same sector: {reason.sector}"
    if reason.code == "sector_sought":
        return f"{reason.who} seek in {reason.sector}, where {other} offer"
    if reason.code == "neighbours":
        return f"supply-chain neighbours: your {reason.sector}, their {reason.other_sector}"
    if reason.code == "same_section":
        return f"same ISIC section {reason.sector}"
    if reason.code == "targets":
        return f"{reason.who} target {reason.country}"
    if reason.code == "shared_language":
        return f"you both speak {languages()[reason.language].en}"
    raise ValueError(f"unknown reason code {reason.code!r}")
