"""A participant's agenda as an iCalendar file (RFC 5545), in the event's time zone."""

from __future__ import annotations

from collections.abc import Iterable

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from smexchange.events.models import Event, Registration
from smexchange.matchmaking.models import Meeting

PRODUCT_ID = "-//SME Exchange//Meeting agenda//EN"


def meeting_uid(meeting: Meeting, event: Event) -> str:
    """Stable across schedule versions (keyed by the request), so a calendar updates a moved meeting."""
    key = f"request-{meeting.request_id}" if meeting.request_id else f"meeting-{meeting.pk}"
    return f"{key}.{event.slug}@smexchange"


def agenda_calendar(registration: Registration, meetings: Iterable[Meeting]) -> bytes:
    event = registration.event
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{event.name}: {registration.person.latin_name}")
    calendar.add("x-wr-timezone", event.time_zone)
    zone = event.zone
    for meeting in meetings:
        other = meeting.b if meeting.a_id == registration.pk else meeting.a
        entry = CalendarEvent()
        entry.add("uid", meeting_uid(meeting, event))
        # SEQUENCE grows with each published version, so clients replace the old entry.
        entry.add("sequence", meeting.schedule_id)
        entry.add("dtstamp", meeting.schedule.published_at or meeting.schedule.created_at)
        entry.add("dtstart", meeting.slot.starts_at.astimezone(zone))
        entry.add("dtend", meeting.slot.ends_at.astimezone(zone))
        entry.add("summary", f"{other.person.latin_name} ({other.organization.display_name})")
        entry.add("location", f"{meeting.location_code}, {event.venue or event.city}")
        entry.add("status", "CONFIRMED")
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
