"""Importing organizations, people, profiles and registrations from CSV or XLSX: all rows or none.

Every row is checked before anything is written, and every problem is reported with its line,
column and record. Only a file without problems is written, in one transaction, so a failure of
any kind (a bad row, a database error, a worker killed half-way) leaves the database as it was.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smexchange.common.exceptions import DomainError
from smexchange.events.models import Event
from smexchange.imports.columns import (
    ORGANIZATION_COLUMNS,
    PEOPLE_COLUMNS,
    PROFILE_COLUMNS,
    REGISTRATION_COLUMNS,
    Column,
    map_columns,
)
from smexchange.imports.enums import ImportKind, ImportSource, ImportStatus
from smexchange.imports.files import Problem, RawTable, UnreadableFileError, read_table
from smexchange.imports.kinds import Plan, Planner, plan_organizations, plan_people, plan_profiles
from smexchange.imports.models import ImportRun
from smexchange.imports.registrations import plan_registrations
from smexchange.imports.rows import RowReader

KINDS: dict[str, tuple[tuple[Column, ...], Planner]] = {
    ImportKind.ORGANIZATIONS: (ORGANIZATION_COLUMNS, plan_organizations),
    ImportKind.PEOPLE: (PEOPLE_COLUMNS, plan_people),
    ImportKind.PROFILES: (PROFILE_COLUMNS, plan_profiles),
    ImportKind.REGISTRATIONS: (REGISTRATION_COLUMNS, plan_registrations),
}


@dataclass
class ImportReport:
    """The outcome of checking (and perhaps writing) one file."""

    kind: str
    format: str = ""
    rows: int = 0
    created: int = 0
    existing: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


class _RollbackError(Exception):
    """Rolls the import's transaction back."""


def _plan(kind: str, table: RawTable, event: Event | None, report: ImportReport) -> Plan | None:
    columns, planner = KINDS[kind]
    column_map, problems = map_columns(table, columns)
    report.format, report.rows, report.ignored_columns = table.format, len(table.rows), column_map.ignored
    if problems:
        report.problems.extend(problems)
        return None
    readers = [RowReader(row, column_map, report.problems) for row in table.rows]
    plan = planner(readers, event)
    report.created, report.existing, report.counts = plan.created, plan.existing, plan.counts
    return None if report.problems else plan


def _check_arguments(kind: str, event: Event | None) -> None:
    if kind not in KINDS:
        raise DomainError(
            _("“%(kind)s” is not a kind of import (use one of: %(kinds)s).")
            % {"kind": kind, "kinds": ", ".join(KINDS)}
        )
    if kind == ImportKind.REGISTRATIONS and event is None:
        raise DomainError(_("Registrations are imported into an event: name it (--event SLUG)."))


def import_rows(
    kind: str, content: bytes, *, event: Event | None = None, encoding: str = "", write: bool = True
) -> ImportReport:
    """Check every row of `content` and, when none has a problem and `write` is set, write them all.

    All or nothing: the rows are written in one transaction, and a problem found on any row (or an
    error of the database while writing) writes none. Raises DomainError for a bad kind or a
    registration import without an event; problems of the file are in the report.
    """
    _check_arguments(kind, event)
    report = ImportReport(kind=kind)
    try:
        table = read_table(content, encoding=encoding)
    except UnreadableFileError as error:
        report.problems.append(error.problem)
        return report
    try:
        with transaction.atomic():
            plan = _plan(kind, table, event, report)
            if plan is None:
                raise _RollbackError
            if write:
                plan.write()
                report.written = True
    except _RollbackError:
        pass
    except (ValidationError, DatabaseError) as error:
        report.written = False
        messages = getattr(error, "messages", None) or [str(error)]
        report.problems.append(
            Problem(_("The database refused the rows: %(error)s") % {"error": " ".join(messages)})
        )
    return report


def _problems_as_data(problems: list[Problem]) -> list[dict[str, Any]]:
    return [dataclasses.asdict(problem) for problem in problems]


def _record(run: ImportRun, report: ImportReport) -> None:
    run.file_format = report.format
    run.rows, run.created, run.existing = report.rows, report.created, report.existing
    run.problems = _problems_as_data(report.problems)
    run.ignored_columns = list(report.ignored_columns)


def import_file(
    kind: str,
    content: bytes,
    *,
    file_name: str,
    event: Event | None = None,
    encoding: str = "",
    user: Any = None,
    write: bool = True,
) -> tuple[ImportRun, ImportReport]:
    """`import_rows`, recorded as an ImportRun (the command line's path)."""
    report = import_rows(kind, content, event=event, encoding=encoding, write=write)
    if report.written:
        status = ImportStatus.IMPORTED
    else:
        status = ImportStatus.CHECKED if report.ok else ImportStatus.REJECTED
    run = ImportRun(
        event=event,
        kind=kind,
        file_name=file_name[:255],
        source=ImportSource.COMMAND,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        status=status,
        finished_at=timezone.now() if report.written else None,
    )
    _record(run, report)
    run.save()
    return run, report


def check_upload(event: Event, *, kind: str, content: bytes, file_name: str, user: Any) -> ImportRun:
    """Check an uploaded file without writing its rows; the run keeps the file for `apply_import_run`."""
    report = import_rows(kind, content, event=event, write=False)
    run = ImportRun(
        event=event,
        kind=kind,
        file_name=file_name[:255],
        source=ImportSource.WEB,
        created_by=user,
        status=ImportStatus.CHECKED if report.ok else ImportStatus.REJECTED,
        content=content if report.ok else b"",
    )
    _record(run, report)
    run.save()
    return run


def apply_import_run(run: ImportRun) -> ImportRun:
    """Import a checked upload: checked again against the database as it is now, then all rows or none.

    The run is locked while importing, so a second click imports nothing twice.
    """
    with transaction.atomic():
        locked = ImportRun.objects.select_for_update(of=("self",)).select_related("event").get(pk=run.pk)
        if locked.status != ImportStatus.CHECKED:
            raise DomainError(_("This file has been imported or rejected already; upload it again."))
        report = import_rows(locked.kind, bytes(locked.content), event=locked.event)
        _record(locked, report)
        locked.status = ImportStatus.IMPORTED if report.written else ImportStatus.FAILED
        locked.finished_at = timezone.now()
        locked.content = b""
        locked.save()
    return locked
