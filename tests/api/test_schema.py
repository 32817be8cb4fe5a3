"""The committed OpenAPI schema is the one the code generates; it is served with its docs; and every
operation in it has a line in the permission matrix (tests/security/matrix.py, TRUST 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import resolve
from rest_framework.test import APIClient

from tests.security.matrix import ROUTES

pytestmark = [pytest.mark.integration]

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.json"
REGENERATE = (
    "smex spectacular --format openapi-json --lang en --validate --fail-on-warn --file docs/api/openapi.json"
)


def test_committed_schema_is_up_to_date(tmp_path):
    generated = tmp_path / "openapi.json"

    call_command(
        "spectacular",
        "--format",
        "openapi-json",
        "--lang",
        "en",
        "--validate",
        "--fail-on-warn",
        "--file",
        str(generated),
    )

    assert json.loads(generated.read_text()) == json.loads(COMMITTED.read_text()), (
        f"stale: run `{REGENERATE}`"
    )


@pytest.mark.django_db
def test_schema_is_served_at_the_contract_path():
    response = APIClient().get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert response.json()["paths"].keys() == json.loads(COMMITTED.read_text())["paths"].keys()


@pytest.mark.django_db
def test_docs_page_uses_local_assets_only(client):
    response = client.get("/api/v1/docs/")
    script = client.get("/api/v1/docs/?script=")

    page = response.content.decode()
    assert response.status_code == 200
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "https://" not in page
    # No inline script or style, so the site's Content-Security-Policy needs no 'unsafe-inline'.
    assert "<script>" not in page
    assert "<style" not in page
    assert " style=" not in page
    assert script.status_code == 200
    assert "https://" not in script.content.decode()


def test_every_operation_of_the_schema_is_in_the_permission_matrix():
    covered = {(route.name, route.method) for route in ROUTES}
    operations = [
        (f"{match.namespace}:{match.url_name}", method.upper())
        for path, item in json.loads(COMMITTED.read_text())["paths"].items()
        for method in item
        for match in [resolve(path.replace("{id}", "1").replace("{slug}", "x"))]
    ]

    assert sorted(set(operations) - covered) == []
    assert len(operations) == 20
