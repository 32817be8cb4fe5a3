"""Report generation: the files themselves, and report runs as background jobs."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from smexchange.common.exceptions import DomainError
from smexchange.common.jobs import enqueue
from smexchange.events.models import Event
from smexchange.reports.content import annual_report_content, event_report_content
from smexchange.reports.documents import render_report
from smexchange.reports.enums import STALE_AFTER, ReportFormat, ReportKind, ReportRunStatus, SummaryStatus
from smexchange.reports.figures import annual_figures, event_figures
from smexchange.reports.models import EventSummary, ReportRun
from smexchange.reports.press import SummaryDraft, draft_summary

logger = logging.getLogger(__name__)

LANGUAGES = ("en", "zh-hans")


def event_report(event: Event, fmt: str, *, language: str = "en") -> bytes:
    """The event report as PDF, HTML or XLSX bytes, in `language`."""
    with translation.override(language):
        return render_report(event_report_content(event_figures(event)), fmt)


def annual_report(year: int, fmt: str, *, language: str = "en") -> bytes:
    """The annual report of `year`; raises ReportInputError when no event took place that year."""
    with translation.override(language):
        return render_report(annual_report_content(annual_figures(year)), fmt)


def _check(fmt: str, language: str) -> None:
    if fmt not in ReportFormat.values:
        raise DomainError(_("Choose PDF, HTML or XLSX."))
    if language not in LANGUAGES:
        raise DomainError(_("Choose English or Chinese."))


@transaction.atomic
def request_event_report(event: Event, *, fmt: str, language: str = "en", by: Any = None) -> ReportRun:
    """Queue the generation of an event report; the job starts once this transaction commits."""
    _check(fmt, language)
    run = ReportRun.objects.create(
        kind=ReportKind.EVENT, event=event, format=fmt, language=language, requested_by=by
    )
    _enqueue(run)
    return run


@transaction.atomic
def request_annual_report(year: int, *, fmt: str, language: str = "en", by: Any = None) -> ReportRun:
    """Queue the annual report of `year`; refuses a year in which no event took place."""
    _check(fmt, language)
    if not Event.objects.filter(starts_on__year=year).exists():
        raise DomainError(_("No events took place in %(year)s.") % {"year": year})
    run = ReportRun.objects.create(
        kind=ReportKind.ANNUAL, year=year, format=fmt, language=language, requested_by=by
    )
    _enqueue(run)
    return run


def _enqueue(run: ReportRun) -> None:
    # Inline: tasks.py imports this module to call the services.
    from smexchange.reports.tasks import task_generate_report

    enqueue(task_generate_report, run_id=run.pk)


def _claim(run_id: int) -> ReportRun | None:
    with transaction.atomic():
        run = ReportRun.objects.select_for_update().defer("content").get(pk=run_id)
        if run.status != ReportRunStatus.QUEUED:
            return None
        run.status, run.started_at = ReportRunStatus.RUNNING, timezone.now()
        run.save(update_fields=["status", "started_at"])
        return run


def _render(run: ReportRun) -> bytes:
    if run.kind == ReportKind.EVENT:
        assert run.event is not None
        return event_report(run.event, run.format, language=run.language)
    assert run.year is not None
    return annual_report(run.year, run.format, language=run.language)


def execute_report_run(run_id: int) -> ReportRun:
    """Generate the run's file and store it with the run, in one update that also marks it succeeded.

    A failure marks the run failed with its error; a run already claimed (a repeated job) is left alone.
    """
    run = _claim(run_id)
    if run is None:
        return ReportRun.objects.defer("content").get(pk=run_id)
    try:
        content = _render(run)
    except Exception as error:
        logger.exception("report run %s failed", run.pk)
        ReportRun.objects.filter(pk=run.pk, status=ReportRunStatus.RUNNING).update(
            status=ReportRunStatus.FAILED,
            error=f"{type(error).__name__}: {error}",
            finished_at=timezone.now(),
        )
    else:
        ReportRun.objects.filter(pk=run.pk, status=ReportRunStatus.RUNNING).update(
            status=ReportRunStatus.SUCCEEDED, content=content, error="", finished_at=timezone.now()
        )
    return ReportRun.objects.defer("content").get(pk=run.pk)


def is_stale(run: ReportRun, *, now: dt.datetime | None = None) -> bool:
    """A run that has been running for too long: its job was killed, so it may be retried."""
    if run.status != ReportRunStatus.RUNNING or run.started_at is None:
        return False
    return (now or timezone.now()) - run.started_at > STALE_AFTER


@transaction.atomic
def retry_report_run(run: ReportRun, *, now: dt.datetime | None = None) -> ReportRun:
    """Queue a failed (or killed) run again; it then produces exactly one file, in the same run."""
    current = ReportRun.objects.select_for_update().defer("content").get(pk=run.pk)
    if not (current.status == ReportRunStatus.FAILED or is_stale(current, now=now)):
        raise DomainError(_("Only a failed report can be generated again."))
    current.status, current.error, current.started_at, current.finished_at = (
        ReportRunStatus.QUEUED,
        "",
        None,
        None,
    )
    current.save(update_fields=["status", "error", "started_at", "finished_at"])
    _enqueue(current)
    return current


def _draft(event: Event) -> SummaryDraft:
    programme = list(event.programme.order_by("starts_at", "id"))
    partners = list(event.partners.select_related("organization").order_by("role", "id"))
    return draft_summary(event_figures(event), programme, partners)


@transaction.atomic
def draft_event_summary(event: Event, *, today: dt.date | None = None) -> EventSummary:
    """Draft the archive summary of a past event from its records, or redraft an unpublished one.

    A published summary is kept as staff edited it: unpublish it first to redraft.
    """
    if event.ends_on >= (today or timezone.localdate()):
        raise DomainError(_("Only an event that has ended gets a page in the archive."))
    draft = _draft(event)
    summary = EventSummary.objects.select_for_update().filter(event=event).first()
    if summary is None:
        return EventSummary.objects.create(event=event, text_en=draft.text_en, text_zh=draft.text_zh)
    if summary.is_published:
        raise DomainError(_("The summary is published; unpublish it before drafting it again."))
    summary.text_en, summary.text_zh = draft.text_en, draft.text_zh
    summary.save(update_fields=["text_en", "text_zh", "updated_at"])
    return summary


def edit_event_summary(summary: EventSummary, *, text_en: str, text_zh: str) -> EventSummary:
    """Save staff's edits; both languages must say something."""
    text_en, text_zh = text_en.strip(), text_zh.strip()
    if not (text_en and text_zh):
        raise DomainError(_("Write the summary in both English and Chinese."))
    summary.text_en, summary.text_zh = text_en, text_zh
    summary.full_clean()
    summary.save(update_fields=["text_en", "text_zh", "updated_at"])
    return summary


def publish_event_summary(summary: EventSummary, *, now: dt.datetime | None = None) -> EventSummary:
    """Show the summary in the public archive; the event itself must be public."""
    if not summary.event.is_published:
        raise DomainError(_("Publish the event before its summary."))
    summary.status, summary.published_at = SummaryStatus.PUBLISHED, now or timezone.now()
    summary.save(update_fields=["status", "published_at", "updated_at"])
    return summary


def unpublish_event_summary(summary: EventSummary) -> EventSummary:
    summary.status, summary.published_at = SummaryStatus.DRAFT, None
    summary.save(update_fields=["status", "published_at", "updated_at"])
    return summary
