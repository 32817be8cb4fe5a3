"""Profile visibility settings: public, registered users, participants of the same events."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from smexchange.directory.enums import ProfileVisibility
from smexchange.directory.services import add_person, create_organization
from smexchange.matchmaking.models import PartnerRecommendation
from tests.security.world import ROLES, build_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _sees(world, role: str) -> dict[str, bool]:
    client = Client()
    if role != "public":
        client.force_login(world.users[role])
    title = world["profile"].title
    organization = reverse("web:organization_detail", args=[world["organization"].slug])
    return {
        "organization page": title in client.get(organization).content.decode(),
        "opportunities": title in client.get(reverse("web:opportunity_list")).content.decode(),
    }


@pytest.mark.parametrize(
    ("visibility", "seen_by"),
    [
        (ProfileVisibility.PUBLIC, set(ROLES)),
        (ProfileVisibility.REGISTERED, set(ROLES) - {"public"}),
        (ProfileVisibility.PARTICIPANTS, {"participant", "other_participant", "staff"}),
    ],
)
def test_directory_and_opportunities_respect_the_setting(visibility, seen_by):
    world = build_world()
    world["profile"].visibility = visibility
    world["profile"].save(update_fields=["visibility"])

    seen = {role: _sees(world, role) for role in ROLES}

    assert seen == {
        role: dict.fromkeys(["organization page", "opportunities"], role in seen_by) for role in ROLES
    }


def _recommended_to(world, organization, user) -> list:
    PartnerRecommendation.objects.create(
        organization=organization, partner=world["organization"], rank=1, score=0.9
    )
    client = Client()
    client.force_login(user)
    return [item.partner for item in client.get(reverse("web:recommended")).context["recommendations"]]


def test_recommendations_leave_out_partners_whose_profiles_the_reader_may_not_see():
    world = build_world()
    world["profile"].visibility = ProfileVisibility.PARTICIPANTS
    world["profile"].save(update_fields=["visibility"])
    loner_org = create_organization(name="Lone Pens Ltd", kind="sme", country="GB")
    loner = add_person(loner_org, given_name="Lone", family_name="Delegate")
    loner.user = get_user_model().objects.create_user(
        username="loner", email="loner@example.org", password="x"
    )
    loner.save(update_fields=["user"])

    shared_event = _recommended_to(
        world, world.other_participant.organization, world.users["other_participant"]
    )
    no_shared_event = _recommended_to(world, loner_org, loner.user)

    assert (shared_event, no_shared_event) == ([world["organization"]], [])
