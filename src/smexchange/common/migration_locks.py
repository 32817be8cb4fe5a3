"""Migrations that would hold long locks on a large table, unless someone reviewed them (TRUST 19).

On PostgreSQL, some schema changes lock a table for as long as they scan or rewrite it: building an
index without CONCURRENTLY blocks writes; adding a check or foreign-key constraint, changing a
column's type or making it NOT NULL holds an exclusive lock while every row is read. On a table of
100,000 registrations that is an outage. An operation on a table that an earlier migration created
(so it may hold data by now) is listed here unless `REVIEWED` names it with the reason it is safe;
`tests/common/test_migration_locks.py` fails on any unreviewed one, and `smex check_migration_locks`
prints them. Operations on a table created in the same migration are always safe: it is empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import migrations
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations.base import Operation
from django.db.models import Field

from smexchange.common.migration_operations import AddIndexConcurrently

# "app.migration#index": why that operation does not lock a large table for long.
REVIEWED: dict[str, str] = {
    "awards.0002_award_description_zh#0": "Awards are few (a handful per event) and the default is a "
    "constant, which PostgreSQL 11+ adds without a rewrite.",
    "awards.0003_juror_user_kept_when_account_deleted#0": "Only DROP NOT NULL on juror.user_id (sqlmigrate): "
    "a catalogue change, no rewrite or scan; on_delete lives in Django, not in the database.",
    "common.0002_load_isic_sectors#0": "Loads the ISIC table (about 110 rows) into a table created just before.",
    "directory.0003_cooperationprofile_visibility#0": "A constant default ('public'): PostgreSQL 11+ adds "
    "the column without rewriting the table (CI runs 15); no index on it.",
    "directory.0002_person_user#0": "Added before any deployment held people; later such columns get a "
    "separate CREATE INDEX CONCURRENTLY migration.",
    "matchmaking.0006_meetingrequest_origin#0": "A constant default: PostgreSQL 11+ adds the column "
    "without rewriting the table (CI runs 15); added before any deployment held requests.",
    "matchmaking.0007_schedulerun_retry_of#0": "Schedule runs stay few (a handful per event), so the "
    "unique index on retry_of builds in milliseconds.",
}

UNSAFE_OPERATIONS = (
    migrations.AlterField,
    migrations.AddIndex,
    migrations.AddConstraint,
    migrations.AlterUniqueTogether,
    migrations.RunPython,
    migrations.RunSQL,
)


@dataclass(frozen=True)
class Finding:
    key: str  # "app.migration#index"
    operation: str
    reason: str

    def __str__(self) -> str:
        return f"{self.key} {self.operation}: {self.reason}"


def _field_reason(field: Field) -> str:
    reasons = []
    if not field.null and (field.has_default() or field.db_default is not None):
        reasons.append("a NOT NULL column with a default rewrites the table on PostgreSQL < 11 and SQLite")
    elif not field.null and not field.many_to_many:
        reasons.append("a NOT NULL column without a default fails on a table with rows")
    if field.is_relation and not field.many_to_many and getattr(field, "db_constraint", True):
        reasons.append("the foreign key is validated and its index built while writes wait")
    elif field.unique or field.db_index:
        reasons.append("its index is built without CONCURRENTLY while writes wait")
    return "; ".join(reasons)


def _reason(operation: Operation) -> str:
    if isinstance(operation, migrations.AddField):
        return _field_reason(operation.field)
    if isinstance(operation, AddIndexConcurrently):
        return ""  # writes go on while PostgreSQL builds it
    if isinstance(operation, migrations.AddIndex):
        return "the index is built without CONCURRENTLY while writes wait"
    if isinstance(operation, migrations.AddConstraint):
        return "the constraint is checked (or its index built) against every row under lock"
    if isinstance(operation, migrations.AlterField):
        return "may change the column's type or nullability, or build an index, under lock (check sqlmigrate)"
    if isinstance(operation, migrations.AlterUniqueTogether):
        return "the unique index is built without CONCURRENTLY while writes wait"
    if isinstance(operation, migrations.RunPython | migrations.RunSQL):
        return "a data migration: check what it reads and writes"
    return ""


def _model_of(operation: Operation) -> str:
    return str(getattr(operation, "model_name", None) or getattr(operation, "name", "")).lower()


def find_long_locks(package: str = "smexchange") -> list[Finding]:
    """Every operation of the project's migrations that may lock a table that could hold data."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    findings = []
    for (app_label, name), migration in sorted(loader.disk_migrations.items()):
        if not type(migration).__module__.startswith(f"{package}."):
            continue
        created_here = {
            operation.name.lower()
            for operation in migration.operations
            if isinstance(operation, migrations.CreateModel)
        }
        for index, operation in enumerate(migration.operations):
            if isinstance(operation, migrations.CreateModel):
                continue
            is_data = isinstance(operation, migrations.RunPython | migrations.RunSQL)
            if not is_data and _model_of(operation) in created_here:
                continue
            if not isinstance(operation, (migrations.AddField, *UNSAFE_OPERATIONS)):
                continue
            reason = _reason(operation)
            if reason:
                findings.append(Finding(f"{app_label}.{name}#{index}", operation.describe(), reason))
    return findings


def unreviewed_long_locks(package: str = "smexchange") -> list[Finding]:
    return [finding for finding in find_long_locks(package) if finding.key not in REVIEWED]
