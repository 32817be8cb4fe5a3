"""The API's querysets agree with the rules the web pages check object by object."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from smexchange.api import access
from smexchange.directory.queries import filter_opportunities
from smexchange.events.models import Event
from smexchange.outcomes.models import Deal
from tests.api.conftest import user_of

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _users(world):
    participants = [user_of(r) for r in (world.alice, world.bob, world.carol, world.dave, world.erin)]
    return [
        AnonymousUser(),
        world.organizer,
        world.other_organizer,
        world.staff,
        world.stranger,
        *participants,
    ]


def test_organized_events_is_the_organize_event_rule(world):
    for user in _users(world):
        expected = {
            event.pk for event in Event.objects.all() if user.has_perm("events.organize_event", event)
        }
        assert set(access.organized_events(user).values_list("pk", flat=True)) == expected, user


def test_visible_deals_is_the_access_deal_rule(world):
    for user in _users(world):
        expected = {deal.pk for deal in Deal.objects.all() if user.has_perm("outcomes.access_deal", deal)}
        assert set(access.visible_deals(user).values_list("pk", flat=True)) == expected, user


def test_visible_published_profiles_are_the_directorys(world):
    world.published_profile.visibility = "participants"
    world.published_profile.save(update_fields=["visibility"])
    for user in _users(world):
        shown = set(filter_opportunities({}, viewer=user).values_list("pk", flat=True))
        api = set(access.visible_profiles(user).filter(status="published").values_list("pk", flat=True))
        assert api == shown, user
