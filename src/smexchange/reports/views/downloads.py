"""A finished report file as a download."""

from __future__ import annotations

from django.http import Http404, HttpResponse

from smexchange.reports.enums import CONTENT_TYPES, ReportRunStatus
from smexchange.reports.models import ReportRun


def run_download(run: ReportRun) -> HttpResponse:
    if run.status != ReportRunStatus.SUCCEEDED or run.content is None:
        raise Http404
    response = HttpResponse(bytes(run.content), content_type=CONTENT_TYPES[run.format])
    disposition = "inline" if run.format == "pdf" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{run.filename}"'
    # Reports are for organizers and staff: never kept by shared caches.
    response["Cache-Control"] = "private, no-store"
    return response
