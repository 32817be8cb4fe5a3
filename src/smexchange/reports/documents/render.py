"""Write a report's content as PDF, HTML or XLSX bytes."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from smexchange.common.spreadsheets import neutralize_cell
from smexchange.matchmaking.documents.pdf import FONT_STACK, render_pdf
from smexchange.reports.charts import ChartData, draw_chart
from smexchange.reports.content import ReportContent

FORMATS = ("pdf", "html", "xlsx")
TEMPLATE = "reports/documents/report.html"
# Characters a sheet name cannot hold, and its length limit.
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
_SHEET_LENGTH = 31


@dataclass(frozen=True)
class DrawnChart:
    chart: ChartData
    image: str  # a data: URI, or "" when the chart has no data

    @property
    def empty_note(self) -> str:
        return _("Nothing recorded yet.")


def _drawn(content: ReportContent) -> list[DrawnChart]:
    if content.empty_message:
        return []
    drawn = []
    for chart in content.charts:
        image = ""
        if not chart.is_empty:
            image = "data:image/png;base64," + base64.b64encode(draw_chart(chart)).decode("ascii")
        drawn.append(DrawnChart(chart, image))
    return drawn


def _context(content: ReportContent, *, standalone: bool) -> dict[str, object]:
    return {"report": content, "charts": _drawn(content), "standalone": standalone, "font_stack": FONT_STACK}


def report_html(content: ReportContent) -> bytes:
    return render_to_string(TEMPLATE, _context(content, standalone=True)).encode("utf-8")


def report_pdf(content: ReportContent) -> bytes:
    return render_pdf(TEMPLATE, _context(content, standalone=False))


def _cell(value: object) -> object:
    """Numbers stay numbers; every text is neutralized against formula injection (TRUST 8)."""
    if isinstance(value, bool) or value is None:
        return str(value) if value is not None else ""
    if isinstance(value, int | float):
        return value
    if hasattr(value, "as_tuple"):  # Decimal
        return value
    return neutralize_cell(str(value))


def _sheet_name(title: str, taken: set[str]) -> str:
    base = " ".join(title.translate(_SHEET_FORBIDDEN).split()).lstrip("'")[:_SHEET_LENGTH] or "Sheet"
    name, number = base, 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name, number = base[: _SHEET_LENGTH - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return name


def _write_table(sheet: Worksheet, columns: tuple[str, ...], rows: tuple[tuple[object, ...], ...]) -> None:
    sheet.append([_cell(column) for column in columns])
    for row in rows:
        sheet.append([_cell(value) for value in row])
    sheet.freeze_panes = "A2"
    for index in range(1, len(columns) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 28 if index == 1 else 16


def report_xlsx(content: ReportContent) -> bytes:
    """A summary sheet with the headline figures, then one sheet per chart and per table."""
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    taken: set[str] = set()
    summary.title = _sheet_name(_("Summary"), taken)
    summary.append([_cell(content.title)])
    if content.title_zh and content.title_zh != content.title:
        summary.append([_cell(content.title_zh)])
    summary.append([_cell(content.subtitle)])
    if content.empty_message:
        summary.append([_cell(content.empty_message)])
    summary.append([])
    for figure in content.headline:
        summary.append([_cell(figure.label), _cell(figure.number)])
    summary.column_dimensions["A"].width = 40
    summary.column_dimensions["B"].width = 20
    for chart in content.charts:
        _write_table(workbook.create_sheet(_sheet_name(chart.title, taken)), chart.columns, chart.rows)
    for table in content.tables:
        _write_table(workbook.create_sheet(_sheet_name(table.title, taken)), table.columns, table.rows)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def render_report(content: ReportContent, fmt: str) -> bytes:
    """The report as `pdf`, `html` or `xlsx` bytes."""
    if fmt == "pdf":
        return report_pdf(content)
    if fmt == "html":
        return report_html(content)
    if fmt == "xlsx":
        return report_xlsx(content)
    raise ValueError(f"unknown report format {fmt!r}")
