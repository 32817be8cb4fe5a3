"""The demo expo's award: nominations, a jury with conflicts, scores and ten published laureates."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client

from smexchange.awards.enums import AwardStatus
from smexchange.awards.models import Award, ConflictOfInterest, Juror, Laureate, Score
from smexchange.demo.awards import AWARD_SLUG, JUROR_LOGIN, build_expo_award
from smexchange.demo.matchmaking import DEMO_PASSWORD
from smexchange.demo.world import build_world
from smexchange.events.enums import ProgrammeKind

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def expo():
    return build_world(seed=7, organizations=250, later_events=0)


def _laureate_lines(award: Award) -> list[str]:
    return [
        f"{laureate.nomination.person.display_name}, {laureate.nomination.organization.display_name}"
        for laureate in award.laureates.select_related("nomination__person", "nomination__organization")
    ]


def test_demo_award_is_judged_and_publishes_the_programmes_ten_laureates(expo):
    login = build_expo_award(expo, seed=7)

    award = Award.objects.get(event=expo, slug=AWARD_SLUG)
    ceremony = expo.programme.get(kind=ProgrammeKind.AWARD_PRESENTATION)
    assert (login.email, award.status, award.ceremony) == (JUROR_LOGIN, AwardStatus.PUBLISHED, ceremony)
    assert list(award.criteria.values_list("name", flat=True)) == [
        "Innovation", "Vision", "International outlook", "Social responsibility",
        "Environmental practice", "Management excellence",
    ]  # fmt: skip
    assert sorted(_laureate_lines(award)) == sorted(ceremony.description.splitlines()[1:])
    assert list(award.laureates.values_list("rank", flat=True)) == list(range(1, 11))
    assert award.nominations.count() > 10
    assert ConflictOfInterest.objects.filter(juror__award=award).count() == 2
    for conflict in ConflictOfInterest.objects.all():
        assert not Score.objects.filter(juror=conflict.juror, nomination=conflict.nomination).exists()


def test_demo_award_second_run_reuses_it(expo):
    first = build_expo_award(expo, seed=7)
    counts = (Award.objects.count(), Juror.objects.count(), Score.objects.count(), Laureate.objects.count())

    second = build_expo_award(expo, seed=7)

    assert second == first
    assert (
        Award.objects.count(),
        Juror.objects.count(),
        Score.objects.count(),
        Laureate.objects.count(),
    ) == counts


def test_demo_juror_logs_in_and_reads_the_ranking(expo):
    build_expo_award(expo, seed=7)
    client = Client()

    assert client.login(username=JUROR_LOGIN, password=DEMO_PASSWORD)
    jury = client.get(f"/events/{expo.slug}/awards/{AWARD_SLUG}/jury/")
    public = Client().get(f"/events/{expo.slug}/awards/{AWARD_SLUG}/")

    assert jury.status_code == public.status_code == 200
    assert len(jury.context["ranking"]) == Award.objects.get().nominations.count()
    assert [line.rank for line in jury.context["ranking"]][:10] == list(range(1, 11))
    assert public.content.decode().count('id="laureate-') == 10


def test_demo_award_is_deterministic_from_the_seed():
    def laureates(seed: int) -> list[tuple[str, str]]:
        with transaction.atomic():
            expo = build_world(seed=seed, organizations=250, later_events=0)
            build_expo_award(expo, seed=seed)
            result = list(
                Laureate.objects.order_by("rank").values_list("nomination__person__family_name", "score")
            )
            transaction.set_rollback(True)
        return [(name, str(score)) for name, score in result]

    assert laureates(7) == laureates(7)


def test_demo_award_degrades_in_a_tiny_world():
    expo = build_world(seed=2009, organizations=40, later_events=0)

    login = build_expo_award(expo, seed=7)

    award = Award.objects.filter(event=expo).first()
    if login is None:
        assert award is None
    else:
        assert award.status == AwardStatus.PUBLISHED
        assert 1 <= award.laureates.count() <= 10


def test_readme_documents_the_juror_log_in_and_its_page():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()

    assert f"`{JUROR_LOGIN}`" in readme
    assert f"/events/global-sme-expo-2009/awards/{AWARD_SLUG}/jury/" in readme
