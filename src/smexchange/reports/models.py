from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smexchange.events.models import Event
from smexchange.reports.enums import STALE_AFTER, ReportFormat, ReportKind, ReportRunStatus, SummaryStatus


class ReportRunQuerySet(models.QuerySet[Any]):
    def listing(self) -> ReportRunQuerySet:
        """Runs without their file, which can be large; newest first."""
        return self.defer("content").order_by("-created_at", "-id")


class ReportRun(models.Model):
    """One generation of a report file, as a background job.

    The file is stored with the run and written in the same update that marks the run succeeded,
    so a job killed half-way leaves no half-written file behind.
    """

    kind = models.CharField(_("report"), max_length=10, choices=ReportKind.choices)
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, null=True, blank=True, related_name="report_runs"
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    format = models.CharField(_("format"), max_length=5, choices=ReportFormat.choices)
    language = models.CharField(_("language"), max_length=10, default="en")
    status = models.CharField(
        _("status"), max_length=10, choices=ReportRunStatus.choices, default=ReportRunStatus.QUEUED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    content = models.BinaryField(null=True, blank=True, editable=False)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = ReportRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("report run")
        verbose_name_plural = _("report runs")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=ReportKind.EVENT) & Q(event__isnull=False) & Q(year__isnull=True))
                | (Q(kind=ReportKind.ANNUAL) & Q(event__isnull=True) & Q(year__isnull=False)),
                name="report_run_subject",
            ),
            models.CheckConstraint(
                condition=~Q(status=ReportRunStatus.SUCCEEDED) | Q(content__isnull=False),
                name="report_run_succeeded_has_file",
            ),
        ]

    def __str__(self) -> str:
        subject = self.event.slug if self.event_id else str(self.year)
        return f"{self.get_kind_display()} {subject} ({self.format}, {self.status})"

    @property
    def is_stale(self) -> bool:
        """Running for too long: its job was killed."""
        started = self.started_at
        return (
            self.status == ReportRunStatus.RUNNING
            and started is not None
            and timezone.now() - started > STALE_AFTER
        )

    @property
    def can_retry(self) -> bool:
        return self.status == ReportRunStatus.FAILED or self.is_stale

    @property
    def filename(self) -> str:
        subject = self.event.slug if self.event_id else f"annual-report-{self.year}"
        return f"{subject}.{self.format}"


class EventSummary(models.Model):
    """A press-release style summary of a past event for the public archive, in English and Chinese.

    Drafted from the event's figures and programme, edited by alliance staff, then published.
    """

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="archive_summary")
    status = models.CharField(
        _("status"), max_length=10, choices=SummaryStatus.choices, default=SummaryStatus.DRAFT
    )
    text_en = models.TextField(_("English text"), max_length=20000)
    text_zh = models.TextField(_("Chinese text"), max_length=20000)
    drafted_at = models.DateTimeField(_("drafted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        ordering = ["-event__starts_on", "id"]
        verbose_name = _("event summary")
        verbose_name_plural = _("event summaries")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=SummaryStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="summary_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} ({self.status})"

    @property
    def is_published(self) -> bool:
        return self.status == SummaryStatus.PUBLISHED
