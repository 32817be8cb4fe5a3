import csv
import datetime as dt
import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import zxingcpp
from openpyxl import load_workbook
from PIL import Image

from smexchange.events.enums import RegistrationStatus
from smexchange.events.models import Booth, Registration, Table, TimeSlot
from smexchange.matchmaking.documents.agenda_pdf import agenda_pdf
from smexchange.matchmaking.documents.badges import badges_pdf
from smexchange.matchmaking.documents.exports import neutralize_cell, schedule_csv, schedule_xlsx
from smexchange.matchmaking.documents.table_plan import table_plan_pdf
from smexchange.matchmaking.models import Schedule
from smexchange.matchmaking.queries import agenda_of
from smexchange.matchmaking.services.checkin import badge_token, check_in_by_token
from smexchange.matchmaking.services.publishing import book_meeting, publish_schedule
from smexchange.matchmaking.services.runs import start_schedule_run
from tests.factories.events import RegistrationFactory
from tests.matchmaking.conftest import accepted

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

PDFTOTEXT = Path("/usr/bin/pdftotext")
needs_poppler = pytest.mark.skipif(
    not PDFTOTEXT.exists(), reason="pdftotext missing: install Debian's poppler-utils"
)
SHANGHAI_TIMES = re.compile(r"\d\d:\d\d–\d\d:\d\d")


def _poppler(tool: str, pdf: bytes, *args: str) -> Path:
    workdir = Path(tempfile.mkdtemp())
    (workdir / "in.pdf").write_bytes(pdf)
    subprocess.run([f"/usr/bin/{tool}", *args, str(workdir / "in.pdf"), str(workdir / "out")], check=True)
    return workdir


def pdf_text(pdf: bytes) -> str:
    workdir = _poppler("pdftotext", pdf, "-layout", "-enc", "UTF-8")
    text = (workdir / "out").read_text(encoding="utf-8")
    shutil.rmtree(workdir)
    return text


def pdf_fonts(pdf: bytes) -> str:
    workdir = Path(tempfile.mkdtemp())
    (workdir / "in.pdf").write_bytes(pdf)
    listing = subprocess.run(
        ["/usr/bin/pdffonts", str(workdir / "in.pdf")], check=True, capture_output=True, text=True
    ).stdout
    shutil.rmtree(workdir)
    return listing


def qr_codes(pdf: bytes) -> list[str]:
    workdir = _poppler("pdftoppm", pdf, "-r", "150", "-png")
    texts = []
    for page in sorted(workdir.glob("out-*.png")):
        with Image.open(page) as image:
            texts += [code.text for code in zxingcpp.read_barcodes(image)]
    shutil.rmtree(workdir)
    return texts


@dataclass
class Published:
    schedule: Schedule
    wang: Registration
    bob: Registration
    carol: Registration
    host: Registration


def _rename(registration: Registration, *, given: str, family: str, local: str = "") -> Registration:
    person = registration.person
    person.given_name, person.family_name, person.name_local = given, family, local
    person.save()
    return registration


@pytest.fixture
def published(brokerage, booth_host) -> Published:
    """Three meetings placed by hand: Wang with Bob (14:00, T01) and Carol (14:40, T02), Carol at B17."""
    event = brokerage.event
    empty = start_schedule_run(event, time_limit=5)  # no accepted request yet: an empty draft
    empty.refresh_from_db()
    wang = _rename(brokerage.people[0], given="Wei", family="Wang", local="王伟")
    organization = wang.organization
    organization.name, organization.name_latin = "上海丝绸有限公司", "Shanghai Silk Co."
    organization.save()
    bob, carol = brokerage.people[1], brokerage.people[2]
    slots = list(TimeSlot.objects.filter(session__event=event).order_by("starts_at"))
    table_1, table_2 = Table.objects.filter(event=event).order_by("code")
    booth = Booth.objects.get(event=event, code="B17")
    book_meeting(empty.schedule, request=accepted(wang, bob), slot=slots[0], table=table_1)
    book_meeting(empty.schedule, request=accepted(carol, wang), slot=slots[2], table=table_2)
    book_meeting(empty.schedule, request=accepted(carol, booth_host), slot=slots[3], booth=booth)
    return Published(publish_schedule(empty.schedule), wang, bob, carol, booth_host)


