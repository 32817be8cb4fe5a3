"""The ranking rule on hand-built inputs; every expectation below is computed by hand in the comments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from smexchange.awards.ranking import (
    CriterionInput,
    NomineeInput,
    ScoreInput,
    criteria_by_precedence,
    rank_nominees,
)

pytestmark = pytest.mark.unit

DAY = dt.datetime(2009, 5, 1, tzinfo=dt.UTC)
INNOVATION = CriterionInput(1, Decimal("2"), position=0)
VISION = CriterionInput(2, Decimal("1"), position=1)
CRITERIA = [INNOVATION, VISION]


def nominee(nid: int, name: str = "", *, day: int = 0) -> NomineeInput:
    return NomineeInput(nid, name or f"Nominee {nid}", DAY + dt.timedelta(days=day))


def card(juror: int, nid: int, innovation: str, vision: str) -> list[ScoreInput]:
    return [
        ScoreInput(juror, nid, INNOVATION.id, Decimal(innovation)),
        ScoreInput(juror, nid, VISION.id, Decimal(vision)),
    ]


def summary(ranking):
    return [(line.nominee, line.rank, line.score, line.jurors, line.decided_by) for line in ranking]


def test_rank_weighted_means_averaged_over_jurors_with_criterion_tie_break():
    # X: juror 1 (8, 5) -> (2*8 + 5)/3 = 7; juror 2 (7, 7) -> 7; juror 3 scored innovation only: not counted.
    # Y: juror 1 (6, 9) -> (12 + 9)/3 = 7; juror 2 (8, 5) -> 7.  X and Y tie at 7;
    #    mean innovation X = 7.5, Y = 7: X first, decided by innovation (the highest weight).
    # Z: juror 1 (9, 9) -> 9; juror 2 declared a conflict (its 0, 0 must not count) -> 9 over one juror.
    scores = [
        *card(1, 10, "8", "5"), *card(2, 10, "7", "7"), ScoreInput(3, 10, INNOVATION.id, Decimal("10")),
        *card(1, 11, "6", "9"), *card(2, 11, "8", "5"),
        *card(1, 12, "9", "9"), *card(2, 12, "0", "0"),
    ]  # fmt: skip

    ranking = rank_nominees(CRITERIA, [nominee(10), nominee(11), nominee(12)], scores, conflicts={(2, 12)})

    assert summary(ranking) == [
        (12, 1, Fraction(9), 1, ""),
        (10, 2, Fraction(7), 2, "score"),
        (11, 3, Fraction(7), 2, "criterion:1"),
    ]
    assert dict(ranking[1].criterion_means) == {1: Fraction(15, 2), 2: Fraction(6)}


def test_rank_is_exact_with_thirds():
    # Weights 2 and 1. X (2, 1): (4 + 1)/3 = 5/3. Y (1, 3): (2 + 3)/3 = 5/3: an exact tie, then innovation 2 > 1.
    scores = [*card(1, 1, "2", "1"), *card(1, 2, "1", "3")]

    ranking = rank_nominees(CRITERIA, [nominee(2), nominee(1)], scores)

    assert summary(ranking) == [(1, 1, Fraction(5, 3), 1, ""), (2, 2, Fraction(5, 3), 1, "criterion:1")]


def test_rank_tie_then_more_jurors_first():
    # Both 5 everywhere; X by two jurors, Y by one: X first.
    scores = [*card(1, 1, "5", "5"), *card(1, 2, "5", "5"), *card(2, 2, "5", "5")]

    ranking = rank_nominees(CRITERIA, [nominee(1), nominee(2)], scores)

    assert summary(ranking) == [(2, 1, Fraction(5), 2, ""), (1, 2, Fraction(5), 1, "jurors")]


def test_rank_tie_then_earlier_nomination_then_name_then_id():
    scores = [score for nid in (1, 2, 3, 4) for score in card(1, nid, "6", "6")]
    nominees = [
        nominee(1, "Zhang Wei", day=2),  # latest nomination: last
        nominee(2, "Wang Fang", day=1),  # same day as 3 and 4: name decides, W after L
        nominee(3, "li na", day=1),  # case-insensitive: "li na" before "Wang Fang"
        nominee(4, "Li Na", day=1),  # same name as 3 (case aside): the higher id comes after
    ]

    ranking = rank_nominees(CRITERIA, nominees, scores)

    assert summary(ranking) == [
        (3, 1, Fraction(6), 1, ""),
        (4, 2, Fraction(6), 1, "id"),
        (2, 3, Fraction(6), 1, "name"),
        (1, 4, Fraction(6), 1, "nominated_at"),
    ]


def test_rank_nominees_without_a_complete_card_come_last_unranked():
    scores = [*card(1, 1, "3", "3"), ScoreInput(1, 2, VISION.id, Decimal("10"))]

    ranking = rank_nominees(CRITERIA, [nominee(3, day=1), nominee(2), nominee(1)], scores)

    assert summary(ranking) == [(1, 1, Fraction(3), 1, ""), (2, None, None, 0, ""), (3, None, None, 0, "")]


def test_conflict_neither_helps_nor_hurts():
    # Juror 2's scores for nominee 1 are left out: the result equals the one without them at all.
    honest = [*card(1, 1, "6", "6"), *card(1, 2, "7", "4"), *card(2, 2, "5", "5")]
    with_conflicted_scores = [*honest, *card(2, 1, "10", "10")]
    nominees = [nominee(1), nominee(2)]

    conflicted = rank_nominees(CRITERIA, nominees, with_conflicted_scores, conflicts={(2, 1)})
    without = rank_nominees(CRITERIA, nominees, honest)

    assert conflicted == without
    # 1: 6 by one juror; 2: juror 1 (14 + 4)/3 = 6, juror 2 5 -> 11/2: nominee 1 first.
    assert summary(conflicted) == [(1, 1, Fraction(6), 1, ""), (2, 2, Fraction(11, 2), 2, "score")]


def test_criteria_precedence_by_weight_then_position():
    low = CriterionInput(1, Decimal("1"), position=0)
    heavy_late = CriterionInput(2, Decimal("3"), position=2)
    heavy_early = CriterionInput(3, Decimal("3"), position=1)

    assert criteria_by_precedence([low, heavy_late, heavy_early]) == [heavy_early, heavy_late, low]


def test_rank_refuses_no_criteria_and_non_positive_weights():
    with pytest.raises(ValueError, match="at least one criterion"):
        rank_nominees([], [nominee(1)], [])
    with pytest.raises(ValueError, match="positive"):
        rank_nominees([CriterionInput(1, Decimal("0"))], [nominee(1)], [])
