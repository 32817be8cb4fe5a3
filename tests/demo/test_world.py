import pytest

from tests.demo.conftest import build_and_summarize

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_build_world_same_seed_gives_same_world():
    first = build_and_summarize(seed=2009, organizations=120, later_events=2)

    second = build_and_summarize(seed=2009, organizations=120, later_events=2)

    assert first == second
    assert first.events == 3


def test_build_world_other_seed_gives_other_world():
    first = build_and_summarize(seed=2009, organizations=60, later_events=1)

    second = build_and_summarize(seed=7, organizations=60, later_events=1)

    assert first.fingerprint != second.fingerprint
