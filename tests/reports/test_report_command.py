"""`smex report`: files in every format, exit status 2 and no file on bad input (CONTRACTS.md section 1)."""

from __future__ import annotations

import datetime as dt
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from smexchange.events.enums import ATTENDING_STATUSES
from smexchange.events.models import Registration
from tests.factories.events import EventFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _report(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("report", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_report_event_pdf_shows_chinese_title_and_figures(report_world, tmp_path):
    out = tmp_path / "expo.pdf"
    participants = sum(
        r.event_id == report_world.expo.pk and r.status in ATTENDING_STATUSES
        for r in Registration.objects.all()
    )

    status, stdout, _stderr = _report("event", "global-sme-expo-2009", "--out", str(out))

    assert status == 0
    assert "wrote" in stdout
    text = _pdf_text(out)
    assert "Global SME Expo 2009" in text
    assert "2009全球中小企业博览会" in text
    assert f"{participants}" in text
    assert "Participants by country" in text
    assert "Agreements and transactions between countries" in text
    assert "From meeting requests to agreements" in text


def test_report_event_pdf_embeds_the_charts(report_world, tmp_path):
    out = tmp_path / "expo.pdf"

    _report("event", "global-sme-expo-2009", "--out", str(out))

    images = subprocess.run(
        ["pdfimages", "-list", str(out)], check=True, capture_output=True, text=True
    ).stdout
    assert len(images.strip().splitlines()) - 2 >= 4  # header lines, then one line per image


def test_report_event_in_chinese_has_chinese_headings(report_world, tmp_path):
    out = tmp_path / "expo-zh.pdf"

    status, _stdout, _stderr = _report(
        "event", "global-sme-expo-2009", "--out", str(out), "--language", "zh-hans"
    )

    assert status == 0
    text = _pdf_text(out)
    assert "2009全球中小企业博览会" in text
    assert "参会人数" in text


def test_report_event_xlsx_has_a_sheet_behind_every_chart(report_world, tmp_path):
    out = tmp_path / "expo.xlsx"

    status, _stdout, _stderr = _report("event", "global-sme-expo-2009", "--out", str(out))

    assert status == 0
    workbook = load_workbook(out)
    assert workbook.sheetnames[:6] == [
        "Summary",
        "Participants by country",
        "Participants by role",
        "Agreements and transactions bet",
        "From meeting requests to agreem",
        "Transactions by cooperation typ",
    ]
    people = [
        r for r in Registration.objects.select_related("organization")
        if r.event_id == report_world.expo.pk and r.status in ATTENDING_STATUSES
    ]  # fmt: skip
    rows = list(workbook["Participants by country"].iter_rows(min_row=2, values_only=True))
    assert sum(count for _name, count in rows) == len(people)
    summary = {
        row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True) if row and len(row) > 1
    }
    assert summary["Participants"] == len(people)


def test_report_event_html_is_one_page_with_inline_charts(report_world, tmp_path):
    out = tmp_path / "expo.html"

    status, _stdout, _stderr = _report("event", "global-sme-expo-2009", "--out", str(out))

    assert status == 0
    html = out.read_text(encoding="utf-8")
    assert "2009全球中小企业博览会" in html
    assert html.count('src="data:image/png;base64,') >= 4


def test_report_annual_pdf_lists_the_years_events(report_world, tmp_path):
    out = tmp_path / "2009.pdf"

    status, _stdout, _stderr = _report("annual", "2009", "--out", str(out))

    assert status == 0
    text = _pdf_text(out)
    assert "Annual development report 2009" in text
    assert "2009年度中小企业发展报告" in text
    assert "US-China Week 2009" in text
    assert "Year-on-year change" in text


def test_report_unknown_event_exits_2_without_a_file(tmp_path):
    out = tmp_path / "nowhere.pdf"

    status, _stdout, stderr = _report("event", "nowhere-2031", "--out", str(out))

    assert status == 2
    assert stderr.strip() == "smex report: no event with the slug 'nowhere-2031'"
    assert list(tmp_path.iterdir()) == []


def test_report_year_without_events_exits_2_without_a_file(report_world, tmp_path):
    out = tmp_path / "2031.pdf"

    status, _stdout, stderr = _report("annual", "2031", "--out", str(out))

    assert status == 2
    assert stderr.strip() == "smex report: no events took place in 2031"
    assert list(tmp_path.iterdir()) == []


def test_report_bad_input_leaves_an_old_file_untouched(tmp_path):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old")

    status, _stdout, _stderr = _report("annual", "20x2", "--out", str(out))

    assert status == 2
    assert out.read_bytes() == b"old"


def test_report_unknown_extension_exits_2(report_world, tmp_path):
    status, _stdout, stderr = _report("event", "global-sme-expo-2009", "--out", str(tmp_path / "expo.docx"))

    assert status == 2
    assert "unknown format '.docx'" in stderr
    assert list(tmp_path.iterdir()) == []


def test_report_empty_year_says_so_instead_of_drawing_charts(tmp_path):
    EventFactory(
        slug="quiet-2013", name="Quiet 2013", starts_on=dt.date(2013, 5, 1), ends_on=dt.date(2013, 5, 2)
    )
    out = tmp_path / "2013.pdf"

    status, _stdout, _stderr = _report("annual", "2013", "--out", str(out))

    assert status == 0
    text = _pdf_text(out)
    assert "no participants, meetings or agreements are recorded" in " ".join(text.split())
    images = subprocess.run(
        ["pdfimages", "-list", str(out)], check=True, capture_output=True, text=True
    ).stdout
    assert len(images.strip().splitlines()) == 2  # the header only: no chart drawn
