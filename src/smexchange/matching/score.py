"""The exact score of candidate pairs, vectorized over arrays of pairs.

score = base * (GATE + (1 - GATE) * complementarity), with
base = 0.45 complementarity + 0.20 sector + 0.15 geography + 0.10 fit + 0.10 language.
The gate makes complementarity decisive: two lookalikes that share sector,
country and language but answer none of each other's requests keep at most
GATE of their base. docs/developer/algorithms/matching.md derives every part.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from smexchange.matching.cooperation import FULL, RELATED, WEAK
from smexchange.matching.table import KINDS, ProfileTable, has_bit, intersects

WEIGHTS = {"complementarity": 0.45, "sector": 0.20, "geography": 0.15, "fit": 0.10, "language": 0.10}
GATE = 0.25
# A type-conditioned cosine of this much already means the offer covers the request well:
# short texts share two or three concepts at best.
SATURATION = 0.35
_TYPE_FLOOR = 0.45
_MUTUAL_BONUS = 0.25

SAME, NEIGHBOUR, SECTION, NONE, UNKNOWN = 3, 2, 1, 0, -1
# Indexed by level + 1: unknown, none, section, neighbour, same.
_SECTOR_VALUE = np.array([0.3, 0.0, 0.35, 0.7, 1.0])
_SIZE_FIT = np.array([1.0, 0.9, 0.6, 0.4])
_UNKNOWN_SIZE_FIT = 0.7

_KIND_FIT_ROWS = {
    "sme": (1.0, 0.7, 0.6, 0.6, 0.8, 0.5, 0.8, 0.6),
    "association": (0.7, 0.9, 0.8, 0.8, 0.6, 0.6, 0.6, 0.6),
    "government": (0.6, 0.8, 0.7, 0.8, 0.6, 0.5, 0.6, 0.5),
    "consulate": (0.6, 0.8, 0.8, 0.5, 0.5, 0.4, 0.5, 0.5),
    "financial": (0.8, 0.6, 0.6, 0.5, 0.4, 0.4, 0.6, 0.5),
    "media": (0.5, 0.6, 0.5, 0.4, 0.4, 0.4, 0.5, 0.5),
    "research": (0.8, 0.6, 0.6, 0.5, 0.6, 0.5, 0.8, 0.5),
    "other": (0.6, 0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5),
}
KIND_FIT = np.array([_KIND_FIT_ROWS[kind] for kind in KINDS])


@dataclass(frozen=True)
class PairScores:
    """Scores and their parts for pairs (a[i], b[i]): 'ab' is a seeking from b, 'ba' the reverse."""

    score: np.ndarray
    type_ab: np.ndarray
    type_ba: np.ndarray
    need_ab: np.ndarray
    need_ba: np.ndarray
    sector: np.ndarray
    targets_ab: np.ndarray
    targets_ba: np.ndarray
    shared_language: np.ndarray


def _type_strength(seek_mask: np.ndarray, offers: ProfileTable, rows: np.ndarray) -> np.ndarray:
    return np.select(
        [
            (seek_mask & offers.answers_full[rows]) != 0,
            (seek_mask & offers.answers_related[rows]) != 0,
            (seek_mask & offers.answers_weak[rows]) != 0,
        ],
        [FULL, RELATED, WEAK],
        0.0,
    )


def _need(strength: np.ndarray, cosine: np.ndarray) -> np.ndarray:
    """How much an offer answers a request: its type strength, scaled by content coverage."""
    coverage = np.minimum(1.0, cosine / SATURATION)
    return np.asarray(strength * (_TYPE_FLOOR + (1.0 - _TYPE_FLOOR) * coverage))


def sector_level(left: ProfileTable, a: np.ndarray, right: ProfileTable, b: np.ndarray) -> np.ndarray:
    """SAME when one side's sought or own divisions meet the other's offered or own ones, etc."""
    same = (
        intersects(left.divisions, a, right.divisions, b)
        | intersects(left.seek_divisions, a, right.offer_divisions, b)
        | intersects(left.offer_divisions, a, right.seek_divisions, b)
    )
    neighbour = intersects(left.neighbours, a, right.divisions, b)
    section = intersects(left.sections, a, right.sections, b)
    unknown = ~left.divisions[a].any(axis=1) | ~right.divisions[b].any(axis=1)
    return np.asarray(
        np.select([same, neighbour, section, unknown], [SAME, NEIGHBOUR, SECTION, UNKNOWN], NONE),
        dtype=np.int8,
    )


def _geography(
    targets_ab: np.ndarray, targets_ba: np.ndarray, open_a: np.ndarray, open_b: np.ndarray
) -> np.ndarray:
    return np.select(
        [targets_ab & targets_ba, targets_ab | targets_ba, open_a & open_b, open_a | open_b],
        [1.0, 0.8, 0.4, 0.15],
        0.0,
    )


def _fit(left: ProfileTable, a: np.ndarray, right: ProfileTable, b: np.ndarray) -> np.ndarray:
    size_a = left.size[a].astype(np.int64)
    size_b = right.size[b].astype(np.int64)
    known = (size_a >= 0) & (size_b >= 0)
    # np.where evaluates both branches: keep the unknown (-1) sizes' distance inside the table too.
    distance = np.clip(np.abs(size_a - size_b), 0, len(_SIZE_FIT) - 1)
    size_fit = np.where(known, _SIZE_FIT[distance], _UNKNOWN_SIZE_FIT)
    kind_fit = KIND_FIT[left.kind[a].astype(np.int64), right.kind[b].astype(np.int64)]
    return np.asarray(0.5 * size_fit + 0.5 * kind_fit)


def score_pairs(
    left: ProfileTable,
    a: np.ndarray,
    right: ProfileTable,
    b: np.ndarray,
    cosine_ab: np.ndarray,
    cosine_ba: np.ndarray,
) -> PairScores:
    """Score pairs (left row a[i], right row b[i]) given their seek-offer cosines in both directions."""
    type_ab = _type_strength(left.seek_mask[a], right, b)
    type_ba = _type_strength(right.seek_mask[b], left, a)
    need_ab = _need(type_ab, cosine_ab)
    need_ba = _need(type_ba, cosine_ba)
    complementarity = np.minimum(
        1.0, np.maximum(need_ab, need_ba) + _MUTUAL_BONUS * np.minimum(need_ab, need_ba)
    )
    level = sector_level(left, a, right, b)
    sector = _SECTOR_VALUE[level.astype(np.int64) + 1]
    country_b = right.country[b]
    country_a = left.country[a]
    targets_ab = has_bit(left.targets, a, country_b) & (country_b > 0)
    targets_ba = has_bit(right.targets, b, country_a) & (country_a > 0)
    geography = _geography(targets_ab, targets_ba, ~left.has_targets[a], ~right.has_targets[b])
    shared = intersects(left.languages, a, right.languages, b)
    language = np.where(shared, 1.0, np.where(left.has_languages[a] & right.has_languages[b], 0.0, 0.5))
    base = (
        WEIGHTS["complementarity"] * complementarity
        + WEIGHTS["sector"] * sector
        + WEIGHTS["geography"] * geography
        + WEIGHTS["fit"] * _fit(left, a, right, b)
        + WEIGHTS["language"] * language
    )
    score = np.clip(base * (GATE + (1.0 - GATE) * complementarity), 0.0, 1.0)
    return PairScores(score, type_ab, type_ba, need_ab, need_ba, level, targets_ab, targets_ba, shared)
