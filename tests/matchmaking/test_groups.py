import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from smexchange.common.exceptions import DomainError
from smexchange.events.services import add_organizer
from smexchange.matchmaking import queries
from smexchange.matchmaking.models import (
    MeetingRequest,
    MeetingRule,
    ParticipantGroup,
    ParticipantGroupMember,
    PartnerRecommendation,
)
from smexchange.matchmaking.services.groups import (
    allow_group_pair,
    assign_group_members,
    create_participant_group,
    delete_participant_group,
    disallow_group_pair,
    may_meet,
    set_group_members,
    update_participant_group,
)
from smexchange.matchmaking.services.instances import build_event_instance
from smexchange.matchmaking.services.requests import (
    accept_meeting_request,
    send_meeting_request,
    set_matchmaking_policy,
)
from tests.factories.events import EventFactory
from tests.matchmaking.conftest import accepted, register

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def groups(brokerage):
    """Buyers (people 0, 1), suppliers (2, 3), officials (4); person 5 is in no group; buyers meet suppliers."""
    event, people = brokerage.event, brokerage.people
    buyers = create_participant_group(event, name="Buyers")
    suppliers = create_participant_group(event, name="Suppliers")
    officials = create_participant_group(event, name="Officials")
    set_group_members(buyers, registrations=people[0:2])
    set_group_members(suppliers, registrations=people[2:4])
    set_group_members(officials, registrations=people[4:5])
    allow_group_pair(buyers, group_b=suppliers)
    return buyers, suppliers, officials


def test_may_meet_everyone_when_the_event_has_no_rules(brokerage):
    create_participant_group(brokerage.event, name="Buyers")

    assert may_meet(brokerage.people[0], brokerage.people[1]) is True


def test_may_meet_only_allowed_pairs_of_groups(brokerage, groups):
    p = brokerage.people

    assert [may_meet(p[0], p[2]), may_meet(p[2], p[0]), may_meet(p[0], p[1]), may_meet(p[0], p[4])] == [
        True,
        True,
        False,
        False,
    ]
    assert may_meet(p[5], p[2]) is False


def test_allow_group_pair_is_symmetric_and_stored_once(brokerage, groups):
    buyers, suppliers, _officials = groups

    rule = allow_group_pair(suppliers, group_b=buyers)

    assert MeetingRule.objects.count() == 1
    assert (rule.group_a, rule.group_b) == (buyers, suppliers)


def test_allow_group_pair_across_events_is_refused(brokerage, groups):
    stranger = create_participant_group(EventFactory(), name="Guests")

    with pytest.raises(DomainError, match="same event"):
        allow_group_pair(groups[0], group_b=stranger)


def test_group_with_itself_lets_its_members_meet(brokerage, groups):
    buyers = groups[0]

    allow_group_pair(buyers, group_b=buyers)

    assert may_meet(brokerage.people[0], brokerage.people[1]) is True


def test_disallow_group_pair_removes_the_rule(brokerage, groups):
    buyers, suppliers, officials = groups
    allow_group_pair(officials, group_b=buyers)

    removed = disallow_group_pair(suppliers, group_b=buyers)

    assert removed == 1
    assert may_meet(brokerage.people[0], brokerage.people[2]) is False
    assert may_meet(brokerage.people[0], brokerage.people[4]) is True


def test_send_meeting_request_between_forbidden_groups_is_refused(brokerage, groups):
    buyer, other_buyer = brokerage.people[0:2]

    with pytest.raises(DomainError) as refused:
        send_meeting_request(buyer, recipient=other_buyer)

    assert refused.value.messages == [
        "Organizers of this event do not arrange meetings between Buyers and Buyers."
    ]
    assert MeetingRequest.objects.count() == 0


def test_send_meeting_request_from_participant_without_group_is_refused(brokerage, groups):
    with pytest.raises(DomainError) as refused:
        send_meeting_request(brokerage.people[5], recipient=brokerage.people[2])

    assert refused.value.messages == [
        "Organizers of this event do not arrange meetings between participants without a group and Suppliers."
    ]


def test_send_meeting_request_between_allowed_groups_is_sent(brokerage, groups):
    request = send_meeting_request(brokerage.people[2], recipient=brokerage.people[1])

    assert (request.requester, request.recipient) == (brokerage.people[2], brokerage.people[1])


def test_group_quota_limits_open_requests_of_each_member(brokerage, groups):
    buyers = update_participant_group(groups[0], name="Buyers", request_quota=1)
    buyer, other_buyer = brokerage.people[0:2]
    send_meeting_request(buyer, recipient=brokerage.people[2])

    with pytest.raises(DomainError) as refused:
        send_meeting_request(buyer, recipient=brokerage.people[3])
    other = send_meeting_request(other_buyer, recipient=brokerage.people[3])

    assert refused.value.messages == ["Your group may send at most 1 requests."]
    assert buyers.request_quota == 1
    assert other.requester == other_buyer


