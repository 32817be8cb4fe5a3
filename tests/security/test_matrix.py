"""Every named URL pattern, tried as every role (TRUST 1, 2, 6): the expected outcome, and no change
when the answer is a refusal. See matrix.py for the table and world.py for the roles."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.core.signals import request_finished
from django.db import close_old_connections, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.security.matrix import EXEMPT_PREFIXES, ROUTES, Route
from tests.security.world import ROLES, World, build_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LOGIN_PATHS = ("/accounts/login/", "/admin/login/")
REFUSALS = {"L", "401", "403", "404", "405"}


def named_patterns(patterns: list[Any] | None = None, namespace: str = "") -> Iterator[str]:
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from named_patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def outcome(response: Any) -> str:
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        return "L" if any(location.startswith(path) for path in LOGIN_PATHS) else "R"
    return str(response.status_code)


def client_for(world: World, role: str) -> Client:
    client = Client()
    if role != "public":
        client.force_login(world.users[role])
    return client


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, but sessions (logging in writes them) and users' last log-in time."""
    rows = {}
    for model in apps.get_models():
        if model._meta.app_label in {"sessions", "admin"}:
            continue
        rows[model._meta.label] = [
            tuple(sorted((key, value) for key, value in row.items() if key != "last_login"))
            for row in model.objects.order_by("pk").values()
        ]
    return rows


def attempt(world: World, route: Route, role: str) -> tuple[str, bool]:
    """The outcome for `role`, and whether the database changed; every change is rolled back."""
    client = client_for(world, role)
    url = reverse(route.name, kwargs=route.kwargs(world))
    before = snapshot() if route.method == "POST" else None
    with transaction.atomic():
        response = client.post(url, route.data(world)) if route.method == "POST" else client.get(url)
        changed = before is not None and snapshot() != before
        transaction.set_rollback(True)
    # A file download holds its file open until closed. Closing fires request_finished; detached from
    # close_old_connections as the test client does, or PostgreSQL loses the test's connection.
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    return outcome(response), changed


def test_every_route_is_in_the_matrix() -> None:
    covered = {route.name for route in ROUTES}
    missing = sorted(
        name
        for name in named_patterns()
        if name not in covered and not any(name.startswith(prefix) for prefix in EXEMPT_PREFIXES)
    )

    assert missing == [], "add these URL patterns to tests/security/matrix.py (see its docstring)"


def test_matrix_names_only_existing_routes() -> None:
    assert sorted({route.name for route in ROUTES} - set(named_patterns())) == []


@pytest.mark.parametrize("route", ROUTES, ids=[route.id for route in ROUTES])
def test_route_answers_each_role_as_the_matrix_says(route: Route) -> None:
    world = build_world()
    results = {role: attempt(world, route, role) for role in ROLES}

    # Compared as the table's own notation, so that a failure reads like a line of matrix.py.
    assert " ".join(result for result, _changed in results.values()) == " ".join(route.expect.values())
    changed_on_refusal = [
        role for role, (result, changed) in results.items() if changed and result in REFUSALS
    ]
    assert changed_on_refusal == []


def test_admin_is_staff_only() -> None:
    world = build_world()
    from django.contrib import admin

    urls = [reverse("admin:index")] + [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in admin.site._registry
    ]
    for role in ROLES:
        client = client_for(world, role)
        outcomes = {url: outcome(client.get(url)) for url in urls}
        expected = "200" if role == "staff" else "L"
        assert outcomes == dict.fromkeys(urls, expected), role