def _who(registration: Registration) -> tuple[str, str]:
    return registration.person.display_name, registration.organization.display_name


@needs_poppler
def test_agenda_pdf_lists_each_meeting_in_the_event_time_zone(published):
    bob, carol = _who(published.bob), _who(published.carol)

    text = pdf_text(agenda_pdf(published.wang, agenda_of(published.wang)))

    assert "王伟 (Wei Wang)" in text
    assert "上海丝绸有限公司 (Shanghai Silk Co.)" in text
    assert "Times in Asia/Shanghai (UTC+08:00)" in text
    assert SHANGHAI_TIMES.findall(text) == ["14:00–14:20", "14:40–15:00"]
    rows = [line.split() for line in text.splitlines() if SHANGHAI_TIMES.search(line)]
    assert rows == [
        ["14:00–14:20", "Table", "T01", *bob[0].split(), *bob[1].split()],
        ["14:40–15:00", "Table", "T02", *carol[0].split(), *carol[1].split()],
    ]


@needs_poppler
def test_agenda_pdf_shows_a_chinese_counterpart_in_an_embedded_cjk_font(published):
    pdf = agenda_pdf(published.bob, agenda_of(published.bob))

    text = pdf_text(pdf)

    assert [line.split() for line in text.splitlines() if SHANGHAI_TIMES.search(line)] == [
        [
            "14:00–14:20",
            "Table",
            "T01",
            "王伟",
            "(Wei",
            "Wang)",
            "上海丝绸有限公司",
            "(Shanghai",
            "Silk",
            "Co.)",
        ]
    ]
    assert "Noto-Sans-CJK-SC" in pdf_fonts(pdf)


@needs_poppler
def test_agenda_pdf_prints_markup_in_names_as_text(published):
    _rename(published.bob, given="<script>alert(1)</script>", family='"><img src=x onerror=alert(1)>')
    published.bob.person.refresh_from_db()

    text = pdf_text(agenda_pdf(published.wang, agenda_of(published.wang)))

    assert '<script>alert(1)</script> "><img src=x onerror=alert(1)>' in text


@needs_poppler
def test_agenda_pdf_without_meetings_says_so(published):
    loner = published.schedule.event.registrations.exclude(
        pk__in=[published.wang.pk, published.bob.pk, published.carol.pk, published.host.pk]
    )[0]

    text = pdf_text(agenda_pdf(loner, agenda_of(loner)))

    assert "No meetings are scheduled for you yet." in text
    assert SHANGHAI_TIMES.findall(text) == []


@needs_poppler
def test_badges_pdf_has_one_badge_per_attending_participant(brokerage):
    wang = _rename(brokerage.people[0], given="Wei", family="Wang", local="王伟")
    pending = RegistrationFactory(event=brokerage.event, status=RegistrationStatus.PENDING)

    text = pdf_text(badges_pdf(brokerage.event))

    assert "王伟" in text
    assert "Wei Wang" in text
    names = [registration.person.latin_name for registration in brokerage.people[1:]]
    assert [name for name in names if name in text] == names
    assert pending.person.latin_name not in text
    assert wang.organization.display_name in text


@needs_poppler
def test_badges_qr_codes_decode_to_check_in_tokens(brokerage):
    people = brokerage.people

    scanned = qr_codes(badges_pdf(brokerage.event, people[:2]))

    assert sorted(scanned) == sorted(badge_token(registration) for registration in people[:2])
    checked_in = check_in_by_token(brokerage.event, scanned[0])
    assert checked_in.status == RegistrationStatus.CHECKED_IN


def test_badges_pdf_refuses_registrations_of_another_event(brokerage):
    stranger = RegistrationFactory(status=RegistrationStatus.CONFIRMED)

    with pytest.raises(ValueError, match="this event"):
        badges_pdf(brokerage.event, [brokerage.people[0], stranger])


