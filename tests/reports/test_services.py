"""Report runs as background jobs, and the archive summaries' workflow."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from smexchange.common.exceptions import DomainError
from smexchange.events.enums import PartnerRole
from smexchange.reports.enums import ReportRunStatus, SummaryStatus
from smexchange.reports.models import EventSummary, ReportRun
from smexchange.reports.services import (
    draft_event_summary,
    edit_event_summary,
    execute_report_run,
    publish_event_summary,
    request_annual_report,
    request_event_report,
    retry_report_run,
    unpublish_event_summary,
)
from tests.factories.directory import OrganizationFactory
from tests.factories.events import EventFactory, EventPartnerFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_request_event_report_runs_after_commit_and_stores_the_file(
    report_world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run = request_event_report(report_world.expo, fmt="pdf")

    run.refresh_from_db()
    assert run.status == ReportRunStatus.SUCCEEDED
    assert bytes(run.content).startswith(b"%PDF")
    assert run.filename == "global-sme-expo-2009.pdf"


def test_request_annual_report_for_a_year_without_events_is_refused(report_world):
    with pytest.raises(DomainError, match=re.escape("No events took place in 2031.")):
        request_annual_report(2031, fmt="pdf")

    assert ReportRun.objects.count() == 0


def test_request_report_with_an_unknown_format_is_refused(report_world):
    with pytest.raises(DomainError, match=re.escape("Choose PDF, HTML or XLSX.")):
        request_event_report(report_world.expo, fmt="docx")


def test_failed_run_is_marked_failed_without_a_file(report_world):
    run = ReportRun.objects.create(kind="annual", year=2031, format="pdf")

    execute_report_run(run.pk)

    run.refresh_from_db()
    assert run.status == ReportRunStatus.FAILED
    assert run.content is None
    assert "no events took place in 2031" in run.error


def test_run_executed_twice_produces_one_file(report_world):
    run = ReportRun.objects.create(kind="event", event=report_world.expo, format="html")
    execute_report_run(run.pk)
    first = ReportRun.objects.get(pk=run.pk)

    execute_report_run(run.pk)

    second = ReportRun.objects.get(pk=run.pk)
    assert (second.status, second.finished_at, bytes(second.content)) == (
        ReportRunStatus.SUCCEEDED, first.finished_at, bytes(first.content),
    )  # fmt: skip


def test_killed_run_leaves_no_file_and_is_retried_into_exactly_one_result(
    report_world, django_capture_on_commit_callbacks
):
    # A job killed half-way: claimed (running), nothing written, its worker gone.
    started = timezone.now() - dt.timedelta(hours=1)
    run = ReportRun.objects.create(
        kind="event",
        event=report_world.expo,
        format="xlsx",
        status=ReportRunStatus.RUNNING,
        started_at=started,
    )
    assert run.content is None
    assert run.can_retry

    with django_capture_on_commit_callbacks(execute=True):
        retry_report_run(run)

    assert ReportRun.objects.count() == 1
    run.refresh_from_db()
    assert run.status == ReportRunStatus.SUCCEEDED
    assert bytes(run.content).startswith(b"PK")


def test_running_run_that_is_not_stale_cannot_be_retried(report_world):
    run = ReportRun.objects.create(
        kind="event",
        event=report_world.expo,
        format="pdf",
        status=ReportRunStatus.RUNNING,
        started_at=timezone.now(),
    )

    with pytest.raises(DomainError, match=re.escape("Only a failed report can be generated again.")):
        retry_report_run(run)


def test_succeeded_run_without_a_file_is_refused_by_the_database(report_world):
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportRun.objects.create(
            kind="event", event=report_world.expo, format="pdf", status=ReportRunStatus.SUCCEEDED
        )


def test_run_for_an_event_and_a_year_at_once_is_refused_by_the_database(report_world):
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportRun.objects.create(kind="event", event=report_world.expo, year=2009, format="pdf")


def test_draft_event_summary_states_the_figures_in_both_languages(report_world):
    EventPartnerFactory(
        event=report_world.expo,
        organization=OrganizationFactory(name="China Association of SMEs"),
        role=PartnerRole.ORGANIZER,
    )

    summary = draft_event_summary(report_world.expo)

    from smexchange.reports.figures import event_figures

    figures = event_figures(report_world.expo)
    assert summary.status == SummaryStatus.DRAFT
    assert summary.text_en.startswith(
        "Shanghai, China, 13 July 2009 — The Global SME Expo 2009 brought together"
    )
    assert f"{figures.participants} participants from {figures.countries} countries" in summary.text_en
    assert f"{figures.meetings_scheduled} scheduled one-on-one meetings" in summary.text_en
    assert "organized by China Association of SMEs" in summary.text_en
    assert summary.text_zh.startswith("2009年7月13日，2009全球中小企业博览会在Shanghai（中国）举行")
    assert f"{figures.countries}个国家和地区的{figures.participants}名代表" in summary.text_zh
    assert "本次活动由China Association of SMEs主办。" in summary.text_zh


def test_draft_event_summary_of_a_future_event_is_refused():
    event = EventFactory(starts_on=dt.date(2031, 1, 1), ends_on=dt.date(2031, 1, 2))

    with pytest.raises(DomainError, match="Only an event that has ended"):
        draft_event_summary(event)


def test_published_summary_is_not_redrafted(report_world):
    summary = publish_event_summary(draft_event_summary(report_world.expo))

    with pytest.raises(DomainError, match="unpublish it before drafting it again"):
        draft_event_summary(report_world.expo)

    unpublish_event_summary(summary)
    assert draft_event_summary(report_world.expo).pk == summary.pk
    assert EventSummary.objects.count() == 1


def test_summary_of_an_unpublished_event_cannot_be_published():
    event = EventFactory(is_published=False)
    summary = draft_event_summary(event)

    with pytest.raises(DomainError, match=re.escape("Publish the event before its summary.")):
        publish_event_summary(summary)


def test_summary_edit_needs_both_languages(report_world):
    summary = draft_event_summary(report_world.expo)

    with pytest.raises(DomainError, match="both English and Chinese"):
        edit_event_summary(summary, text_en="Only English", text_zh="  ")

    summary.refresh_from_db()
    assert summary.text_zh.startswith("2009年7月13日")
