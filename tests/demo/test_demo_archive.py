"""The demo world's archive: summaries drafted from the records, most of them published."""

import pytest

from smexchange.demo.archive import CLOSING_EN, build_archive
from smexchange.reports.enums import SummaryStatus
from smexchange.reports.models import EventSummary

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_build_archive_on_the_small_world_publishes_the_expo_and_drafts_the_last(small_world):
    result = build_archive(events=3, drafts=1)

    summaries = list(EventSummary.objects.select_related("event").order_by("event__starts_on"))
    assert (result.drafted, result.published) == (4, 3)
    assert [s.status for s in summaries] == [SummaryStatus.PUBLISHED] * 3 + [SummaryStatus.DRAFT]
    expo = summaries[0]
    assert expo.event.slug == "global-sme-expo-2009"
    assert expo.text_en.startswith(
        "Shanghai, China, 13 July 2009 — The Global SME Expo 2009 brought together"
    )
    assert expo.text_en.endswith(CLOSING_EN)
    assert "2009全球中小企业博览会" in expo.text_zh


def test_build_archive_twice_adds_nothing(small_world):
    build_archive(events=2, drafts=0)

    again = build_archive(events=2, drafts=0)

    assert (again.drafted, again.published) == (0, 0)
    assert EventSummary.objects.count() == 3
