"""Organizer teams: taking someone off a team denies their very next request (TRUST 4)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smexchange.events.services import remove_organizer
from tests.security.world import build_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_organizer_removed_from_the_team_is_refused_on_the_next_request() -> None:
    world = build_world()
    client = Client()
    client.force_login(world.users["organizer"])
    url = reverse("matchmaking:organizer", args=[world.event.slug])
    first = client.get(url).status_code

    remove_organizer(world.event, user=world.users["organizer"])
    second = client.get(url).status_code

    assert (first, second) == (200, 404)


def test_removed_organizer_cannot_publish() -> None:
    world = build_world()
    client = Client()
    client.force_login(world.users["organizer"])
    remove_organizer(world.event, user=world.users["organizer"])

    response = client.post(reverse("matchmaking:publish", args=[world.event.slug, world["draft"].pk]))

    world["draft"].refresh_from_db()
    assert (response.status_code, world["draft"].status) == (404, "draft")
