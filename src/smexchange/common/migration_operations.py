"""Migration operations that keep a live PostgreSQL database writable while they run."""

from __future__ import annotations

import logging
from typing import Any

from django.db import DatabaseError, migrations

logger = logging.getLogger(__name__)


class AddIndexConcurrently(migrations.AddIndex):
    """AddIndex built with CREATE INDEX CONCURRENTLY on PostgreSQL, so writes go on meanwhile.

    Django's own AddIndexConcurrently works only on PostgreSQL; the embedded SQLite default and
    the test suite need the same migration, so other databases build the index plainly (SQLite
    has no concurrent build and no concurrent writers to block). CONCURRENTLY cannot run inside a
    transaction: the migration using this must set `atomic = False`.
    """

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)
            return
        model = to_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, model):
            schema_editor.add_index(model, self.index, concurrently=True)

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
            return
        model = from_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, model):
            schema_editor.remove_index(model, self.index, concurrently=True)


class AddTrigramSearchIndexes(migrations.operations.base.Operation):
    """GIN trigram indexes on PostgreSQL for the columns a text search looks inside.

    Django's `icontains` is `UPPER(column::text) LIKE UPPER('%text%')`, which no B-tree index can
    serve: at 100,000 organizations each directory search read the whole table (about 120 ms,
    twice per page with the count). An index on that very expression with `gin_trgm_ops` answers
    it in under a millisecond for any text of three characters or more, in any script.

    Needs the pg_trgm extension, which the database owner may create (it is trusted since
    PostgreSQL 13). Where it cannot be created the indexes are skipped with a warning: searches
    stay correct, only slower. Other databases get nothing, and the model state does not change.
    Built concurrently, so the migration must set `atomic = False`.
    """

    reduces_to_sql = False
    reversible = True

    def __init__(self, table: str, columns: list[str]) -> None:
        self.table = table
        self.columns = columns

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (self.__class__.__qualname__, [], {"table": self.table, "columns": self.columns})

    def state_forwards(self, app_label: str, state: Any) -> None:
        pass

    def index_name(self, column: str) -> str:
        return f"{self.table}_{column}_trgm"[:63]

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        try:
            with schema_editor.connection.cursor() as cursor:
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError as error:
            logger.warning("pg_trgm unavailable (%s): no trigram search indexes on %s", error, self.table)
            return
        quote = schema_editor.quote_name
        for column in self.columns:
            schema_editor.execute(
                f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {quote(self.index_name(column))} "
                f"ON {quote(self.table)} USING gin ((UPPER({quote(column)}::text)) gin_trgm_ops)"
            )
        # Statistics on the new expressions, so the planner prefers them at once rather than
        # after autovacuum's next visit (until then it kept scanning the name-order index).
        schema_editor.execute(f"ANALYZE {quote(self.table)}")

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for column in self.columns:
            schema_editor.execute(
                f"DROP INDEX CONCURRENTLY IF EXISTS {schema_editor.quote_name(self.index_name(column))}"
            )

    def describe(self) -> str:
        return f"Trigram search indexes on {self.table} ({', '.join(self.columns)}), PostgreSQL only"
