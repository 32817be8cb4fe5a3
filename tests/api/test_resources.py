"""Each resource as each role: exactly the rows the web shows them, 404 for anything else."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.api.conftest import client_for, user_of

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _ids(response, key: str = "id") -> list:
    assert response.status_code == 200, response.content
    return [row[key] for row in response.json()["results"]]


# Events and programme


def test_events_public_sees_published_only(world):
    assert _ids(APIClient().get("/api/v1/events/"), "slug") == ["other", "expo"]


def test_events_organizer_also_sees_own_unpublished_event(world):
    assert _ids(client_for(world.other_organizer).get("/api/v1/events/"), "slug") == [
        "hidden",
        "other",
        "expo",
    ]
    assert _ids(client_for(world.organizer).get("/api/v1/events/"), "slug") == ["other", "expo"]


def test_unpublished_event_is_404_for_everyone_but_its_organizers(world):
    url = "/api/v1/events/hidden/"

    assert APIClient().get(url).status_code == 404
    assert client_for(world.organizer).get(url).status_code == 404
    assert client_for(user_of(world.alice)).get(url).status_code == 404
    assert client_for(world.other_organizer).get(url).status_code == 200
    assert client_for(world.staff).get(url).status_code == 200


def test_events_filter_by_country_kind_and_year(world):
    assert _ids(APIClient().get("/api/v1/events/", {"year": 2009}), "slug") == ["expo"]
    assert _ids(APIClient().get("/api/v1/events/", {"country": "US"}), "slug") == []
    assert _ids(APIClient().get("/api/v1/events/", {"kind": "expo", "country": "CN"}), "slug") == [
        "other",
        "expo",
    ]


def test_programme_of_unpublished_event_is_hidden(world):
    public = APIClient().get("/api/v1/programme-items/").json()["results"]
    organizer = client_for(world.other_organizer).get("/api/v1/programme-items/", {"event": "hidden"})

    assert sorted(row["event"] for row in public) == ["expo", "other"]
    assert [row["event"] for row in organizer.json()["results"]] == ["hidden"]


# Directory


def test_profiles_public_sees_published_only(world):
    assert _ids(APIClient().get("/api/v1/profiles/")) == [world.published_profile.pk]
    assert APIClient().get(f"/api/v1/profiles/{world.draft_profile.pk}/").status_code == 404


def test_profiles_delegate_also_sees_own_drafts(world):
    client = client_for(user_of(world.alice))

    assert sorted(_ids(client.get("/api/v1/profiles/"))) == sorted(
        [world.published_profile.pk, world.draft_profile.pk]
    )
    assert _ids(client.get("/api/v1/profiles/", {"status": "draft"})) == [world.draft_profile.pk]
    assert (
        client_for(user_of(world.bob)).get(f"/api/v1/profiles/{world.draft_profile.pk}/").status_code == 404
    )


def test_profiles_filters(world):
    client = APIClient()

    assert _ids(client.get("/api/v1/profiles/", {"cooperation_type": "distribution", "sector": "C"})) == [
        world.published_profile.pk
    ]
    assert _ids(client.get("/api/v1/profiles/", {"cooperation_type": "licensing"})) == []
    assert _ids(client.get("/api/v1/profiles/", {"country": "US"})) == []


def test_organizations_filters_and_no_contact_data(world):
    response = APIClient().get("/api/v1/organizations/", {"country": "US", "sector": "C32"})

    assert _ids(response, "slug") == [world.bob.organization.slug]
    assert "example.org" not in response.content.decode()
    assert "+86" not in response.content.decode()


def test_bad_filter_value_is_a_400_naming_the_field(world):
    response = APIClient().get("/api/v1/organizations/", {"country": "XX"})

    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["country"]


# Registrations


def test_registrations_participant_sees_self_and_possible_partners_of_the_event(world):
    ids = _ids(client_for(user_of(world.alice)).get("/api/v1/registrations/"))

    assert sorted(ids) == sorted([world.alice.pk, world.bob.pk, world.carol.pk])


def test_registrations_of_another_event_are_404_for_a_participant(world):
    client = client_for(user_of(world.alice))

    assert client.get(f"/api/v1/registrations/{world.dave.pk}/").status_code == 404


def test_registrations_organizer_sees_own_event_only(world):
    client = client_for(world.organizer)

    assert sorted(_ids(client.get("/api/v1/registrations/"))) == sorted(
        [world.alice.pk, world.bob.pk, world.carol.pk]
    )
    assert client.get(f"/api/v1/registrations/{world.dave.pk}/").status_code == 404


def test_registrations_stranger_sees_none(world):
    assert _ids(client_for(world.stranger).get("/api/v1/registrations/")) == []


def test_registrations_carry_no_contact_data(world):
    response = client_for(world.organizer).get("/api/v1/registrations/")

    assert "example.org" not in response.content.decode()
    assert "+86" not in response.content.decode()


# Meeting requests


def test_requests_participant_sees_exactly_own(world):
    assert sorted(_ids(client_for(user_of(world.bob)).get("/api/v1/meeting-requests/"))) == sorted(
        [world.pending.pk, world.accepted.pk]
    )
    assert _ids(client_for(user_of(world.alice)).get("/api/v1/meeting-requests/")) == [world.pending.pk]


def test_requests_of_others_are_404(world):
    alice = client_for(user_of(world.alice))

    assert alice.get(f"/api/v1/meeting-requests/{world.accepted.pk}/").status_code == 404
    assert alice.get(f"/api/v1/meeting-requests/{world.foreign.pk}/").status_code == 404
    assert alice.post(f"/api/v1/meeting-requests/{world.accepted.pk}/withdraw/").status_code == 404


def test_requests_organizer_sees_own_event_only(world):
    client = client_for(world.organizer)

    assert sorted(_ids(client.get("/api/v1/meeting-requests/"))) == sorted(
        [world.pending.pk, world.accepted.pk]
    )
    assert client.get(f"/api/v1/meeting-requests/{world.foreign.pk}/").status_code == 404


def test_requests_filter_by_status_and_event(world):
    client = client_for(world.staff)

    assert _ids(client.get("/api/v1/meeting-requests/", {"status": "pending"})) == [world.pending.pk]
    assert _ids(client.get("/api/v1/meeting-requests/", {"event": "other"})) == [world.foreign.pk]


def test_send_request_creates_it_through_the_service(world):
    client = client_for(user_of(world.carol))

    response = client.post(
        "/api/v1/meeting-requests/",
        {"event": "expo", "recipient": world.alice.pk, "message": "Hi"},
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["requester"]["id"], body["recipient"]["id"], body["status"], body["message"]) == (
        world.carol.pk,
        world.alice.pk,
        "pending",
        "Hi",
    )


def test_send_request_twice_is_a_409_from_the_rule(world):
    client = client_for(user_of(world.alice))

    response = client.post(
        "/api/v1/meeting-requests/", {"event": "expo", "recipient": world.bob.pk}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "refused"


def test_send_request_to_another_events_participant_is_a_400(world):
    client = client_for(user_of(world.alice))

    response = client.post(
        "/api/v1/meeting-requests/", {"event": "expo", "recipient": world.dave.pk}, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["recipient"]


def test_send_request_for_an_event_one_is_not_registered_for_is_a_400(world):
    response = client_for(world.organizer).post(
        "/api/v1/meeting-requests/", {"event": "expo", "recipient": world.bob.pk}, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["event"]


def test_accept_and_decline_by_the_recipient(world):
    bob = client_for(user_of(world.bob))

    accepted = bob.post(f"/api/v1/meeting-requests/{world.pending.pk}/accept/")
    again = bob.post(f"/api/v1/meeting-requests/{world.pending.pk}/decline/")

    assert accepted.status_code == 200
    assert accepted.json()["status"] == "accepted"
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "conflict"  # answered already: the service's ConflictError


def test_requester_cannot_accept_own_request(world):
    response = client_for(user_of(world.alice)).post(f"/api/v1/meeting-requests/{world.pending.pk}/accept/")

    assert response.status_code == 409
    world.pending.refresh_from_db()
    assert world.pending.status == "pending"


def test_withdraw_by_the_requester(world):
    response = client_for(user_of(world.alice)).post(f"/api/v1/meeting-requests/{world.pending.pk}/withdraw/")

    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"


def test_organizer_sees_but_cannot_answer_a_request(world):
    response = client_for(world.organizer).post(f"/api/v1/meeting-requests/{world.pending.pk}/accept/")

    assert response.status_code == 403
    world.pending.refresh_from_db()
    assert world.pending.status == "pending"


# Meetings


def test_meetings_participants_see_own_only(world):
    assert _ids(client_for(user_of(world.bob)).get("/api/v1/meetings/")) == [world.meeting.pk]
    assert _ids(client_for(user_of(world.alice)).get("/api/v1/meetings/")) == []
    assert client_for(user_of(world.alice)).get(f"/api/v1/meetings/{world.meeting.pk}/").status_code == 404


def test_meetings_organizer_sees_own_event_only(world):
    client = client_for(world.organizer)

    assert _ids(client.get("/api/v1/meetings/")) == [world.meeting.pk]
    assert client.get(f"/api/v1/meetings/{world.foreign_meeting.pk}/").status_code == 404


def test_meeting_shows_slot_and_location(world):
    body = client_for(user_of(world.carol)).get(f"/api/v1/meetings/{world.meeting.pk}/").json()

    assert body["location"]["kind"] == "table"
    assert (body["a"]["id"], body["b"]["id"], body["event"]) == (world.carol.pk, world.bob.pk, "expo")


# Deals


def test_deals_parties_see_their_deal_only(world):
    assert _ids(client_for(user_of(world.carol)).get("/api/v1/deals/")) == [world.deal.pk]
    assert _ids(client_for(user_of(world.alice)).get("/api/v1/deals/")) == []
    assert client_for(user_of(world.alice)).get(f"/api/v1/deals/{world.deal.pk}/").status_code == 404
    assert client_for(user_of(world.dave)).get(f"/api/v1/deals/{world.deal.pk}/").status_code == 404


def test_deals_organizer_sees_own_event_only(world):
    client = client_for(world.organizer)

    assert _ids(client.get("/api/v1/deals/")) == [world.deal.pk]
    assert client.get(f"/api/v1/deals/{world.foreign_deal.pk}/").status_code == 404
    assert sorted(_ids(client_for(world.staff).get("/api/v1/deals/"))) == sorted(
        [world.deal.pk, world.foreign_deal.pk]
    )


def test_deal_shows_value_parties_and_no_document(world):
    body = client_for(user_of(world.bob)).get(f"/api/v1/deals/{world.deal.pk}/").json()

    assert (body["value"], body["currency"], body["sector"], body["stage"]) == (
        "120000.00",
        "EUR",
        "C32",
        "prospective",
    )
    assert sorted(party["slug"] for party in body["parties"]) == sorted(
        [world.carol.organization.slug, world.bob.organization.slug]
    )
    assert "document" not in body


def test_deals_filters(world):
    client = client_for(world.staff)

    assert _ids(client.get("/api/v1/deals/", {"event": "other"})) == [world.foreign_deal.pk]
    assert _ids(client.get("/api/v1/deals/", {"sector": "C"})) == [world.deal.pk]
    assert _ids(client.get("/api/v1/deals/", {"country": "IT"})) == [world.foreign_deal.pk]
    assert _ids(client.get("/api/v1/deals/", {"cooperation_type": "supplier", "stage": "prospective"})) == [
        world.foreign_deal.pk
    ]


# Contact details (TRUST.md 3): only through the contact rule, after an accepted meeting request


def _contacts(body: dict) -> dict[int, object]:
    return {
        body["requester"]["id"]: body["requester"]["person"]["contact"],
        body["recipient"]["id"]: body["recipient"]["person"]["contact"],
    }


def test_contact_details_appear_once_a_request_is_accepted(world):
    alice, bob = client_for(user_of(world.alice)), client_for(user_of(world.bob))
    url = f"/api/v1/meeting-requests/{world.pending.pk}/"

    before = _contacts(alice.get(url).json())
    bob.post(url + "accept/")
    after = _contacts(alice.get(url).json())

    assert before == {
        world.alice.pk: {"email": "alice@example.org", "phone": "+86 21 5555 0000"},
        world.bob.pk: None,
    }
    assert after[world.bob.pk] == {"email": "bob@example.org", "phone": "+86 21 5555 0000"}


def test_contact_details_of_an_accepted_partner_in_meetings_and_registrations(world):
    carol = client_for(user_of(world.carol))

    meeting = carol.get(f"/api/v1/meetings/{world.meeting.pk}/").json()
    registrations = {
        row["id"]: row["person"]["contact"] for row in carol.get("/api/v1/registrations/").json()["results"]
    }

    assert meeting["b"]["person"]["contact"] == {"email": "bob@example.org", "phone": "+86 21 5555 0000"}
    assert registrations[world.bob.pk] == {"email": "bob@example.org", "phone": "+86 21 5555 0000"}
    assert registrations[world.alice.pk] is None


def test_organizers_get_no_contact_details(world):
    body = client_for(world.organizer).get("/api/v1/meeting-requests/").json()

    assert {
        side["person"]["contact"] is None
        for row in body["results"]
        for side in (row["requester"], row["recipient"])
    } == {True}


def test_public_profile_visibility_setting_is_honoured(world):
    world.published_profile.visibility = "registered"
    world.published_profile.save(update_fields=["visibility"])

    assert _ids(APIClient().get("/api/v1/profiles/")) == []
    assert _ids(client_for(world.stranger).get("/api/v1/profiles/")) == [world.published_profile.pk]
