"""Making exported spreadsheet cells inert: every CSV and XLSX export of the project goes through here.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or with a tab, CR or LF before
one) as a formula or DDE command; quoting the CSV field does not stop it, a leading apostrophe
does (TRUST 8, OWASP "CSV injection"). A guard test fails for any module that writes CSV or XLSX
without this helper.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")

SafeCell = str | int | float | bool | dt.date | dt.datetime | None


def neutralize_cell(value: str) -> str:
    """A text cell made inert in Excel, LibreOffice and Google Sheets.

    Control characters that XLSX cannot hold are dropped first, so that none can hide a formula
    trigger behind it.
    """
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return f"'{value}" if value.startswith(FORMULA_TRIGGERS) else value


def neutralize_row(values: Iterable[object]) -> list[SafeCell]:
    """A row for a CSV writer or `Worksheet.append`: text neutralized; numbers, dates and blanks kept.

    Anything else (a lazy translation, a model) is exported as its text, neutralized too.
    """
    row: list[SafeCell] = []
    for value in values:
        if value is None or isinstance(value, bool | int | float | dt.date):
            row.append(value)
        else:
            row.append(neutralize_cell(str(value)))
    return row
