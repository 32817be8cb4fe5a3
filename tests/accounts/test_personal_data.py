"""A participant downloads everything held about them and deletes their account."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from smexchange.common.models import AuditEntry
from smexchange.directory.models import Person
from smexchange.matchmaking.models import Meeting, MeetingRequest
from smexchange.outcomes.models import Deal
from tests.security.world import PASSWORD, build_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_export_holds_the_participants_data_and_is_audited():
    world = build_world()
    client = Client()
    client.force_login(world.users["participant"])

    response = client.post(reverse("accounts:export_data"))

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("personal-data.json"))
    (person,) = data["people"]
    assert response["Content-Type"] == "application/zip"
    assert (data["account"]["email"], person["email"], person["phone"]) == (
        "participant@matrix.example.org", world.participant.person.email, world.participant.person.phone,
    )  # fmt: skip
    assert [(r["direction"], r["message"]) for r in person["meeting_requests"]] == [
        ("sent", "Pencils?"),
        ("received", ""),  # the other side's words are not the participant's data
    ]
    assert [m["with"] for m in person["meetings"]] == [world.partner.organization.display_name] * 2
    assert (
        AuditEntry.objects.filter(action="personal_data.exported", actor=world.users["participant"]).count()
        == 1
    )


def test_delete_account_keeps_meetings_and_deals_without_personal_details():
    world = build_world()
    person = world.participant.person
    client = Client()
    client.force_login(world.users["participant"])

    response = client.post(reverse("accounts:delete_account"), {"password": PASSWORD})

    person.refresh_from_db()
    assert response.status_code == 302
    assert not get_user_model().objects.filter(email="participant@matrix.example.org").exists()
    assert (person.user, person.given_name, person.email, person.phone, person.bio) == (None, "", "", "", "")
    assert person.family_name == f"Former delegate #{person.pk}"
    # What the other side relies on stays: the meetings, the request (without its text), the deal.
    assert Meeting.objects.filter(a=world.participant).count() == 2
    assert list(
        MeetingRequest.objects.filter(requester=world.participant).values_list("message", flat=True)
    ) == [""]
    assert list(Deal.objects.get().parties.all()) == [
        world.participant.organization,
        world.partner.organization,
    ]
    assert Person.objects.filter(organization=world.participant.organization).count() == 1
    entry = AuditEntry.objects.get(action="personal_data.deleted")
    assert (entry.actor, entry.actor_label, entry.ip_address) == (None, "", None)


def test_delete_account_needs_the_password():
    world = build_world()
    client = Client()
    client.force_login(world.users["participant"])

    response = client.post(reverse("accounts:delete_account"), {"password": "not it"})

    assert response.status_code == 400
    assert get_user_model().objects.filter(pk=world.users["participant"].pk).exists()
