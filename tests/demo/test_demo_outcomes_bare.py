"""Outcomes of a world with no published schedule and no organizer: the ceremonies still get theirs."""

import pytest

from smexchange.demo.outcomes import build_outcomes
from smexchange.demo.world import build_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_outcomes_of_a_world_without_matchmaking_or_organizer():
    expo = build_world(seed=3, organizations=40, later_events=1)

    summary = build_outcomes(expo, seed=3)

    assert (summary.follow_ups, summary.prospective, summary.partnerships) == (0, 0, 3)
