"""Scores, conflicts and the closing of the jury racing each other on PostgreSQL: one consistent end state."""

from __future__ import annotations

import pytest

from smexchange.awards.models import ConflictOfInterest, Score
from smexchange.awards.services import close_jury, declare_conflict, record_scores
from tests.awards.conftest import build_jury
from tests.events.test_concurrency import _race

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROUNDS = 8


def test_a_score_racing_the_close_lands_before_it_or_is_refused():
    for round_number in range(ROUNDS):
        jury = build_jury(slug=f"race-{round_number}", nominees=1, jurors=1)
        juror, nomination = jury.jurors[0], jury.nominations[0]

        outcomes = _race(
            lambda: record_scores(juror, nomination, {jury.innovation: "7", jury.vision: "7"}),  # noqa: B023
            lambda: close_jury(jury.award),  # noqa: B023
        )

        jury.award.refresh_from_db()
        scores = Score.objects.filter(juror=juror)
        assert outcomes[1] == "done"
        assert scores.count() == (2 if outcomes[0] == "done" else 0)
        assert not scores.filter(scored_at__gt=jury.award.closed_at).exists()


def test_a_score_racing_a_conflict_never_leaves_both():
    for round_number in range(ROUNDS):
        jury = build_jury(slug=f"conflict-{round_number}", nominees=1, jurors=1)
        juror, nomination = jury.jurors[0], jury.nominations[0]

        outcomes = _race(
            lambda: record_scores(juror, nomination, {jury.innovation: "7", jury.vision: "7"}),  # noqa: B023
            lambda: declare_conflict(juror, nomination, reason="Cousin"),  # noqa: B023
        )

        assert outcomes[1] == "done"
        assert ConflictOfInterest.objects.filter(juror=juror, nomination=nomination).count() == 1
        assert Score.objects.filter(juror=juror, nomination=nomination).count() == 0


def test_the_same_card_twice_at_once_keeps_one_score_per_criterion():
    jury = build_jury(nominees=1, jurors=1)
    juror, nomination = jury.jurors[0], jury.nominations[0]

    def card():
        return record_scores(juror, nomination, {jury.innovation: "6", jury.vision: "8"})

    outcomes = _race(card, card)

    assert outcomes == ["done", "done"]
    assert sorted(Score.objects.values_list("criterion__name", "value")) == [("Innovation", 6), ("Vision", 8)]