def test_event_policy_still_applies_beside_a_group_quota(brokerage, groups):
    update_participant_group(groups[0], name="Buyers", request_quota=5)
    set_matchmaking_policy(
        brokerage.event,
        max_requests_per_participant=1,
        max_meetings_per_participant=None,
        request_expiry_hours=None,
    )
    send_meeting_request(brokerage.people[0], recipient=brokerage.people[2])

    with pytest.raises(DomainError, match="limit of 1 open requests"):
        send_meeting_request(brokerage.people[0], recipient=brokerage.people[3])


def test_meeting_candidates_lists_only_allowed_partners(brokerage, groups):
    p = brokerage.people

    assert set(queries.meeting_candidates(p[0]).values_list("pk", flat=True)) == {p[2].pk, p[3].pk}
    assert set(queries.meeting_candidates(p[2]).values_list("pk", flat=True)) == {p[0].pk, p[1].pk}
    assert list(queries.meeting_candidates(p[4])) == []
    assert list(queries.meeting_candidates(p[5])) == []


def test_meeting_candidates_lists_everyone_without_rules(brokerage):
    p = brokerage.people

    assert set(queries.meeting_candidates(p[0]).values_list("pk", flat=True)) == {r.pk for r in p[1:]}


def test_build_event_instance_leaves_out_requests_the_rules_now_forbid(brokerage, groups):
    officials = groups[2]
    p = brokerage.people
    kept = accepted(p[0], p[2])
    dropped = accepted(p[1], p[3])
    assign_group_members(officials, registrations=[p[3]])

    instance = build_event_instance(brokerage.event)

    assert [m.id for m in instance.instance.meetings] == [f"q{kept.pk}"]
    assert dropped.pk not in {request.pk for request in instance.requests.values()}


def test_assign_group_members_moves_a_participant_out_of_its_other_group(brokerage, groups):
    buyers, suppliers, _officials = groups

    assign_group_members(suppliers, registrations=[brokerage.people[0]])

    assert ParticipantGroupMember.objects.filter(registration=brokerage.people[0]).count() == 1
    assert set(buyers.members.values_list("registration_id", flat=True)) == {brokerage.people[1].pk}
    assert set(suppliers.members.values_list("registration_id", flat=True)) == {
        brokerage.people[0].pk,
        brokerage.people[2].pk,
        brokerage.people[3].pk,
    }


def test_set_group_members_refuses_registrations_of_another_event(brokerage, groups):
    (stranger,) = register(EventFactory(), 1)

    with pytest.raises(DomainError, match="not registered for this event"):
        set_group_members(groups[0], registrations=[stranger])


def test_create_participant_group_with_a_taken_name_is_refused(brokerage, groups):
    with pytest.raises(DomainError, match="already has a participant group called Buyers"):
        create_participant_group(brokerage.event, name=" Buyers ")


def test_delete_participant_group_removes_members_and_rules(brokerage, groups):
    delete_participant_group(groups[0])

    assert (
        ParticipantGroup.objects.count(),
        ParticipantGroupMember.objects.count(),
        MeetingRule.objects.count(),
    ) == (
        2,
        3,
        0,
    )


@pytest.fixture
def organizer(brokerage):
    user = get_user_model().objects.create_user(username="org", email="org@example.org", password="x")
    add_organizer(brokerage.event, user=user)
    return user


def _url(name, brokerage, *args):
    return reverse(f"matchmaking:{name}", args=[brokerage.event.slug, *args])


def test_organizer_page_shows_groups_and_rules(client, brokerage, groups, organizer):
    client.force_login(organizer)

    response = client.get(_url("organizer", brokerage))

    assert response.status_code == 200
    assert [group.name for group in response.context["groups"]] == ["Buyers", "Officials", "Suppliers"]
    assert [str(rule) for rule in response.context["rules"]] == ["Buyers ↔ Suppliers"]
    assert "Participant groups and rules" in response.content.decode()


def test_organizer_page_filters_participants_by_role(client, brokerage, groups, organizer):
    official = brokerage.people[4]
    official.role = "government_official"
    official.save(update_fields=["role"])
    client.force_login(organizer)

    response = client.get(_url("organizer", brokerage), {"role": "government_official"})

    assert list(response.context["members_form"].fields["registrations"].queryset) == [official]


def test_organizer_creates_group_puts_members_and_allows_a_pair(client, brokerage, organizer):
    client.force_login(organizer)
    p = brokerage.people

    client.post(_url("create_group", brokerage), {"name": "Buyers", "request_quota": "3"})
    client.post(_url("create_group", brokerage), {"name": "Suppliers", "request_quota": ""})
    buyers, suppliers = ParticipantGroup.objects.order_by("name")
    client.post(_url("assign_members", brokerage), {"group": buyers.pk, "registrations": [p[0].pk, p[1].pk]})
    client.post(_url("assign_members", brokerage), {"group": suppliers.pk, "registrations": [p[2].pk]})
    response = client.post(_url("allow_pair", brokerage), {"group_a": suppliers.pk, "group_b": buyers.pk})

    assert response.status_code == 302
    assert [(g.name, g.request_quota) for g in ParticipantGroup.objects.order_by("name")] == [
        ("Buyers", 3),
        ("Suppliers", None),
    ]
    assert set(buyers.members.values_list("registration_id", flat=True)) == {p[0].pk, p[1].pk}
    assert list(MeetingRule.objects.values_list("group_a__name", "group_b__name")) == [
        ("Buyers", "Suppliers")
    ]
    assert may_meet(p[0], p[2]) is True
    assert may_meet(p[0], p[3]) is False


