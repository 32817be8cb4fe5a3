"""The public archive in the demo world: summaries of the expo and of the first later events.

Drafted from the records through the services, lightly edited as staff would, and published; the
last few are left as drafts, so that the staff pages show both.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from smexchange.events.models import Event
from smexchange.reports.enums import SummaryStatus
from smexchange.reports.models import EventSummary
from smexchange.reports.services import draft_event_summary, edit_event_summary, publish_event_summary

# Summaries for the expo and this many later events; the last DRAFTS of them stay drafts.
ARCHIVED_EVENTS = 8
DRAFTS = 2
CLOSING_EN = "Speeches and photographs of the event are available from the alliance's secretariat."
CLOSING_ZH = "活动的演讲稿和照片可向联盟秘书处索取。"


@dataclass(frozen=True)
class ArchiveSummary:
    drafted: int
    published: int


def build_archive(*, events: int = ARCHIVED_EVENTS, drafts: int = DRAFTS) -> ArchiveSummary:
    """Draft, edit and publish archive summaries of the earliest past public events, once."""
    past = list(
        Event.objects.filter(is_published=True, ends_on__lt=timezone.localdate()).order_by(
            "starts_on", "slug"
        )[: events + 1]
    )
    drafted = published = 0
    publish_until = max(len(past) - drafts, 1)
    for position, event in enumerate(past):
        if EventSummary.objects.filter(event=event).exists():
            continue
        summary = draft_event_summary(event)
        drafted += 1
        if position < publish_until:
            edit_event_summary(
                summary,
                text_en=f"{summary.text_en}\n\n{CLOSING_EN}",
                text_zh=f"{summary.text_zh}\n\n{CLOSING_ZH}",
            )
            publish_event_summary(summary)
            published += 1
    return ArchiveSummary(drafted, published)


def archive_counts() -> tuple[int, int]:
    """(published, draft) summaries in the database."""
    summaries = list(EventSummary.objects.values_list("status", flat=True))
    return summaries.count(SummaryStatus.PUBLISHED), summaries.count(SummaryStatus.DRAFT)
