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
from smexchange.matching.types import Profile
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


def _what(seeker: Analysis, offerer: Analysis, seeker_profile: Profile) -> str:
    shared = sorted(seeker.seek_concepts & offerer.offer_concepts)[:_MAX_CONCEPTS]
    if shared:
        return "for " + ", ".join(CONCEPT_LABEL[concept] for concept in shared)
    divisions = sorted(seeker.seek_divisions & offerer.offer_divisions) or list(seeker_profile.sectors[:1])
    return f"in {divisions[0]}" if divisions else ""


def _need_reason(seeker: Side, offerer: Side, seeker_word: str, offerer_word: str) -> str | None:
    types = _best_types(seeker.analysis.seek_types, offerer.analysis.offer_types)
    if types is None:
        return None
    sought, offered = types
    what = _what(seeker.analysis, offerer.analysis, seeker.profile)
    head = f"{seeker_word} seek {SOUGHT_NOUN[sought]}" + (f" {what}" if what else "")
    return f"{head}; {offerer_word} offer {COOPERATION_TYPES[offered].en.lower()}"


def _same_sector_reason(you: Side, they: Side) -> str | None:
    common = sorted(you.analysis.divisions & they.analysis.divisions)
    if common:
        return f"same sector: {common[0]}"
    sought = sorted(you.analysis.seek_divisions & they.analysis.offer_divisions)
    if sought:
        return f"you seek in {sought[0]}, where they offer"
    wanted = sorted(they.analysis.seek_divisions & you.analysis.offer_divisions)
    return f"they seek in {wanted[0]}, where you offer" if wanted else None


def _sector_reason(you: Side, they: Side, level: int) -> str | None:
    if level == SAME:
        return _same_sector_reason(you, they)
    return _other_sector_reason(you.profile, they.profile, level)


def _other_sector_reason(you: Profile, they: Profile, level: int) -> str | None:
    if level == NEIGHBOUR:
        for ours in sorted(you.sectors):
            near = sorted(neighbours(ours) & set(they.sectors))
            if near:
                return f"supply-chain neighbours: your {ours}, their {near[0]}"
    if level == SECTION:
        common = sorted({code[0] for code in you.sectors} & {code[0] for code in they.sectors})
        return f"same ISIC section {common[0]}" if common else None
    return None


def _language_reason(you: Profile, they: Profile) -> str | None:
    common = [code for code in you.languages if code in they.languages]
    return f"you both speak {languages()[common[0]].en}" if common else None


def explain(you: Side, they: Side, facts: PairFacts) -> tuple[str, ...]:
    """Reasons for recommending `they` to `you`, the strongest first."""
    needs = []
    # A weak type answer (a supplier for someone seeking a distributor) is no reason to meet.
    if facts.type_ba >= RELATED:
        needs.append((facts.type_ba, _need_reason(they, you, "they", "you")))
    if facts.type_ab >= RELATED:
        needs.append((facts.type_ab, _need_reason(you, they, "you", "they")))
    reasons = [text for _, text in sorted(needs, key=lambda item: -item[0]) if text]
    reasons.append(_sector_reason(you, they, facts.sector) or "")
    if facts.targets_ab:
        reasons.append(f"you target {they.profile.country}")
    if facts.targets_ba:
        reasons.append(f"they target {you.profile.country}")
    if facts.shared_language:
        reasons.append(_language_reason(you.profile, they.profile) or "")
    return tuple(reason for reason in reasons if reason)
