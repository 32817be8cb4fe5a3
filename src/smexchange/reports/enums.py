import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    EVENT = "event", _("Event report")
    ANNUAL = "annual", _("Annual development report")


class ReportFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    HTML = "html", "HTML"
    XLSX = "xlsx", "XLSX"


class ReportRunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed")


class SummaryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


CONTENT_TYPES = {
    ReportFormat.PDF: "application/pdf",
    ReportFormat.HTML: "text/html; charset=utf-8",
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

# A run still "running" after this long was killed (a worker died, the server restarted): it may be retried.
STALE_AFTER = dt.timedelta(minutes=15)
