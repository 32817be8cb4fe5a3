"""The audit log: organizer and staff actions are recorded with who, what, object, when and address."""

import pytest
from django.test import Client
from django.urls import reverse

from smexchange.common.models import AuditEntry
from smexchange.events.services import add_organizer, remove_organizer
from tests.security.world import build_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_publishing_through_the_page_records_who_and_from_where():
    world = build_world()
    client = Client(REMOTE_ADDR="192.0.2.7")
    client.force_login(world.users["organizer"])

    client.post(reverse("matchmaking:publish", args=[world.event.slug, world["draft"].pk]))

    entry = AuditEntry.objects.filter(action="schedule.published").latest("id")
    assert (entry.actor, entry.actor_label, entry.ip_address, entry.event_slug, entry.object_id) == (
        world.users["organizer"], "organizer@matrix.example.org", "192.0.2.7", "event-a", str(world["draft"].pk),
    )  # fmt: skip


def test_behind_a_counted_proxy_the_recorded_address_is_the_clients(settings):
    settings.SMEX_PROXY_COUNT = 1
    world = build_world()
    client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 192.0.2.8")
    client.force_login(world.users["organizer"])

    client.post(reverse("matchmaking:publish", args=[world.event.slug, world["draft"].pk]))

    assert AuditEntry.objects.filter(action="schedule.published").latest("id").ip_address == "192.0.2.8"


def test_organizer_team_changes_are_recorded():
    world = build_world()
    newcomer = world.users["other_participant"]

    add_organizer(world.event, user=newcomer)
    add_organizer(world.event, user=newcomer)  # already on the team: nothing to record
    remove_organizer(world.event, user=newcomer)

    entries = AuditEntry.objects.filter(event_slug="event-a", action__startswith="organizer.").order_by("id")
    assert [(entry.action, entry.details["user"]) for entry in entries] == [
        ("organizer.added", world.users["organizer"].pk),
        ("organizer.added", newcomer.pk),
        ("organizer.removed", newcomer.pk),
    ]


def test_staff_page_filters_by_action_and_event():
    world = build_world()
    client = Client()
    client.force_login(world.users["staff"])

    response = client.get(reverse("accounts:audit_log"), {"action": "organizer.added", "event": "event-b"})

    rows = list(response.context["page"])
    assert [(row.action, row.event_slug) for row in rows] == [("organizer.added", "event-b")]
