"""TRUST 8: every spreadsheet export neutralizes formula cells, through one helper."""

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from smexchange.common.spreadsheets import FORMULA_TRIGGERS, neutralize_cell, neutralize_row

pytestmark = pytest.mark.unit

SOURCE = Path(__file__).resolve().parents[2] / "src" / "smexchange"
WRITES_SPREADSHEETS = re.compile(
    r"csv\.writer\(|csv\.DictWriter\(|\bWorkbook\(|xlsxwriter|\.to_csv\(|\.to_excel\("
)
PAYLOADS = [
    '=HYPERLINK("http://evil.example","x")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1",
    "\r=1",
    "\n=1",
]


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_neutralize_cell_prefixes_every_trigger(trigger):
    assert neutralize_cell(f"{trigger}1+1") == f"'{trigger}1+1"


def test_neutralize_cell_drops_control_characters_that_could_hide_a_trigger():
    assert (neutralize_cell("\x01\x02=1"), neutralize_cell("王伟 = CEO"), neutralize_cell("")) == (
        "'=1",
        "王伟 = CEO",
        "",
    )


def test_neutralize_row_keeps_numbers_dates_and_blanks_and_neutralizes_everything_else():
    day = dt.date(2009, 7, 13)

    assert neutralize_row(["=1", -5, 2.5, True, day, None, "ok"]) == ["'=1", -5, 2.5, True, day, None, "ok"]


def test_payloads_are_inert_in_a_csv_file():
    out = io.StringIO()
    csv.writer(out).writerows([neutralize_row([payload]) for payload in PAYLOADS])

    cells = [row[0] for row in csv.reader(io.StringIO(out.getvalue()))]

    assert cells == [f"'{payload}" for payload in PAYLOADS]
    assert [cell for cell in cells if cell.startswith(FORMULA_TRIGGERS)] == []


def test_payloads_are_text_not_formulas_in_an_xlsx_file():
    workbook = Workbook()
    for payload in PAYLOADS:
        workbook.active.append(neutralize_row([payload]))
    out = io.BytesIO()
    workbook.save(out)

    sheet = load_workbook(io.BytesIO(out.getvalue())).active
    cells = [row[0] for row in sheet.iter_rows()]

    assert {cell.data_type for cell in cells} == {"s"}
    # XML turns a CR into a LF on the way; what matters is the apostrophe in front.
    assert [cell.value.replace("\n", "\r") for cell in cells] == [
        f"'{p.replace(chr(10), chr(13))}" for p in PAYLOADS
    ]


def test_without_the_helper_a_payload_would_be_a_formula():
    workbook = Workbook()
    workbook.active.append([PAYLOADS[0]])

    assert workbook.active["A1"].data_type == "f"  # the danger the helper removes


def test_every_module_that_writes_csv_or_xlsx_uses_the_shared_helper():
    writers = {
        str(path.relative_to(SOURCE)): "smexchange.common.spreadsheets" in path.read_text()
        for path in SOURCE.rglob("*.py")
        if WRITES_SPREADSHEETS.search(path.read_text()) and path.name != "spreadsheets.py"
    }

    assert writers, "the scan finds the schedule export at least"
    assert [module for module, uses_helper in writers.items() if not uses_helper] == []
