"""Property-based run of the whole API against its OpenAPI schema (TRUST.md item 12).

Every operation, as a participant and as an organizer of the seeded world: generated query strings,
bodies and headers, path ids both random and real (taken from the list endpoints). No answer may be a
server error, and every answer must match the schema (status code, content type, headers, body).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from smexchange.api.services import create_api_token
from tests.api.conftest import user_of

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

# Kept small so the run stays within about a minute on two cores; derandomized so a failure reproduces.
MAX_EXAMPLES = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
SLUG_LOOKUPS = ("/events/", "/organizations/")
COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.json"


@contextmanager
def in_process_app() -> Iterator[WSGIHandler]:
    """Django in-process; like the test client, it must not close the test's connection after a request.

    The test client reconnects `close_old_connections` after each of its requests, so no test-client
    call may happen inside this block.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _real_ids(headers: dict[str, str], list_path: str) -> list[Any]:
    """Ids (or slugs) the user can see, from the list endpoint of the operation's resource."""
    response = APIClient(headers=headers).get("/api/v1" + list_path)
    if response.status_code != 200:
        return []
    key = "slug" if list_path in SLUG_LOOKUPS else "id"
    return [row[key] for row in response.json()["results"][:5]]


def _real_request_bodies(headers: dict[str, str]) -> list[dict[str, Any]]:
    """Meeting requests the user could really send: to the registrations they can see."""
    rows = APIClient(headers=headers).get("/api/v1/registrations/").json()["results"]
    return [{"event": row["event"], "recipient": row["id"], "message": "Shall we meet?"} for row in rows]


def _run(user: Any) -> None:
    _token, secret = create_api_token(user, name="schemathesis")
    headers = {"Authorization": f"Bearer {secret}"}
    # Real ids first, through the test client (see in_process_app).
    lists = [
        path.removeprefix("/api/v1") for path in json.loads(COMMITTED.read_text())["paths"] if "{" not in path
    ]
    real_ids = {path: _real_ids(headers, path) for path in lists}
    bodies = _real_request_bodies(headers)
    failures = []
    with in_process_app() as app:
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
        for result in schema.get_all_operations():
            operation = result.ok()
            try:
                _check(operation, app, headers, real_ids, bodies)
            except Exception as error:
                failures.append(f"{operation.method.upper()} {operation.path}: {error}")
    assert failures == []


def _check(
    operation: Any,
    app: WSGIHandler,
    headers: dict[str, str],
    real_ids: dict[str, list[Any]],
    bodies: list[dict[str, Any]],
) -> None:
    parameter = next(iter(p.name for p in operation.path_parameters), None)
    strategies = [operation.as_strategy()]
    if parameter is not None:
        resource = re.sub(r"\{[^}]+\}/.*$", "", operation.path.removeprefix("/api/v1"))
        strategies += [
            operation.as_strategy(path_parameters={parameter: real}) for real in real_ids.get(resource, [])
        ]
    if operation.method == "post" and parameter is None:
        strategies += [operation.as_strategy(body=body, media_type="application/json") for body in bodies]

    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=st.one_of(strategies))
    def check(case: Any) -> None:
        response = case.call(app=app, headers=headers)
        case.validate_response(response, checks=CHECKS)

    check()


def test_api_conforms_to_schema_as_participant(world):
    _run(user_of(world.bob))


def test_api_conforms_to_schema_as_organizer(world):
    _run(world.organizer)
