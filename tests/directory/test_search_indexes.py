"""The organization search is served by the trigram indexes on PostgreSQL.

The index expressions must be exactly what Django writes for `icontains`; if either side changes,
the planner can no longer use the index and these tests see a sequential scan instead.
"""

from __future__ import annotations

import pytest
from django.db import connection

from smexchange.directory.models import Organization
from tests.factories.directory import OrganizationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db, pytest.mark.postgres]


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # On a handful of test rows a scan is cheaper; forbid it to see which index the planner can use.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_organization_search_uses_a_trigram_index_on_every_column():
    OrganizationFactory(name="东阳木雕有限公司", name_latin="Dongyang Woodcarving Co.", city="Dongyang")

    plan = _plan(Organization.objects.search("woodcarv").order_by())

    for column in ("name", "name_latin", "city", "description"):
        assert f"directory_organization_{column}_trgm" in plan


def test_search_results_are_the_same_with_the_indexes():
    OrganizationFactory(name="宁海文具厂", name_latin="Ninghai Stationery Works")
    OrganizationFactory(name="Hamburg Tools", name_latin="")

    assert list(Organization.objects.search("文具厂").values_list("name_latin", flat=True)) == [
        "Ninghai Stationery Works"
    ]
    assert list(Organization.objects.search("STATIONERY").values_list("name", flat=True)) == ["宁海文具厂"]
