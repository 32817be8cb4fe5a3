"""Reads of awards: the ranking from the stored scores, scoring progress, what each role may see."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from smexchange.awards import ranking
from smexchange.awards.enums import AwardStatus
from smexchange.awards.models import Award, ConflictOfInterest, Criterion, Juror, Laureate, Nomination, Score


@dataclass(frozen=True)
class RankingLine:
    nomination: Nomination
    rank: int | None
    score: Fraction | None
    jurors: int
    criterion_means: list[tuple[Criterion, Fraction]]
    decided_by: str

    @property
    def score_display(self) -> str:
        return "" if self.score is None else f"{float(self.score):.3f}"


def nominations_of(award: Award) -> QuerySet[Nomination]:
    return award.nominations.select_related("person__organization", "organization").order_by(
        "nominated_at", "id"
    )


def _decided_by_label(rule: str, criteria: dict[int, Criterion]) -> str:
    if rule.startswith(ranking.DECIDED_BY_CRITERION + ":"):
        criterion = criteria[int(rule.split(":", 1)[1])]
        return _("tie broken by the mean score on %(criterion)s") % {"criterion": criterion.title}
    labels = {
        ranking.DECIDED_BY_SCORE: "",
        ranking.DECIDED_BY_JURORS: _("tie broken by the number of jurors"),
        ranking.DECIDED_BY_NOMINATION_DATE: _("tie broken by the earlier nomination"),
        ranking.DECIDED_BY_NAME: _("tie broken by name"),
        ranking.DECIDED_BY_ID: _("tie broken by the order of entry"),
    }
    return labels.get(rule, "")


def award_ranking(award: Award) -> list[RankingLine]:
    """The ranking of every nominee from the stored scores (see `ranking.rank_nominees`)."""
    criteria = {c.pk: c for c in award.criteria.all()}
    nominations = {n.pk: n for n in nominations_of(award)}
    if not criteria:
        return [RankingLine(n, None, None, 0, [], "") for n in nominations.values()]
    lines = ranking.rank_nominees(
        [ranking.CriterionInput(c.pk, c.weight, c.position) for c in criteria.values()],
        [ranking.NomineeInput(n.pk, n.sort_name, n.nominated_at) for n in nominations.values()],
        [
            ranking.ScoreInput(juror, nominee, criterion, value)
            for juror, nominee, criterion, value in Score.objects.filter(juror__award=award).values_list(
                "juror_id", "nomination_id", "criterion_id", "value"
            )
        ],
        set(ConflictOfInterest.objects.filter(juror__award=award).values_list("juror_id", "nomination_id")),
    )
    return [
        RankingLine(
            nomination=nominations[line.nominee],
            rank=line.rank,
            score=line.score,
            jurors=line.jurors,
            # Shown in the award's own order of criteria, not the tie rule's order.
            criterion_means=sorted(
                ((criteria[cid], mean) for cid, mean in line.criterion_means),
                key=lambda pair: (pair[0].position, pair[0].pk),
            ),
            decided_by=_decided_by_label(line.decided_by, criteria),
        )
        for line in lines
    ]


@dataclass(frozen=True)
class JurorProgress:
    juror: Juror
    complete_cards: int
    conflicts: int
    nominees: int

    @property
    def remaining(self) -> int:
        return self.nominees - self.conflicts - self.complete_cards


def scoring_progress(award: Award) -> list[JurorProgress]:
    """For each juror: complete score cards, declared conflicts, and what is left to score."""
    criteria = award.criteria.count()
    nominees = award.nominations.count()
    cards: dict[int, int] = {}
    per_card = (
        Score.objects.filter(juror__award=award)
        .values("juror_id", "nomination_id")
        .annotate(n=Count("id"))
        .filter(n=criteria)
    )
    for row in per_card:
        cards[row["juror_id"]] = cards.get(row["juror_id"], 0) + 1
    jurors = award.jurors.select_related("person", "user").annotate(conflict_count=Count("conflicts"))
    return [JurorProgress(j, cards.get(j.pk, 0), j.conflict_count, nominees) for j in jurors]


def own_scores(juror: Juror) -> dict[int, dict[int, Any]]:
    """A juror's own scores: nomination id -> criterion id -> value. Never anyone else's."""
    result: dict[int, dict[int, Any]] = {}
    for nomination, criterion, value in juror.scores.values_list("nomination_id", "criterion_id", "value"):
        result.setdefault(nomination, {})[criterion] = value
    return result


def juror_conflicts(juror: Juror) -> dict[int, str]:
    return dict(juror.conflicts.values_list("nomination_id", "reason"))


def published_awards(event: Any) -> QuerySet[Award]:
    return Award.objects.published().filter(event=event).order_by("-year", "name")


def laureates_of(award: Award) -> QuerySet[Laureate]:
    return award.laureates.select_related(
        "nomination__person__organization", "nomination__organization"
    ).order_by("rank")


def awards_with_counts(event: Any) -> QuerySet[Award]:
    return (
        Award.objects.filter(event=event)
        .annotate(
            nomination_count=Count("nominations", distinct=True),
            juror_count=Count("jurors", distinct=True),
            laureate_total=Count("laureates", distinct=True),
        )
        .order_by("-year", "name")
    )


def is_done(award: Award) -> bool:
    return award.status in (AwardStatus.CLOSED, AwardStatus.PUBLISHED)
