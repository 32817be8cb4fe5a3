"""Lists show exactly the reader's own rows, with other participants and events seeded (TRUST 2)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smexchange.matchmaking.services.groups import disallow_group_pair
from smexchange.matchmaking.services.requests import send_meeting_request
from tests.security.world import _delegate, build_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_a_participant_sees_exactly_their_own_requests_and_meetings():
    world = build_world()
    # Noise: a request between two others of event A, and one at event B.
    disallow_group_pair(world["rule"].group_a, group_b=world["rule"].group_b)  # everyone may meet again
    send_meeting_request(world.other_participant, recipient=_delegate(world.event, "Ivo", country="DE"))
    b1, b2 = (
        _delegate(world.other_event, "Bo", country="FR"),
        _delegate(world.other_event, "Cy", country="IT"),
    )
    send_meeting_request(b1, recipient=b2)
    client = Client()
    client.force_login(world.users["participant"])

    context = client.get(reverse("matchmaking:participant", args=[world.event.slug])).context

    assert [r.pk for r in context["sent"]] == [world["request"].pk]
    assert [r.pk for r in context["received"]] == [world["pending_request"].pk]
    assert sorted(m.pk for m in context["agenda"]) == [world["meeting"].pk]


def test_an_organizer_lists_only_their_events_requests():
    world = build_world()
    b1, b2 = (
        _delegate(world.other_event, "Bo", country="FR"),
        _delegate(world.other_event, "Cy", country="IT"),
    )
    send_meeting_request(b1, recipient=b2)
    client = Client()
    client.force_login(world.users["organizer"])

    page = client.get(reverse("matchmaking:request_graph", args=[world.event.slug])).context["page"]

    assert sorted(r.pk for r in page) == sorted([world["request"].pk, world["pending_request"].pk])
