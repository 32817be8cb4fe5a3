"""Report files: spreadsheet cells are inert, markup prints as text, empty charts are not drawn."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from smexchange.events.enums import RegistrationStatus
from smexchange.reports.charts import ChartData
from smexchange.reports.content import ReportContent, _figure
from smexchange.reports.documents.render import _sheet_name, report_html, report_xlsx
from smexchange.reports.services import annual_report, event_report
from tests.factories.directory import OrganizationFactory, PersonFactory
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
PAYLOADS = ('=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\n=1")


def _text_cells(content: bytes) -> list[str]:
    workbook = load_workbook(io.BytesIO(content))
    return [
        cell.value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_annual_xlsx_neutralizes_formulas_in_every_text_cell(payload):
    EventFactory(name=payload, city=payload, starts_on=dt.date(2011, 3, 1), ends_on=dt.date(2011, 3, 2))

    cells = _text_cells(annual_report(2011, "xlsx"))

    assert any(payload.strip() in cell for cell in cells)
    assert [cell for cell in cells if cell.startswith(TRIGGERS)] == []


def test_event_xlsx_neutralizes_the_event_name():
    event = EventFactory(name="=cmd|' /C calc'!A0", name_zh="@中文")
    person = PersonFactory(organization=OrganizationFactory(country="US"))
    RegistrationFactory(event=event, person=person, status=RegistrationStatus.CONFIRMED)

    cells = _text_cells(event_report(event, "xlsx"))

    assert "'=cmd|' /C calc'!A0" in cells
    assert "'@中文" in cells
    assert [cell for cell in cells if cell.startswith(TRIGGERS)] == []


def test_event_html_prints_markup_in_names_as_text():
    event = EventFactory(name='<script>alert(1)</script>"><img src=x onerror=alert(2)>')

    html = event_report(event, "html").decode()

    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html


@pytest.mark.unit
def test_report_xlsx_keeps_numbers_as_numbers():
    content = ReportContent(
        title="T", title_zh="", subtitle="S", headline=[_figure("Participants", 12)],
        charts=[ChartData("c", "Chart", "bar", ("Country", "Participants"), (("China", 3), ("=1+1", 4)))],
    )  # fmt: skip

    workbook = load_workbook(io.BytesIO(report_xlsx(content)))

    assert list(workbook["Chart"].iter_rows(values_only=True)) == [
        ("Country", "Participants"),
        ("China", 3),
        ("'=1+1", 4),
    ]
    assert ("Participants", 12) in list(workbook["Summary"].iter_rows(values_only=True))


@pytest.mark.unit
def test_report_html_shows_a_note_instead_of_an_empty_chart():
    content = ReportContent(
        title="T", title_zh="", subtitle="S", headline=[],
        charts=[ChartData("c", "Empty chart", "bar", ("Country", "Participants"), ())],
    )  # fmt: skip

    html = report_html(content).decode()

    assert "Empty chart" in html
    assert "data:image/png" not in html
    assert "Nothing recorded yet." in html


@pytest.mark.unit
def test_sheet_names_are_short_unique_and_legal():
    taken: set[str] = set()

    names = [_sheet_name(title, taken) for title in ("A/B: [c]?", "A/B: [c]?", "x" * 40)]

    assert names == ["A B c", "A B c (2)", "x" * 31]
