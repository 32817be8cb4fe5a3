# Trigram indexes for the organization search, PostgreSQL only; built concurrently. Profile search
# ORs across joined tables (items, organization), which the planner cannot serve from indexes.

from django.db import migrations

from smexchange.common.migration_operations import AddTrigramSearchIndexes


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [
        ("directory", "0004_organization_name_order_index"),
    ]

    operations = [
        AddTrigramSearchIndexes("directory_organization", ["name", "name_latin", "city", "description"]),
    ]
