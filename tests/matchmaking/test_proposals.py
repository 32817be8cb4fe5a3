"""Organizers propose recommended meetings to participants with few requests; the graph shows who asked whom."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from smexchange.events.services import add_organizer
from smexchange.matchmaking.enums import PreferenceKind, RequestOrigin, RequestStatus
from smexchange.matchmaking.models import MeetingRequest, PartnerRecommendation
from smexchange.matchmaking.queries import request_graph
from smexchange.matchmaking.services.groups import (
    allow_group_pair,
    assign_group_members,
    create_participant_group,
)
from smexchange.matchmaking.services.instances import build_event_instance
from smexchange.matchmaking.services.proposals import propose_recommended_meetings
from smexchange.matchmaking.services.requests import (
    accept_meeting_request,
    send_meeting_request,
    set_partner_preference,
)
from tests.matchmaking.conftest import accepted

pytestmark = pytest.mark.django_db


def _recommend(event, organization, *partners):
    for rank, partner in enumerate(partners, start=1):
        PartnerRecommendation.objects.create(
            organization=organization, partner=partner, event=event, rank=rank, score=1 - rank / 10
        )


def test_each_participant_with_few_requests_gets_recommended_proposals(brokerage):
    a, b, c, d, e, f = brokerage.people
    _recommend(brokerage.event, a.organization, b.organization, c.organization, d.organization)
    _recommend(brokerage.event, e.organization, f.organization)

    proposed = propose_recommended_meetings(brokerage.event, per_participant=2)

    rows = MeetingRequest.objects.filter(origin=RequestOrigin.ORGANIZER)
    assert proposed == rows.count() == 3
    assert set(rows.values_list("requester_id", "recipient_id")) == {(a.pk, b.pk), (a.pk, c.pk), (e.pk, f.pk)}
    assert set(rows.values_list("status", flat=True)) == {RequestStatus.PENDING}


def test_proposals_respect_no_thanks_and_existing_conversations(brokerage):
    a, b, c, d, e, _f = brokerage.people
    _recommend(
        brokerage.event, a.organization, b.organization, c.organization, d.organization, e.organization
    )
    set_partner_preference(b, other=a, kind=PreferenceKind.NO_THANKS)  # b does not want a
    send_meeting_request(c, recipient=a)  # a conversation with c's organization is already open

    propose_recommended_meetings(brokerage.event, per_participant=3)

    proposed = MeetingRequest.objects.filter(origin=RequestOrigin.ORGANIZER, requester=a)
    assert set(proposed.values_list("recipient_id", flat=True)) == {d.pk, e.pk}


def test_proposals_follow_who_may_meet_whom(brokerage):
    a, b, _c, d, e, _f = brokerage.people
    buyers = create_participant_group(brokerage.event, name="Buyers")
    sellers = create_participant_group(brokerage.event, name="Sellers")
    assign_group_members(buyers, registrations=[a, e])
    assign_group_members(sellers, registrations=[d])
    allow_group_pair(buyers, group_b=sellers)
    _recommend(brokerage.event, a.organization, b.organization, e.organization, d.organization)

    propose_recommended_meetings(brokerage.event, per_participant=3)

    proposed = MeetingRequest.objects.filter(origin=RequestOrigin.ORGANIZER, requester=a)
    assert list(proposed.values_list("recipient_id", flat=True)) == [d.pk]


def test_participants_with_enough_requests_get_none(brokerage):
    a, b, c, d, *_ = brokerage.people
    for other in (b, c, d):
        send_meeting_request(a, recipient=other)
    _recommend(brokerage.event, a.organization, brokerage.people[4].organization)

    assert propose_recommended_meetings(brokerage.event, below=3) == 0


def test_an_accepted_proposal_is_scheduled_after_what_people_asked_for(brokerage):
    a, b, c, *_ = brokerage.people
    _recommend(brokerage.event, a.organization, b.organization)
    propose_recommended_meetings(brokerage.event, per_participant=1)
    proposal = MeetingRequest.objects.get(origin=RequestOrigin.ORGANIZER)
    accept_meeting_request(proposal, by=b)
    asked = accepted(c, a)

    weights = build_event_instance(brokerage.event).weights

    assert weights[f"q{proposal.pk}"] == 1
    assert weights[f"q{asked.pk}"] == 2


def test_the_request_graph_counts_the_most_requested_and_the_forgotten(brokerage):
    a, b, c, d, e, f = brokerage.people
    send_meeting_request(a, recipient=b)
    send_meeting_request(c, recipient=b)
    accepted(d, c)

    graph = request_graph(brokerage.event)

    assert dict(graph.by_status) == {"Pending": 2, "Accepted": 1}
    assert [(row.pk, row.received) for row in graph.most_requested] == [(b.pk, 2), (c.pk, 1)]
    assert {row.pk for row in graph.without_requests} == {e.pk, f.pk}


def test_only_the_events_organizers_see_the_graph_and_propose(client, brokerage):
    url = reverse("matchmaking:request_graph", args=[brokerage.event.slug])
    propose = reverse("matchmaking:propose_meetings", args=[brokerage.event.slug])
    organizer = get_user_model().objects.create_user(username="org", email="org@example.org", password="x")
    outsider = get_user_model().objects.create_user(username="out", email="out@example.org", password="x")
    add_organizer(brokerage.event, user=organizer)
    _recommend(brokerage.event, brokerage.people[0].organization, brokerage.people[1].organization)

    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.post(propose).status_code == 404
    assert not MeetingRequest.objects.exists()

    client.force_login(organizer)
    page = client.get(url)
    assert page.status_code == 200
    assert "Propose recommended meetings" in page.content.decode()
    client.post(propose)
    assert MeetingRequest.objects.filter(origin=RequestOrigin.ORGANIZER).count() == 1
