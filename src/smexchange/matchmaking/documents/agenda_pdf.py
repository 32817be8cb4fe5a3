"""A participant's agenda as a printable PDF, in the event's time zone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from smexchange.events.models import Registration
from smexchange.matchmaking.documents.pdf import long_date, render_pdf
from smexchange.matchmaking.documents.rows import LocalSlot, counterpart, zone_label
from smexchange.matchmaking.enums import MeetingStatus
from smexchange.matchmaking.models import Meeting


@dataclass(frozen=True)
class AgendaLine:
    times: str
    location: str
    person: str
    organization: str
    status: str


@dataclass
class AgendaDay:
    label: str
    lines: list[AgendaLine] = field(default_factory=list)


def _location(meeting: Meeting) -> str:
    if meeting.booth_id:
        return _("Booth %(code)s") % {"code": meeting.booth.code}
    return _("Table %(code)s") % {"code": meeting.location_code}


def agenda_days(registration: Registration, meetings: Iterable[Meeting]) -> list[AgendaDay]:
    """The participant's meetings grouped by local day, each line as printed."""
    event = registration.event
    days: dict[dt.date, AgendaDay] = {}
    for meeting in sorted(meetings, key=lambda m: (m.slot.starts_at, m.pk)):
        local = LocalSlot.of(meeting.slot, event)
        other = counterpart(meeting, registration)
        day = days.setdefault(local.day, AgendaDay(long_date(local.day)))
        status = "" if meeting.status == MeetingStatus.SCHEDULED else meeting.get_status_display()
        day.lines.append(
            AgendaLine(
                times=local.times,
                location=_location(meeting),
                person=other.person.display_name,
                organization=other.organization.display_name,
                status=status,
            )
        )
    return list(days.values())


def agenda_pdf(registration: Registration, meetings: Iterable[Meeting]) -> bytes:
    """Print the participant's agenda: pass `agenda_of(registration)` for the published schedule."""
    event = registration.event
    days = agenda_days(registration, meetings)
    first_day = dt.datetime.combine(event.starts_on, dt.time(12), tzinfo=event.zone)
    return render_pdf(
        "matchmaking/documents/agenda.html",
        {
            "event": event,
            "registration": registration,
            "days": days,
            "zone": zone_label(event, first_day),
        },
    )
