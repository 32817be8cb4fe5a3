"""Invitations from an event's organizers to an organization's delegates."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from smexchange.accounts.models import Invitation
from smexchange.accounts.services import accept_invitation, invite_delegate
from smexchange.common.exceptions import DomainError
from smexchange.common.models import AuditEntry
from smexchange.directory.models import Person
from smexchange.directory.services import create_organization
from smexchange.events.models import Registration
from tests.security.world import build_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _user(email: str):
    return get_user_model().objects.create_user(username=email, email=email, password="a long password 2009")


def test_organizer_invites_and_the_delegate_accepts_through_the_pages(django_capture_on_commit_callbacks):
    world = build_world()
    organizer = Client()
    organizer.force_login(world.users["organizer"])
    organization = world.partner.organization

    with django_capture_on_commit_callbacks(execute=True):
        organizer.post(
            reverse("accounts:invitations", args=[world.event.slug]),
            {"organization": organization.pk, "email": "Second@Partner.example.org", "role": "entrepreneur"},
        )
    link = re.search(r"http://testserver(/invitations/\S+/)", mail.outbox[-1].body).group(1)
    invitee = Client()
    invitee.force_login(_user("second@partner.example.org"))
    response = invitee.post(link, {"given_name": "Second", "family_name": "Delegate"})

    person = Person.objects.get(user__email="second@partner.example.org")
    assert response.status_code == 302
    assert (person.organization, person.email, person.given_name) == (
        organization, "second@partner.example.org", "Second",
    )  # fmt: skip
    assert Registration.objects.filter(event=world.event, organization=organization).count() == 2
    invitation = Invitation.objects.get(email="second@partner.example.org")
    entries = AuditEntry.objects.filter(object_type="accounts.Invitation", object_id=str(invitation.pk))
    assert list(entries.values_list("action", "actor_label")) == [
        ("invitation.accepted", "second@partner.example.org"),
        ("invitation.sent", "organizer@matrix.example.org"),
    ]


def test_an_invitation_is_used_once():
    world = build_world()
    first, second = _user("a@example.org"), _user("b@example.org")
    accept_invitation(world["invitation"], user=first, given_name="A", family_name="One")

    with pytest.raises(DomainError, match="already been used"):
        accept_invitation(world["invitation"], user=second, given_name="B", family_name="Two")


def test_an_expired_invitation_is_refused():
    world = build_world()

    with pytest.raises(DomainError, match="expired"):
        accept_invitation(
            world["invitation"],
            user=_user("late@example.org"),
            given_name="Late",
            family_name="Comer",
            now=timezone.now() + dt.timedelta(days=15),
        )


def test_an_account_of_another_organizations_delegate_cannot_accept():
    world = build_world()

    with pytest.raises(DomainError, match="already belongs"):
        accept_invitation(world["invitation"], user=world.users["participant"], given_name="", family_name="")


def test_an_organization_not_at_the_event_cannot_be_invited():
    world = build_world()
    elsewhere = create_organization(name="Elsewhere Ltd", kind="sme", country="GB")

    with pytest.raises(DomainError, match="not registered"):
        invite_delegate(world.event, organization=elsewhere, email="x@example.org")


def test_the_invitation_link_holds_a_token_the_database_does_not():
    world = build_world()

    assert world["invitation"].token_hash != world["invitation_token"]
    assert len(world["invitation_token"]) >= 40
