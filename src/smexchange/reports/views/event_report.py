"""The event report for its organizers and alliance staff: figures, and report files to generate."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smexchange.common.feedback import errors_as_messages
from smexchange.reports import queries
from smexchange.reports.access import access_event_report, access_event_report_run
from smexchange.reports.content import event_report_content
from smexchange.reports.figures import event_figures
from smexchange.reports.forms import ReportRunForm
from smexchange.reports.services import request_event_report, retry_report_run
from smexchange.reports.views.downloads import run_download


def _back(slug: str) -> HttpResponse:
    return redirect("reports:event_report", slug=slug)


@login_required
def event_report(request: HttpRequest, slug: str) -> HttpResponse:
    event = access_event_report(request.user, slug)
    figures = event_figures(event)
    context = {
        "event": event,
        "report": event_report_content(figures),
        "runs": queries.event_report_runs(event),
        "form": ReportRunForm(),
    }
    return render(request, "reports/event_report.html", context)


@login_required
@require_POST
def request_run(request: HttpRequest, slug: str) -> HttpResponse:
    event = access_event_report(request.user, slug)
    form = ReportRunForm(request.POST)
    if form.is_valid():
        with errors_as_messages(request):
            request_event_report(
                event,
                fmt=form.cleaned_data["format"],
                language=form.cleaned_data["language"],
                by=request.user,
            )
            messages.success(request, _("The report is being generated; it appears below when ready."))
    return _back(slug)


@login_required
def download(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return run_download(access_event_report_run(request.user, slug, pk))


@login_required
@require_POST
def retry(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    run = access_event_report_run(request.user, slug, pk)
    with errors_as_messages(request):
        retry_report_run(run)
    return _back(slug)
