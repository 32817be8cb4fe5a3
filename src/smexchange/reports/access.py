"""Reports and summaries come through these helpers; views never fetch them directly."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from smexchange.events.models import Event, Registration
from smexchange.reports.enums import ReportKind
from smexchange.reports.models import EventSummary, ReportRun


def access_event_report(user: Any, slug: str) -> Event:
    """The event, for its organizers and alliance staff.

    A participant of the event gets 403 (they know the event; its report is not for them);
    anyone else, another event's organizers included, gets 404, so that nothing leaks.
    """
    event = get_object_or_404(Event, slug=slug)
    if user.has_perm("events.organize_event", event):
        return event
    if user.is_authenticated and Registration.objects.filter(event=event, person__user=user).exists():
        raise PermissionDenied
    raise Http404


def require_staff(user: Any) -> None:
    """Alliance staff only: 403 for anyone else signed in (views ask for log-in first)."""
    if not (user.is_authenticated and user.is_staff):
        raise PermissionDenied


def access_event_report_run(user: Any, slug: str, pk: int) -> ReportRun:
    event = access_event_report(user, slug)
    return get_object_or_404(
        ReportRun.objects.select_related("event"), pk=pk, kind=ReportKind.EVENT, event=event
    )


def access_annual_report_run(user: Any, pk: int) -> ReportRun:
    require_staff(user)
    return get_object_or_404(ReportRun, pk=pk, kind=ReportKind.ANNUAL)


def access_summary_as_staff(user: Any, slug: str) -> tuple[Event, EventSummary | None]:
    require_staff(user)
    event = get_object_or_404(Event, slug=slug)
    return event, EventSummary.objects.filter(event=event).first()