def test_organizer_removes_a_rule_and_deletes_a_group(client, brokerage, groups, organizer):
    client.force_login(organizer)
    rule = MeetingRule.objects.get()

    client.post(_url("remove_rule", brokerage, rule.pk))
    client.post(_url("delete_group", brokerage, groups[2].pk))

    assert MeetingRule.objects.count() == 0
    assert sorted(ParticipantGroup.objects.values_list("name", flat=True)) == ["Buyers", "Suppliers"]


def test_organizer_duplicate_group_name_becomes_a_message(client, brokerage, groups, organizer):
    client.force_login(organizer)

    response = client.post(_url("create_group", brokerage), {"name": "Buyers"}, follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "This event already has a participant group called Buyers."
    ]
    assert ParticipantGroup.objects.count() == 3


def test_group_pages_are_404_for_another_events_organizer(client, brokerage, groups):
    other = get_user_model().objects.create_user(username="other", email="other@example.org", password="x")
    add_organizer(EventFactory(), user=other)
    client.force_login(other)
    rule = MeetingRule.objects.get()

    statuses = [
        client.get(_url("organizer", brokerage)).status_code,
        client.post(_url("create_group", brokerage), {"name": "Press"}).status_code,
        client.post(_url("delete_group", brokerage, groups[0].pk)).status_code,
        client.post(
            _url("assign_members", brokerage),
            {"group": groups[0].pk, "registrations": [brokerage.people[5].pk]},
        ).status_code,
        client.post(
            _url("allow_pair", brokerage), {"group_a": groups[0].pk, "group_b": groups[2].pk}
        ).status_code,
        client.post(_url("remove_rule", brokerage, rule.pk)).status_code,
    ]

    assert statuses == [404, 404, 404, 404, 404, 404]
    assert (ParticipantGroup.objects.count(), MeetingRule.objects.count()) == (3, 1)


def test_organizer_cannot_touch_another_events_group(client, brokerage, organizer):
    foreign = create_participant_group(EventFactory(), name="Guests")
    client.force_login(organizer)

    response = client.post(_url("delete_group", brokerage, foreign.pk))

    assert response.status_code == 404
    assert ParticipantGroup.objects.filter(pk=foreign.pk).exists() is True


def test_organizer_page_query_count_does_not_grow_with_groups(client, brokerage, organizer):
    client.force_login(organizer)
    people = brokerage.people

    def make(index):
        group = create_participant_group(brokerage.event, name=f"Group {index}")
        set_group_members(group, registrations=[people[index]])
        allow_group_pair(group, group_b=group)

    make(0)
    with CaptureQueriesContext(connection) as with_one:
        assert client.get(_url("organizer", brokerage)).status_code == 200
    make(1)
    make(2)
    with CaptureQueriesContext(connection) as with_three:
        assert client.get(_url("organizer", brokerage)).status_code == 200

    assert len(with_three.captured_queries) == len(with_one.captured_queries)


def test_participant_recommendations_leave_out_partners_the_rules_forbid(client, brokerage, groups):
    buyer, supplier, official = brokerage.people[0], brokerage.people[2], brokerage.people[4]
    for rank, partner in enumerate([official, supplier], start=1):
        PartnerRecommendation.objects.create(
            organization=buyer.organization,
            partner=partner.organization,
            event=brokerage.event,
            rank=rank,
            score=0.5,
        )
    user = get_user_model().objects.create_user(username="buyer", email="buyer@example.org", password="x")
    buyer.person.user = user
    buyer.person.save(update_fields=["user"])
    client.force_login(user)

    response = client.get(_url("participant", brokerage))

    assert [registration for registration, _item in response.context["recommended"]] == [supplier]


def test_accept_meeting_request_the_rules_now_forbid_is_refused(brokerage, groups):
    buyer, supplier = brokerage.people[0], brokerage.people[2]
    request = send_meeting_request(buyer, recipient=supplier)
    disallow_group_pair(groups[0], group_b=groups[1])
    allow_group_pair(groups[2], group_b=groups[2])

    with pytest.raises(DomainError) as refused:
        accept_meeting_request(request, by=supplier)

    assert refused.value.messages == [
        "Organizers of this event do not arrange meetings between Buyers and Suppliers."
    ]
    request.refresh_from_db()
    assert request.status == "pending"
