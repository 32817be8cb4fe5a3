"""Profiles to sparse vectors for the index: what each side seeks and offers, by type and content.

Every feature of the index is conditioned on a cooperation type. A request
for a supplier of oak timber becomes `supplier|c:wood`, `supplier|w:oak`,
`supplier|d:C16` (and the same for every type that answers a supplier
request well); an offer of supply of timber becomes `supplier|c:wood`, ...
So the dot product of one profile's seek vector with another's offer vector
is large only when the offer answers the request in type *and* in content,
which keeps two sellers of the same thing apart from the start.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from smexchange.matching.cooperation import answering_types, effective_offers
from smexchange.matching.text import concept_divisions, text_features
from smexchange.matching.types import Profile
from smexchange.vocab.isic import DIVISIONS

# Concepts are the cross-language signal; plain words help within one language;
# cooperation words are said by everyone; divisions are what an empty text leaves.
_KIND_WEIGHT = {"c": 1.0, "w": 0.5, "k": 0.15, "d": 0.6}
_DESCRIPTION_WEIGHT = 0.5
_PLACE_WEIGHT = 0.5


@dataclass(frozen=True)
class Analysis:
    """What one profile seeks and offers, reduced to types, concepts, divisions and text features."""

    seek_types: frozenset[str]
    offer_types: frozenset[str]
    seek_bag: dict[str, float]
    offer_bag: dict[str, float]
    seek_divisions: frozenset[str]
    offer_divisions: frozenset[str]
    divisions: frozenset[str]
    seek_concepts: frozenset[str]
    offer_concepts: frozenset[str]
    country: str = ""
    targets: frozenset[str] = frozenset()


def _concepts(bag: dict[str, float]) -> frozenset[str]:
    return frozenset(feature[2:] for feature in bag if feature.startswith("c:"))


def _own_divisions(profile: Profile) -> frozenset[str]:
    """Divisions of the profile; a bare section letter stands for all its divisions."""
    found: set[str] = set()
    for code in profile.sectors:
        if code in DIVISIONS:
            found.add(code)
        else:
            found |= {division for division, item in DIVISIONS.items() if item.section == code}
    return frozenset(found)


def analyze(profile: Profile) -> Analysis:
    """The profile's seek and offer sides as feature bags and division sets."""
    seek_bag: Counter[str] = Counter()
    for item in profile.seeks:
        seek_bag.update(text_features(item.text))
    offer_bag: Counter[str] = Counter()
    for item in profile.offers:
        offer_bag.update(text_features(item.text))
    description = text_features(profile.description)
    merged_offer = {feature: float(count) for feature, count in offer_bag.items()}
    for feature, count in description.items():
        merged_offer[feature] = merged_offer.get(feature, 0.0) + _DESCRIPTION_WEIGHT * count
    own = _own_divisions(profile)
    seek_types = frozenset(item.type for item in profile.seeks)
    seek_floats = {feature: float(count) for feature, count in seek_bag.items()}
    return Analysis(
        seek_types=seek_types,
        offer_types=effective_offers(frozenset(item.type for item in profile.offers), seek_types),
        seek_bag=seek_floats,
        offer_bag=merged_offer,
        seek_divisions=own | concept_divisions(seek_bag),
        offer_divisions=own | concept_divisions(offer_bag),
        divisions=own,
        seek_concepts=_concepts(seek_floats),
        offer_concepts=_concepts(merged_offer),
        country=profile.country,
        targets=frozenset(profile.target_countries),
    )


def _typed_features(
    types: Iterable[tuple[str, float]],
    bag: dict[str, float],
    divisions: frozenset[str],
    places: Sequence[str],
) -> dict[str, float]:
    """Raw weights of the type-conditioned features of one side of a profile.

    Concepts and divisions are also crossed with `places` (the countries this
    side would do business with), so that in a large directory the few
    offers from a targeted country stand out from thousands of others.
    """
    base = {feature: _KIND_WEIGHT[feature[0]] * _damped(count) for feature, count in bag.items()}
    base.update({f"d:{division}": _KIND_WEIGHT["d"] for division in divisions})
    located = [
        (f"{feature}|{place}", weight * _PLACE_WEIGHT)
        for feature, weight in base.items()
        if feature[0] in "cd"
        for place in places
    ]
    weights: dict[str, float] = {}
    for kind, factor in types:
        for feature, weight in (*base.items(), *located):
            key = f"{kind}|{feature}"
            weights[key] = max(weights.get(key, 0.0), weight * factor)
    return weights


def _damped(count: float) -> float:
    """Sublinear term frequency: saying "furniture" five times is not five times the evidence."""
    return 1.0 + math.log(count) if count >= 1 else count


def seek_features(analysis: Analysis) -> dict[str, float]:
    """Type-conditioned features of what a profile seeks, under every type that answers it."""
    answering: dict[str, float] = {}
    for sought in analysis.seek_types:
        for offered, value in answering_types(sought):
            answering[offered] = max(answering.get(offered, 0.0), value)
    # Where the seeker looks (its targets), and where it is (for offerers that target it).
    places = [*analysis.targets, f"@{analysis.country}"] if analysis.country else list(analysis.targets)
    return _typed_features(sorted(answering.items()), analysis.seek_bag, analysis.seek_divisions, places)


def offer_features(analysis: Analysis) -> dict[str, float]:
    """Type-conditioned features of what a profile offers."""
    types = [(kind, 1.0) for kind in sorted(analysis.offer_types)]
    places = [analysis.country, *(f"@{target}" for target in analysis.targets)] if analysis.country else []
    return _typed_features(types, analysis.offer_bag, analysis.offer_divisions, places)


@dataclass(frozen=True)
class Vocabulary:
    """Feature columns and their inverse document frequencies, fixed when an index is built."""

    columns: dict[str, int]
    idf: np.ndarray

    @classmethod
    def fit(cls, rows: Sequence[dict[str, float]]) -> Vocabulary:
        counts: Counter[str] = Counter()
        for row in rows:
            counts.update(row.keys())
        columns = {feature: position for position, feature in enumerate(sorted(counts))}
        frequency = np.array([counts[feature] for feature in sorted(counts)], dtype=np.float64)
        idf = np.log((1.0 + len(rows)) / (1.0 + frequency)) + 1.0
        return cls(columns=columns, idf=idf.astype(np.float32))

    def matrix(self, rows: Sequence[dict[str, float]]) -> sp.csr_matrix:
        """Rows as an L2-normalized CSR matrix; features outside the vocabulary are dropped."""
        indptr = [0]
        indices: list[int] = []
        values: list[float] = []
        columns = self.columns
        for row in rows:
            for feature, weight in row.items():
                column = columns.get(feature)
                if column is not None:
                    indices.append(column)
                    values.append(weight)
            indptr.append(len(indices))
        data = np.asarray(values, dtype=np.float32)
        cols = np.asarray(indices, dtype=np.int32)
        data *= self.idf[cols]
        matrix = sp.csr_matrix(
            (data, cols, np.asarray(indptr, dtype=np.int64)), shape=(len(rows), len(columns))
        )
        return _normalize_rows(matrix)


def _normalize_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    scale = np.repeat((1.0 / norms).astype(np.float32), np.diff(matrix.indptr))
    matrix.data *= scale
    matrix.sort_indices()
    return matrix
