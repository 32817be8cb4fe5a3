"""Alliance staff's reports: the annual development report of each year, and the archive's summaries."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smexchange.common.feedback import errors_as_messages
from smexchange.events.models import Event
from smexchange.reports import queries
from smexchange.reports.access import access_annual_report_run, require_staff
from smexchange.reports.content import annual_report_content
from smexchange.reports.figures import ReportInputError, annual_figures
from smexchange.reports.forms import ReportRunForm
from smexchange.reports.services import request_annual_report, retry_report_run
from smexchange.reports.views.downloads import run_download

UNSUMMARIZED_SHOWN = 30


@login_required
def reports_home(request: HttpRequest) -> HttpResponse:
    require_staff(request.user)
    unsummarized = Event.objects.filter(
        ends_on__lt=timezone.localdate(), archive_summary__isnull=True
    ).order_by("-starts_on", "name")
    context = {
        "years": queries.event_years(),
        "summaries": queries.summaries_for_staff(),
        "unsummarized": unsummarized[:UNSUMMARIZED_SHOWN],
    }
    return render(request, "reports/reports_home.html", context)


@login_required
def annual_report(request: HttpRequest, year: int) -> HttpResponse:
    require_staff(request.user)
    try:
        report = annual_report_content(annual_figures(year))
    except ReportInputError:
        report = None
    context = {
        "year": year,
        "report": report,
        "runs": queries.annual_report_runs(year) if report else [],
        "form": ReportRunForm(),
    }
    return render(request, "reports/annual_report.html", context, status=200 if report else 404)


@login_required
@require_POST
def request_run(request: HttpRequest, year: int) -> HttpResponse:
    require_staff(request.user)
    form = ReportRunForm(request.POST)
    if form.is_valid():
        with errors_as_messages(request):
            request_annual_report(
                year, fmt=form.cleaned_data["format"], language=form.cleaned_data["language"], by=request.user
            )
            messages.success(request, _("The report is being generated; it appears below when ready."))
    return redirect("reports:annual_report", year=year)


@login_required
def download(request: HttpRequest, pk: int) -> HttpResponse:
    return run_download(access_annual_report_run(request.user, pk))


@login_required
@require_POST
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    run = access_annual_report_run(request.user, pk)
    with errors_as_messages(request):
        retry_report_run(run)
    return redirect("reports:annual_report", year=run.year)
