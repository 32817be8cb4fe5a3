"""The load benchmark's parts work at a tiny size (the benchmark itself runs only by `smex bench load`)."""

import pytest
from bench.load import Row, table
from bench.load.seed import PASSWORD, seed_world
from django.test import Client

from smexchange.matchmaking.models import Meeting, MeetingSeat, PartnerRecommendation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_the_seeder_builds_a_consistent_expo_its_delegates_can_use():
    world = seed_world(40, tables=4)

    assert len(world.registrations) == 40
    meetings = Meeting.objects.filter(schedule__event=world.event)
    assert meetings.count() > 0
    # Every meeting has its two seats, and nobody sits twice in one slot (the constraint held).
    assert MeetingSeat.objects.filter(meeting__in=meetings).count() == 2 * meetings.count()
    assert PartnerRecommendation.objects.filter(event=world.event).exists()
    client = Client()
    assert client.login(email=world.emails[0], password=PASSWORD)
    assert client.get(f"/events/{world.event.slug}/matchmaking/").status_code == 200
    assert client.get("/directory/recommended/").status_code == 200


def test_the_results_table_has_a_row_per_endpoint_and_level():
    rows = [Row(20, "event page", 100, 0, 41.0, 120.0, 9.5), Row(50, "event page", 250, 2, 60.0, 310.0, 20.0)]

    assert table(rows).splitlines()[2:] == [
        "| 20 | event page | 100 | 0 | 41 | 120 | 9.5 |",
        "| 50 | event page | 250 | 2 | 60 | 310 | 20.0 |",
    ]
