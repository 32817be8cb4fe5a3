"""Contact details (e-mail, phone) stay hidden until a meeting between the two organizations is accepted (TRUST 3).

Every page, list, search, profile page and export of the matrix is fetched as every role.
"""

from __future__ import annotations

import pytest

from smexchange.directory.models import Person
from smexchange.matchmaking.contacts import may_see_contacts
from smexchange.matchmaking.services.groups import disallow_group_pair
from smexchange.matchmaking.services.requests import accept_meeting_request, send_meeting_request
from tests.security.pages import every_page
from tests.security.world import ROLES, build_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _leaks(pages: dict[str, str], person: Person) -> list[str]:
    return sorted(name for name, text in pages.items() if person.email in text or person.phone in text)


def test_contacts_of_someone_without_an_accepted_meeting_appear_nowhere():
    world = build_world()
    hidden = world.other_participant.person
    # A distinct phone number, so that a hit is this person's.
    hidden.phone = "+55 11 5555 0199"
    hidden.save(update_fields=["phone"])

    leaks = {
        role: _leaks(every_page(world, role), hidden)
        for role in ROLES
        if role not in ("other_participant", "staff")  # the person themself, and staff, may see them
    }

    assert leaks == {role: [] for role in leaks}


def test_contacts_appear_to_the_other_side_once_the_meeting_is_accepted():
    world = build_world()
    partner = world.partner.person  # accepted the participant's request in the world
    other_page = "matchmaking:participant /events/event-a/matchmaking/"

    shown_to_participant = _leaks(every_page(world, "participant"), partner)
    before = _leaks(every_page(world, "other_participant"), partner)
    disallow_group_pair(world["rule"].group_a, group_b=world["rule"].group_b)  # everyone may meet again
    accept_meeting_request(
        send_meeting_request(world.other_participant, recipient=world.partner), by=world.partner
    )
    after = _leaks(every_page(world, "other_participant"), partner)

    assert other_page in shown_to_participant
    assert (before, other_page in after) == ([], True)


def test_the_rule_for_each_role():
    world = build_world()
    partner = world.partner.person

    seen = {role: may_see_contacts(world.users.get(role) or _anonymous(), partner) for role in ROLES}

    assert seen == {
        "public": False,
        "participant": True,
        "other_participant": False,
        "organizer": False,
        "other_organizer": False,
        "staff": True,
    }


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
