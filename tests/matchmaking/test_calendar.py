import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from smexchange.matchmaking.calendar import agenda_calendar
from smexchange.matchmaking.queries import agenda_of
from smexchange.matchmaking.services.publishing import publish_schedule
from smexchange.matchmaking.services.runs import start_schedule_run
from tests.matchmaking.conftest import accepted

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _publish(event):
    run = start_schedule_run(event, time_limit=5)
    run.refresh_from_db()
    return publish_schedule(run.schedule)


def test_agenda_calendar_has_each_meeting_in_the_event_time_zone(brokerage):
    alice, bob, carol = brokerage.people[:3]
    accepted(alice, bob)
    accepted(carol, alice)
    _publish(brokerage.event)

    calendar = Calendar.from_ical(agenda_calendar(alice, agenda_of(alice)))

    entries = calendar.walk("VEVENT")
    assert len(entries) == 2
    starts = sorted(entry.decoded("dtstart") for entry in entries)
    assert [start.tzinfo.key for start in starts] == ["Asia/Shanghai", "Asia/Shanghai"]
    shanghai = ZoneInfo("Asia/Shanghai")
    assert all(dt.time(14) <= start.astimezone(shanghai).time() < dt.time(15, 20) for start in starts)
    assert [component.get("tzid") for component in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    summaries = sorted(str(entry.get("summary")) for entry in entries)
    assert summaries == sorted(f"{p.person.latin_name} ({p.organization.display_name})" for p in (bob, carol))


def test_agenda_uid_is_stable_across_schedule_versions_and_sequence_grows(brokerage):
    alice, bob = brokerage.people[:2]
    accepted(alice, bob)
    _publish(brokerage.event)
    first = Calendar.from_ical(agenda_calendar(alice, agenda_of(alice))).walk("VEVENT")[0]

    _publish(brokerage.event)
    second = Calendar.from_ical(agenda_calendar(alice, agenda_of(alice))).walk("VEVENT")[0]

    assert str(first["uid"]) == str(second["uid"])
    assert int(second["sequence"]) > int(first["sequence"])


def test_agenda_of_only_lists_the_published_schedule(brokerage):
    alice, bob = brokerage.people[:2]
    accepted(alice, bob)
    start_schedule_run(brokerage.event, time_limit=5)  # a draft only

    assert list(agenda_of(alice)) == []
