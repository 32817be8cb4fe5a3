"""Files as registration systems and Excel write them, and a census of the tables an import writes."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook

from smexchange.directory.models import CooperationItem, CooperationProfile, Organization, Person
from smexchange.events.models import Registration
from smexchange.imports.models import ImportRun


def csv_bytes(rows: Sequence[Sequence[Any]], *, encoding: str = "utf-8-sig", delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows: Sequence[Sequence[Any]], *, number_formats: dict[str, str] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    for cell, number_format in (number_formats or {}).items():
        sheet[cell].number_format = number_format
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def census() -> dict[str, int]:
    """How many rows each table an import writes holds (ImportRun, the import's own record, apart)."""
    return {
        "organizations": Organization.objects.count(),
        "people": Person.objects.count(),
        "profiles": CooperationProfile.objects.count(),
        "items": CooperationItem.objects.count(),
        "registrations": Registration.objects.count(),
    }


def runs() -> list[tuple[str, str]]:
    return list(ImportRun.objects.order_by("id").values_list("kind", "status"))