@needs_poppler
def test_table_plan_pdf_lists_every_location_of_every_slot(published):
    wang, bob, carol, host = (
        _who(r) for r in (published.wang, published.bob, published.carol, published.host)
    )
    booth = f"Booth B17 ({published.host.organization.display_name})"

    text = pdf_text(table_plan_pdf(published.schedule))

    pages = text.split("\f")[:-1]
    assert [SHANGHAI_TIMES.findall(page)[0] for page in pages] == [
        "14:00–14:20",
        "14:20–14:40",
        "14:40–15:00",
        "15:00–15:20",
    ]
    plans = [
        [line.split() for line in page.splitlines() if line.strip().startswith(("Table", "Booth"))]
        for page in pages
    ]
    free = ["free"]
    assert plans == [
        [
            ["Table", "T01", *f"{wang[0]} {wang[1]} {bob[0]} {bob[1]}".split()],
            ["Table", "T02", *free],
            [*booth.split(), *free],
        ],
        [["Table", "T01", *free], ["Table", "T02", *free], [*booth.split(), *free]],
        [
            ["Table", "T01", *free],
            ["Table", "T02", *f"{carol[0]} {carol[1]} {wang[0]} {wang[1]}".split()],
            [*booth.split(), *free],
        ],
        [
            ["Table", "T01", *free],
            ["Table", "T02", *free],
            [*booth.split(), *f"{carol[0]} {carol[1]} {host[0]} {host[1]}".split()],
        ],
    ]


def _expected_rows(published: Published) -> list[list[str]]:
    wang, bob, carol, host = (
        _who(r) for r in (published.wang, published.bob, published.carol, published.host)
    )
    return [
        ["2009-07-13 14:00", "2009-07-13 14:20", "T01", *wang, *bob, "Scheduled"],
        ["2009-07-13 14:40", "2009-07-13 15:00", "T02", *carol, *wang, "Scheduled"],
        ["2009-07-13 15:00", "2009-07-13 15:20", "B17", *carol, *host, "Scheduled"],
    ]


HEADER = [
    "Start (Asia/Shanghai)",
    "End (Asia/Shanghai)",
    "Location",
    "Participant A",
    "Organization A",
    "Participant B",
    "Organization B",
    "Status",
]


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _xlsx_rows(data: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(data)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_schedule_csv_has_one_row_per_meeting_in_local_time(published):
    rows = _csv_rows(schedule_csv(published.schedule))

    assert rows == [HEADER, *_expected_rows(published)]


def test_schedule_xlsx_has_one_row_per_meeting_in_local_time(published):
    rows = _xlsx_rows(schedule_xlsx(published.schedule))

    as_text = [
        [f"{cell:%Y-%m-%d %H:%M}" if isinstance(cell, dt.datetime) else cell for cell in row] for row in rows
    ]
    assert as_text == [HEADER, *_expected_rows(published)]
    assert [type(cell) for cell in rows[1][:2]] == [dt.datetime, dt.datetime]


def test_schedule_exports_neutralize_formula_cells(published):
    _rename(published.bob, given='=HYPERLINK("http://evil.example","x")', family="")
    _rename(published.carol, given="@SUM(1+1)", family="")
    org = published.wang.organization
    org.name, org.name_latin = "+cmd|' /C calc'!A0", ""
    org.save()
    host_org = published.host.organization
    host_org.name = "\tTabbed"
    host_org.save()

    csv_rows = _csv_rows(schedule_csv(published.schedule))
    xlsx = load_workbook(io.BytesIO(schedule_xlsx(published.schedule))).active

    expected = [
        ["'+cmd|' /C calc'!A0", '\'=HYPERLINK("http://evil.example","x")'],
        ["'@SUM(1+1)", "'+cmd|' /C calc'!A0"],
        ["'@SUM(1+1)", "'\tTabbed"],
    ]
    assert [[cell for cell in row if cell.startswith("'")] for row in csv_rows[1:]] == expected
    xlsx_texts = [
        [cell.value for cell in row if str(cell.value).startswith("'")] for row in xlsx.iter_rows(min_row=2)
    ]
    assert xlsx_texts == expected
    assert {cell.data_type for row in xlsx.iter_rows(min_row=2, min_col=3) for cell in row} == {"s"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\n=1", "'\n=1"),
        ("\x01=1", "'=1"),
        ("王伟", "王伟"),
        ("Acme = Co", "Acme = Co"),
        ("", ""),
    ],
)
def test_neutralize_cell_prefixes_formula_triggers(value, expected):
    assert neutralize_cell(value) == expected
