"""Reusable reads of reports: report runs, the archive's summaries."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from smexchange.events.models import Event
from smexchange.reports.enums import ReportKind, SummaryStatus
from smexchange.reports.models import EventSummary, ReportRun

RECENT_RUNS = 10


def event_report_runs(event: Event) -> list[ReportRun]:
    return list(ReportRun.objects.listing().filter(kind=ReportKind.EVENT, event=event)[:RECENT_RUNS])


def annual_report_runs(year: int) -> list[ReportRun]:
    return list(ReportRun.objects.listing().filter(kind=ReportKind.ANNUAL, year=year)[:RECENT_RUNS])


def published_summaries() -> QuerySet[EventSummary]:
    """The archive: published summaries of public events, latest event first."""
    return (
        EventSummary.objects.filter(status=SummaryStatus.PUBLISHED, event__is_published=True)
        .select_related("event")
        .order_by("-event__starts_on", "event__name")
    )


def published_summary(slug: str) -> EventSummary:
    return get_object_or_404(published_summaries(), event__slug=slug)


def summaries_for_staff() -> QuerySet[EventSummary]:
    return EventSummary.objects.select_related("event").order_by("-event__starts_on", "event__name")


def event_years() -> list[int]:
    """Every year in which an event took place, latest first."""
    return sorted({day.year for day in Event.objects.dates("starts_on", "year")}, reverse=True)
