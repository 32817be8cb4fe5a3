"""Per-profile facts as numpy arrays, so that thousands of candidate pairs are scored at once.

Sets (divisions, target countries, languages) are stored as bit sets: one row
of 64-bit words per profile, where bit i stands for the i-th code of a fixed
list. Intersections of millions of pairs are then a few vector operations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from smexchange.matching.cooperation import answer_masks, type_mask
from smexchange.matching.features import Analysis
from smexchange.matching.sectors import neighbours
from smexchange.matching.types import Profile
from smexchange.vocab.countries import countries
from smexchange.vocab.isic import DIVISIONS, SECTIONS
from smexchange.vocab.languages import languages
from smexchange.vocab.organizations import ORGANIZATION_KINDS, ORGANIZATION_SIZES

DIVISION_CODES: tuple[str, ...] = tuple(DIVISIONS)
_DIVISION_BIT = {code: position for position, code in enumerate(DIVISION_CODES)}
_SECTION_BIT = {code: position for position, code in enumerate(SECTIONS)}
KINDS: tuple[str, ...] = tuple(ORGANIZATION_KINDS)
SIZES: tuple[str, ...] = tuple(ORGANIZATION_SIZES)


@cache
def country_codes() -> tuple[str, ...]:
    return ("", *sorted(countries()))


@cache
def _country_position() -> dict[str, int]:
    return {code: position for position, code in enumerate(country_codes())}


@cache
def _language_position() -> dict[str, int]:
    return {code: position for position, code in enumerate(sorted(languages()))}


def bitset(members: Sequence[Iterable[int]], width: int) -> np.ndarray:
    """An (n, words) uint64 array with bit `i` of row `r` set for each i in members[r]."""
    words = (width + 63) // 64
    rows: list[int] = []
    bits: list[int] = []
    for row, positions in enumerate(members):
        for position in positions:
            rows.append(row)
            bits.append(position)
    result = np.zeros((len(members), words), dtype=np.uint64)
    if rows:
        bit_array = np.asarray(bits, dtype=np.int64)
        values = np.left_shift(np.uint64(1), (bit_array & 63).astype(np.uint64))
        np.bitwise_or.at(result, (np.asarray(rows), bit_array >> 6), values)
    return result


def intersects(left: np.ndarray, a: np.ndarray, right: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For each pair (a[i], b[i]): do the two rows' bit sets share a bit?"""
    return np.asarray(((left[a] & right[b]) != 0).any(axis=1))


def has_bit(bits: np.ndarray, rows: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """For each i: is bit positions[i] set in row rows[i]?"""
    words = bits[rows, positions >> 6]
    return np.asarray((words >> (positions & 63).astype(np.uint64)) & np.uint64(1) == 1)


@dataclass(frozen=True)
class ProfileTable:
    """Numeric facts of a list of profiles, row i for profile i."""

    ids: tuple[str, ...]
    seek_mask: np.ndarray
    answers_full: np.ndarray
    answers_related: np.ndarray
    answers_weak: np.ndarray
    divisions: np.ndarray
    neighbours: np.ndarray
    seek_divisions: np.ndarray
    offer_divisions: np.ndarray
    sections: np.ndarray
    country: np.ndarray
    targets: np.ndarray
    has_targets: np.ndarray
    languages: np.ndarray
    has_languages: np.ndarray
    size: np.ndarray
    kind: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


@cache
def _near(divisions: frozenset[str]) -> frozenset[str]:
    return frozenset().union(*(neighbours(code) for code in divisions))


def _division_bits(sets: Sequence[frozenset[str]]) -> np.ndarray:
    return bitset([[_DIVISION_BIT[code] for code in codes] for codes in sets], len(DIVISION_CODES))


def build_table(profiles: Sequence[Profile], analyses: Sequence[Analysis]) -> ProfileTable:
    """The numeric table of `profiles`, given their analyses (same order)."""
    masks = [answer_masks(analysis.offer_types) for analysis in analyses]
    country_at = _country_position()
    language_at = _language_position()
    near = [_near(item.divisions) for item in analyses]
    return ProfileTable(
        ids=tuple(profile.id for profile in profiles),
        seek_mask=np.array([type_mask(item.seek_types) for item in analyses], dtype=np.int32),
        answers_full=np.array([mask[0] for mask in masks], dtype=np.int32),
        answers_related=np.array([mask[1] for mask in masks], dtype=np.int32),
        answers_weak=np.array([mask[2] for mask in masks], dtype=np.int32),
        divisions=_division_bits([item.divisions for item in analyses]),
        neighbours=_division_bits(near),
        seek_divisions=_division_bits([item.seek_divisions for item in analyses]),
        offer_divisions=_division_bits([item.offer_divisions for item in analyses]),
        sections=bitset([{_SECTION_BIT[code[0]] for code in item.divisions} for item in analyses], 32),
        country=np.array([country_at.get(profile.country, 0) for profile in profiles], dtype=np.int64),
        targets=bitset(
            [[country_at[code] for code in profile.target_countries] for profile in profiles], len(country_at)
        ),
        has_targets=np.array([bool(profile.target_countries) for profile in profiles]),
        languages=bitset(
            [[language_at[code] for code in profile.languages] for profile in profiles], len(language_at)
        ),
        has_languages=np.array([bool(profile.languages) for profile in profiles]),
        size=np.array(
            [SIZES.index(profile.size) if profile.size else -1 for profile in profiles], dtype=np.int8
        ),
        kind=np.array([KINDS.index(profile.kind) for profile in profiles], dtype=np.int8),
    )
