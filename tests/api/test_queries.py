"""N+1 guard: a list endpoint costs the same number of queries for one row as for several."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import client_for, user_of

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LISTS = [
    "/api/v1/events/",
    "/api/v1/programme-items/",
    "/api/v1/organizations/",
    "/api/v1/profiles/",
    "/api/v1/registrations/",
    "/api/v1/meeting-requests/",
    "/api/v1/meetings/",
    "/api/v1/deals/",
]


def _queries(client, url: str, page_size: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"page_size": page_size})
    assert response.status_code == 200
    assert len(response.json()["results"]) == page_size
    return len(queries)


@pytest.mark.parametrize("url", LISTS)
def test_list_query_count_does_not_grow_with_rows(world, url):
    # Staff sees two or more rows of every list, and Alice's drafts make two profiles for her.
    client = client_for(user_of(world.alice) if url.endswith("/profiles/") else world.staff)
    client.get(url)  # the token's first use writes its last-use time

    assert _queries(client, url, 1) == _queries(client, url, 2)
