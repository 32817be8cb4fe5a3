"""TRUST 19: migrations are checked for long locks on tables that may hold data."""

import pytest
from django.core.management import call_command
from django.db import migrations, models

from smexchange.common import migration_locks
from smexchange.common.migration_locks import REVIEWED, _reason, find_long_locks, unreviewed_long_locks
from smexchange.common.migration_operations import AddIndexConcurrently

pytestmark = pytest.mark.unit


def test_no_migration_locks_a_large_table_unreviewed():
    unreviewed = [str(finding) for finding in unreviewed_long_locks()]

    # To fix: make the migration safe (e.g. AddIndexConcurrently in its own non-atomic migration), or
    # add its key to REVIEWED in smexchange/common/migration_locks.py with the reason it is safe.
    assert unreviewed == []


def test_every_review_names_an_operation_that_is_still_found():
    found = {finding.key for finding in find_long_locks()}

    assert sorted(set(REVIEWED) - found) == []


@pytest.mark.parametrize(
    ("operation", "flagged"),
    [
        (migrations.AddField("person", "score", models.IntegerField(default=0)), True),
        (
            migrations.AddField("person", "badge", models.CharField(max_length=5, db_index=True, null=True)),
            True,
        ),
        (migrations.AddField("person", "note", models.TextField(null=True, blank=True)), False),
        (migrations.AddIndex("person", models.Index(fields=["email"], name="person_email")), True),
        (AddIndexConcurrently("person", models.Index(fields=["email"], name="person_email")), False),
        (
            migrations.AddConstraint(
                "person", models.CheckConstraint(condition=models.Q(id__gt=0), name="p")
            ),
            True,
        ),
        (migrations.AlterField("person", "email", models.EmailField(max_length=300)), True),
        (migrations.RemoveField("person", "bio"), False),
    ],
)
def test_operations_that_lock_are_told_from_those_that_do_not(operation, flagged):
    assert bool(_reason(operation)) is flagged


def test_command_lists_unreviewed_operations_and_fails(monkeypatch, capsys):
    monkeypatch.setattr(migration_locks, "REVIEWED", {})
    monkeypatch.setattr("smexchange.common.management.commands.check_migration_locks.REVIEWED", {})

    with pytest.raises(SystemExit) as exit_:
        call_command("check_migration_locks")

    out = capsys.readouterr().out.splitlines()
    assert exit_.value.code == 1
    assert out[-1] == f"{len(find_long_locks())} unreviewed operation(s)"
    assert "UNREVIEWED matchmaking.0007_schedulerun_retry_of#0 Add field retry_of to schedulerun" in out[-2]


@pytest.mark.django_db
def test_a_concurrently_built_index_exists_after_migrating_on_every_database():
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "directory_organization")

    assert constraints["directory_org_name_order"]["columns"] == ["name_latin", "name"]
    assert constraints["directory_org_name_order"]["index"] is True
