"""The ranking of an award's nominees from the jurors' scores: a pure function, no Django.

The rule, written out in docs/developer/algorithms/awards.md:

1. A juror's mark for a nominee is the weighted mean of that juror's scores over the award's
   criteria. Only complete score cards count (a score on every criterion), so that a juror
   cannot raise or lower a nominee by leaving a criterion out.
2. A nominee's score is the plain mean of the marks of the jurors who scored it. Jurors with a
   declared conflict of interest are left out of that nominee's mean entirely (their scores, if
   any reached this function, are ignored), so a conflict neither helps nor hurts.
3. Ties are broken, in this order, by: the higher mean score on each criterion in turn, from the
   highest weight down (equal weights: the criterion's position); more jurors counted; the earlier
   nomination; the name (case-insensitive); the lower nomination id.

Arithmetic is exact (fractions), so two nominees tie only when their marks are truly equal.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction


@dataclass(frozen=True)
class CriterionInput:
    id: int
    weight: Decimal
    position: int = 0


@dataclass(frozen=True)
class NomineeInput:
    id: int
    name: str
    nominated_at: dt.datetime


@dataclass(frozen=True)
class ScoreInput:
    juror: int
    nominee: int
    criterion: int
    value: Decimal


@dataclass(frozen=True)
class RankedNominee:
    """One line of the ranking; `rank` is None for a nominee no juror scored completely."""

    nominee: int
    rank: int | None
    score: Fraction | None
    criterion_means: tuple[tuple[int, Fraction], ...]
    jurors: int
    decided_by: str

    @property
    def score_display(self) -> str:
        return "" if self.score is None else f"{float(self.score):.3f}"


# What separated a nominee from the one ranked just above it (`RankedNominee.decided_by`).
DECIDED_BY_SCORE = "score"
DECIDED_BY_CRITERION = "criterion"  # followed by ":<criterion id>"
DECIDED_BY_JURORS = "jurors"
DECIDED_BY_NOMINATION_DATE = "nominated_at"
DECIDED_BY_NAME = "name"
DECIDED_BY_ID = "id"


def criteria_by_precedence(criteria: Iterable[CriterionInput]) -> list[CriterionInput]:
    """The criteria in tie-break order: highest weight first, then by position, then id."""
    return sorted(criteria, key=lambda c: (-c.weight, c.position, c.id))


def juror_marks(
    criteria: Sequence[CriterionInput],
    scores: Iterable[ScoreInput],
    conflicts: Collection[tuple[int, int]] = (),
) -> dict[int, dict[int, dict[int, Fraction]]]:
    """Complete, unconflicted score cards: nominee -> juror -> criterion -> value."""
    wanted = {criterion.id for criterion in criteria}
    cards: dict[int, dict[int, dict[int, Fraction]]] = defaultdict(lambda: defaultdict(dict))
    for score in scores:
        if (score.juror, score.nominee) in conflicts or score.criterion not in wanted:
            continue
        cards[score.nominee][score.juror][score.criterion] = Fraction(score.value)
    return {
        nominee: {juror: card for juror, card in by_juror.items() if set(card) == wanted}
        for nominee, by_juror in cards.items()
    }


def _weighted_mean(card: dict[int, Fraction], criteria: Sequence[CriterionInput]) -> Fraction:
    total_weight = sum((Fraction(c.weight) for c in criteria), Fraction(0))
    return sum((Fraction(c.weight) * card[c.id] for c in criteria), Fraction(0)) / total_weight


@dataclass(frozen=True)
class _Line:
    nominee: NomineeInput
    score: Fraction
    criterion_means: tuple[tuple[int, Fraction], ...]
    jurors: int

    def rules(self) -> list[tuple[str, object]]:
        """(name of the rule, sort key) in tie-rule order; smaller keys rank higher."""
        return [
            (DECIDED_BY_SCORE, -self.score),
            *((f"{DECIDED_BY_CRITERION}:{cid}", -mean) for cid, mean in self.criterion_means),
            (DECIDED_BY_JURORS, -self.jurors),
            (DECIDED_BY_NOMINATION_DATE, self.nominee.nominated_at),
            (DECIDED_BY_NAME, self.nominee.name.casefold()),
            (DECIDED_BY_ID, self.nominee.id),
        ]


def _decided_by(above: _Line, below: _Line) -> str:
    for (rule, key_above), (_rule, key_below) in zip(above.rules(), below.rules(), strict=True):
        if key_above != key_below:
            return rule
    return DECIDED_BY_ID


def rank_nominees(
    criteria: Sequence[CriterionInput],
    nominees: Sequence[NomineeInput],
    scores: Iterable[ScoreInput],
    conflicts: Collection[tuple[int, int]] = (),
) -> list[RankedNominee]:
    """Every nominee once, best first; see the module docstring for the rule.

    `conflicts` holds (juror id, nominee id) pairs. Nominees without a complete, unconflicted score
    card come last, unranked, in nomination order. Raises ValueError without criteria or with a
    criterion weight that is not positive.
    """
    if not criteria:
        raise ValueError("an award needs at least one criterion to rank its nominees")
    if any(criterion.weight <= 0 for criterion in criteria):
        raise ValueError("criterion weights must be positive")
    ordered = criteria_by_precedence(criteria)
    cards = juror_marks(ordered, scores, set(conflicts))
    lines: list[_Line] = []
    unranked: list[NomineeInput] = []
    for nominee in nominees:
        by_juror = cards.get(nominee.id, {})
        if not by_juror:
            unranked.append(nominee)
            continue
        count = len(by_juror)
        marks = [_weighted_mean(card, ordered) for card in by_juror.values()]
        means = tuple(
            (c.id, sum((card[c.id] for card in by_juror.values()), Fraction(0)) / count) for c in ordered
        )
        lines.append(_Line(nominee, sum(marks, Fraction(0)) / count, means, count))
    lines.sort(key=lambda line: [key for _rule, key in line.rules()])
    result = [
        RankedNominee(
            nominee=line.nominee.id,
            rank=position,
            score=line.score,
            criterion_means=line.criterion_means,
            jurors=line.jurors,
            decided_by="" if position == 1 else _decided_by(lines[position - 2], line),
        )
        for position, line in enumerate(lines, start=1)
    ]
    unranked.sort(key=lambda n: (n.nominated_at, n.name.casefold(), n.id))
    result += [RankedNominee(n.id, None, None, (), 0, "") for n in unranked]
    return result
