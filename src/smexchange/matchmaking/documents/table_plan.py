"""The organizer's table plan: for each slot, each table and booth and who meets there."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from smexchange.events.models import Booth, Event, Registration, Table
from smexchange.matchmaking.documents.pdf import long_date, render_pdf
from smexchange.matchmaking.documents.rows import LocalSlot, meetings_of, natural_key, slots_of, zone_label
from smexchange.matchmaking.enums import MeetingStatus
from smexchange.matchmaking.models import Meeting, Schedule

_Place = tuple[str, int]


@dataclass(frozen=True)
class PlanSide:
    person: str
    organization: str


@dataclass(frozen=True)
class PlanLine:
    location: str
    sides: tuple[PlanSide, PlanSide] | None
    status: str


@dataclass(frozen=True)
class PlanSlot:
    day: str
    times: str
    lines: list[PlanLine]


def _places(event: Event) -> list[tuple[_Place, str]]:
    tables = sorted(Table.objects.filter(event=event), key=lambda t: natural_key(t.code))
    booths = sorted(
        Booth.objects.filter(event=event).select_related("host"), key=lambda b: natural_key(b.code)
    )
    places = [(("table", t.pk), _("Table %(code)s") % {"code": t.code}) for t in tables]
    for booth in booths:
        label = _("Booth %(code)s") % {"code": booth.code}
        places.append((("booth", booth.pk), f"{label} ({booth.host.display_name})" if booth.host else label))
    return places


def _place_of(meeting: Meeting) -> _Place:
    return ("table", meeting.table_id) if meeting.table_id else ("booth", meeting.booth_id or 0)


def _side(registration: Registration) -> PlanSide:
    return PlanSide(registration.person.display_name, registration.organization.display_name)


def _line(label: str, meeting: Meeting | None) -> PlanLine:
    if meeting is None:
        return PlanLine(label, None, "")
    status = "" if meeting.status == MeetingStatus.SCHEDULED else meeting.get_status_display()
    return PlanLine(label, (_side(meeting.a), _side(meeting.b)), status)


def table_plan(schedule: Schedule) -> list[PlanSlot]:
    """Every slot of the event with every table and booth, free or with its meeting."""
    event = schedule.event
    by_place = {(m.slot_id, *_place_of(m)): m for m in meetings_of(schedule)}
    places = _places(event)
    plan = []
    for slot in slots_of(event):
        local = LocalSlot.of(slot, event)
        lines = [_line(label, by_place.get((slot.pk, *place))) for place, label in places]
        plan.append(PlanSlot(long_date(local.day), local.times, lines))
    return plan


def table_plan_pdf(schedule: Schedule) -> bytes:
    """Print the table plan of a schedule (the published one or a draft under review), a page per slot."""
    event = schedule.event
    first_day = dt.datetime.combine(event.starts_on, dt.time(12), tzinfo=event.zone)
    return render_pdf(
        "matchmaking/documents/table_plan.html",
        {
            "event": event,
            "schedule": schedule,
            "slots": table_plan(schedule),
            "zone": zone_label(event, first_day),
        },
    )
