"""The whole schedule as CSV and XLSX for organizers: one row per meeting, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import NamedTuple

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from smexchange.common.spreadsheets import neutralize_cell
from smexchange.events.models import Event
from smexchange.matchmaking.documents.rows import LocalSlot, in_order, meetings_of
from smexchange.matchmaking.models import Meeting, Schedule

TIME_FORMAT = "%Y-%m-%d %H:%M"


class ScheduleRow(NamedTuple):
    """A meeting as exported: aware times in the event's zone, then neutralized text cells."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    location: str
    person_a: str
    organization_a: str
    person_b: str
    organization_b: str
    status: str

    @property
    def texts(self) -> list[str]:
        return list(self[2:])


def schedule_header(event: Event) -> list[str]:
    zone = event.time_zone
    return [
        _("Start (%(zone)s)") % {"zone": zone},
        _("End (%(zone)s)") % {"zone": zone},
        _("Location"),
        _("Participant A"),
        _("Organization A"),
        _("Participant B"),
        _("Organization B"),
        _("Status"),
    ]


def _row(meeting: Meeting, event: Event) -> ScheduleRow:
    local = LocalSlot.of(meeting.slot, event)
    return ScheduleRow(
        local.starts_at,
        local.ends_at,
        neutralize_cell(meeting.location_code),
        neutralize_cell(meeting.a.person.display_name),
        neutralize_cell(meeting.a.organization.display_name),
        neutralize_cell(meeting.b.person.display_name),
        neutralize_cell(meeting.b.organization.display_name),
        neutralize_cell(str(meeting.get_status_display())),
    )


def schedule_rows(schedule: Schedule) -> list[ScheduleRow]:
    """One row per meeting in slot and location order; times are aware, in the event's zone."""
    event = schedule.event
    return [_row(meeting, event) for meeting in in_order(meetings_of(schedule))]


def schedule_csv(schedule: Schedule) -> bytes:
    """The schedule as UTF-8 CSV with a byte-order mark, so that Excel reads Chinese names right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(schedule_header(schedule.event))
    for row in schedule_rows(schedule):
        writer.writerow([row.starts_at.strftime(TIME_FORMAT), row.ends_at.strftime(TIME_FORMAT), *row.texts])
    return out.getvalue().encode("utf-8-sig")


def schedule_xlsx(schedule: Schedule) -> bytes:
    """The schedule as an XLSX workbook; start and end are real date-times, so the sheet sorts and filters."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Schedule")
    sheet.append(schedule_header(schedule.event))
    for row in schedule_rows(schedule):
        # Naive local times: Excel has no time zones, and the header names the event's.
        sheet.append([row.starts_at.replace(tzinfo=None), row.ends_at.replace(tzinfo=None), *row.texts])
    for cells in sheet.iter_rows(min_row=2, max_col=2):
        for cell in cells:
            cell.number_format = "yyyy-mm-dd hh:mm"
    for column, width in enumerate((17, 17, 10, 28, 32, 28, 32, 12), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
