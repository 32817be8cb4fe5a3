"""Builds of the demo world that leave nothing behind, so one test can build it twice."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from smexchange.demo.world import WorldSummary, build_world, summarize_world

# Enough organizations for the expo's 500 participants; the full world has 2,000.
SMALL_WORLD = 300


def build_and_summarize(*, seed: int, organizations: int, later_events: int) -> WorldSummary:
    """Build, summarize, and undo the build (a savepoint rolled back), so a test can build twice."""
    with transaction.atomic():
        build_world(seed=seed, organizations=organizations, later_events=later_events)
        summary = summarize_world()
        transaction.set_rollback(True)
    return summary


@pytest.fixture(scope="module")
def small_world(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The expo in full and the first three later events, on a smaller directory.

    Built once per module, inside a transaction rolled back at its end: each test then runs in a
    savepoint of it, so the build costs one test, not all of them.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        build_world(organizations=SMALL_WORLD, later_events=3)
        yield
        transaction.set_rollback(True)
