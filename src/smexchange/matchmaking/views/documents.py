"""Downloads: a participant's agenda PDF; the organizer's badges, table plan and schedule exports."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from smexchange.events.access import access_event_as_organizer, access_registration_of
from smexchange.matchmaking import queries
from smexchange.matchmaking.documents.agenda_pdf import agenda_pdf
from smexchange.matchmaking.documents.badges import badges_pdf
from smexchange.matchmaking.documents.exports import schedule_csv, schedule_xlsx
from smexchange.matchmaking.documents.table_plan import table_plan_pdf

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Personal data: never kept by shared caches.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def participant_agenda_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    me = access_registration_of(request.user, slug)
    return _download(agenda_pdf(me, queries.agenda_of(me)), "application/pdf", f"{slug}-agenda.pdf")


@login_required
def event_badges_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    return _download(badges_pdf(event), "application/pdf", f"{slug}-badges.pdf")


def _published(request: HttpRequest, slug: str):  # type: ignore[no-untyped-def]
    event = access_event_as_organizer(request.user, slug)
    schedule = queries.published_schedule(event)
    if schedule is None:
        raise Http404
    return schedule


@login_required
def schedule_table_plan_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    return _download(table_plan_pdf(_published(request, slug)), "application/pdf", f"{slug}-table-plan.pdf")


@login_required
def schedule_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    schedule = _published(request, slug)
    if fmt == "csv":
        return _download(schedule_csv(schedule), "text/csv; charset=utf-8", f"{slug}-schedule.csv")
    if fmt == "xlsx":
        return _download(schedule_xlsx(schedule), XLSX, f"{slug}-schedule.xlsx")
    raise Http404
