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
from smexchange.reports.enums import ReportFormat, ReportKind, ReportRunStatus
from smexchange.reports.figures import annual_figures, event_figures
from smexchange.reports.models import ReportRun

logger = logging.getLogger(__name__)

# A run still "running" after this long was killed (a worker died, the server restarted).
STALE_AFTER = dt.timedelta(minutes=15)
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
