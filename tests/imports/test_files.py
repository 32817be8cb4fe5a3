import codecs
import datetime as dt
import io
import zipfile

import pytest

from smexchange.imports.files import UnreadableFileError, read_table, sniff_format
from tests.imports.conftest import csv_bytes, xlsx_bytes

pytestmark = [pytest.mark.unit]


def _rejected(content: bytes, **kwargs) -> str:
    with pytest.raises(UnreadableFileError) as caught:
        read_table(content, **kwargs)
    return str(caught.value.problem)


def test_csv_with_byte_order_mark_reads_chinese_and_drops_the_mark():
    table = read_table(csv_bytes([["名称", "国家"], ["宁海文具", "CN"]]))

    assert (table.format, table.header, [row.cells for row in table.rows]) == (
        "csv",
        ("名称", "国家"),
        [("宁海文具", "CN")],
    )


def test_csv_without_mark_semicolons_and_utf16_tabs_all_read_the_same():
    rows = [["name", "country"], ["Müller GmbH", "DE"]]
    plain = read_table(csv_bytes(rows, encoding="utf-8", delimiter=";"))
    excel_unicode = read_table(codecs.BOM_UTF16_LE + csv_bytes(rows, encoding="utf-16-le", delimiter="\t"))

    assert (
        [row.cells for row in plain.rows]
        == [row.cells for row in excel_unicode.rows]
        == [("Müller GmbH", "DE")]
    )


def test_gbk_file_is_refused_with_the_line_of_the_first_bad_byte_unless_named():
    content = csv_bytes([["name", "country"], ["Acme", "GB"], ["宁海文具", "CN"]], encoding="gbk")

    assert _rejected(content).startswith("line 3: The file is not UTF-8 text (byte 0xc4).")
    assert read_table(content, encoding="gb18030").rows[1].cells == ("宁海文具", "CN")


def test_line_numbers_count_physical_lines_of_multiline_cells_and_skip_blank_rows():
    content = b'name,description\r\nA,"two\r\nlines"\r\n,\r\nB,one\r\n'

    assert [row.line for row in read_table(content).rows] == [2, 5]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"  \r\n", "The file is empty."),
        (b"name,country\r\n", "line 1: The file has a header but no data rows."),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
            "The file is in the old Excel .xls format: save it as .xlsx or as CSV UTF-8.",
        ),
        (b"%PDF-1.7\n", "The file is a PDF document, not a CSV or XLSX file."),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "The file is binary data, not a CSV or XLSX file."),
    ],
)
def test_files_that_are_not_tables_are_refused(content, message):
    assert _rejected(content) == message


def test_a_zip_that_is_not_a_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")

    assert _rejected(out.getvalue()) == "The file is a ZIP archive but not an XLSX workbook."


def test_sniffing_ignores_the_name_a_workbook_is_a_workbook():
    assert sniff_format(xlsx_bytes([["name"], ["A"]])) == "xlsx"


def test_xlsx_keeps_dates_numbers_and_marks_formulas():
    content = xlsx_bytes(
        [["name", "since", "phone", "total"], ["Acme", dt.date(2009, 7, 13), 8613812345678, "=1+2"]],
        number_formats={"B2": "yyyy-mm-dd"},
    )

    table = read_table(content)

    row = table.rows[0]
    assert (row.line, row.cells, row.formulas) == (
        2,
        ("Acme", dt.datetime(2009, 7, 13), 8613812345678, None),
        {3: "=1+2"},
    )
