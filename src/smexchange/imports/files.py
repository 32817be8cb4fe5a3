"""Reading an uploaded CSV or XLSX file into a header and rows of cells, by sniffing its content.

Registration systems and Excel produce: UTF-8 with or without a byte-order mark, UTF-16 with one
(Excel's "Unicode text", tab-separated), commas, semicolons or tabs, dates as real XLSX dates. A
file in another encoding (GBK from Chinese Windows) is refused with the line of its first bad byte,
unless the caller names the encoding. Nothing here touches the database.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ROWS = 50_000

Cell = str | int | float | bool | dt.date | dt.datetime | None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file: where (line, column), what, and which record."""

    message: str
    line: int | None = None
    column: str = ""
    record: str = ""

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(_("line %(line)s") % {"line": self.line})
        if self.column:
            where.append(_("column “%(column)s”") % {"column": self.column})
        place = ", ".join(where)
        if self.record:
            place = f"{place} ({self.record})" if place else f"({self.record})"
        return f"{place}: {self.message}" if place else self.message


class UnreadableFileError(Exception):
    """The file cannot be read at all (not CSV or XLSX, bad encoding, empty, too big)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class RawRow:
    line: int
    cells: tuple[Cell, ...]
    # Cells that held an XLSX formula, by position: imports take values, never formulas.
    formulas: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RawTable:
    format: str  # "csv" or "xlsx"
    header: tuple[str, ...]
    header_line: int
    rows: tuple[RawRow, ...]


def sniff_format(content: bytes) -> str:
    """`xlsx` or `csv` from the bytes themselves; the file name and the browser's type are not trusted."""
    if not content.strip():
        raise UnreadableFileError(Problem(_("The file is empty.")))
    if content.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(content)).namelist())
        except zipfile.BadZipFile:
            raise UnreadableFileError(
                Problem(_("The file is a damaged ZIP archive, not an XLSX workbook."))
            ) from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise UnreadableFileError(Problem(_("The file is a ZIP archive but not an XLSX workbook.")))
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableFileError(
            Problem(_("The file is in the old Excel .xls format: save it as .xlsx or as CSV UTF-8."))
        )
    if content.startswith(b"%PDF"):
        raise UnreadableFileError(Problem(_("The file is a PDF document, not a CSV or XLSX file.")))
    head = content[:4096]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnreadableFileError(Problem(_("The file is binary data, not a CSV or XLSX file.")))
    return "csv"


def read_table(content: bytes, *, encoding: str = "") -> RawTable:
    """The header and the non-empty rows of a CSV or XLSX file, with their line numbers."""
    if len(content) > MAX_FILE_BYTES:
        raise UnreadableFileError(
            Problem(_("The file is larger than %(size)s MB.") % {"size": MAX_FILE_BYTES // (1024 * 1024)})
        )
    kind = sniff_format(content)
    lines = _read_xlsx(content) if kind == "xlsx" else _read_csv(content, encoding=encoding)
    return _table(kind, lines)


def _table(kind: str, lines: list[RawRow]) -> RawTable:
    filled = [row for row in lines if any(_filled(cell) for cell in row.cells)]
    if not filled:
        raise UnreadableFileError(Problem(_("The file has no rows, not even a header.")))
    header_row, *rows = filled
    header = tuple("" if cell is None else str(cell).strip() for cell in header_row.cells)
    while header and not header[-1]:
        header = header[:-1]
    if not rows:
        raise UnreadableFileError(Problem(_("The file has a header but no data rows."), line=header_row.line))
    if len(rows) > MAX_ROWS:
        raise UnreadableFileError(Problem(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS}))
    return RawTable(format=kind, header=header, header_line=header_row.line, rows=tuple(rows))


def _filled(cell: Cell) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))


def _decode(content: bytes, encoding: str) -> str:
    if encoding:
        chosen = encoding
    elif content.startswith(codecs.BOM_UTF8):
        chosen = "utf-8-sig"
    elif content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        chosen = "utf-16"
    else:
        chosen = "utf-8"
    try:
        return content.decode(chosen)
    except LookupError:
        raise UnreadableFileError(
            Problem(_("“%(encoding)s” is not an encoding name.") % {"encoding": encoding})
        ) from None
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise UnreadableFileError(
            Problem(
                _(
                    "The file is not %(encoding)s text (byte 0x%(byte)02x). Save it as “CSV UTF-8”, "
                    "or name its encoding (e.g. gb18030 for GBK files from Chinese Windows)."
                )
                % {"encoding": chosen.upper().removesuffix("-SIG"), "byte": content[error.start]},
                line=line,
            )
        ) from None


def _read_csv(content: bytes, *, encoding: str) -> list[RawRow]:
    text = _decode(content, encoding)
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[RawRow] = []
    start = 1
    try:
        for cells in reader:
            rows.append(RawRow(line=start, cells=tuple(cell.strip() for cell in cells)))
            start = reader.line_num + 1
    except csv.Error as error:
        raise UnreadableFileError(
            Problem(_("The CSV is malformed: %(error)s.") % {"error": error}, line=reader.line_num)
        ) from None
    return rows


def _read_xlsx(content: bytes) -> list[RawRow]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNPACKED_BYTES:
        raise UnreadableFileError(Problem(_("The workbook unpacks to more than 100 MB.")))
    # Imported only here: reading a workbook is the one use of openpyxl's reader.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as error:
        raise UnreadableFileError(
            Problem(_("The workbook cannot be read: %(error)s.") % {"error": error})
        ) from None
    sheet = workbook.worksheets[0]
    rows: list[RawRow] = []
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        values: list[Cell] = []
        formulas: dict[int, str] = {}
        for position, cell in enumerate(cells):
            value: Any = getattr(cell, "value", None)
            if isinstance(value, dt.time):
                value = value.isoformat()
            if getattr(cell, "data_type", None) == "f" or (
                value is not None and not isinstance(value, str | int | float | bool | dt.date)
            ):
                formulas[position] = str(getattr(value, "text", value))
                value = None
            values.append(value.strip() if isinstance(value, str) else value)
        rows.append(RawRow(line=number, cells=tuple(values), formulas=formulas))
    workbook.close()
    return rows
