"""Request quotas under concurrent submissions (PostgreSQL): never more open requests than the quota."""

import pytest

from smexchange.matchmaking.models import MeetingRequest
from smexchange.matchmaking.services.groups import assign_group_members, create_participant_group
from smexchange.matchmaking.services.requests import send_meeting_request, set_matchmaking_policy
from tests.matchmaking.conftest import register
from tests.matchmaking.test_concurrency import ATTEMPTS, _race

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("round_number", range(3))
def test_a_group_quota_holds_when_requests_are_sent_at_once(brokerage, round_number):
    sender = brokerage.people[0]
    group = create_participant_group(brokerage.event, name=f"Buyers {round_number}", request_quota=2)
    assign_group_members(group, registrations=[sender])
    recipients = register(brokerage.event, ATTEMPTS)

    outcomes = _race(lambda i: send_meeting_request(sender, recipient=recipients[i]))

    assert sorted(outcomes) == ["ok", "ok"] + ["refused"] * (ATTEMPTS - 2)
    assert MeetingRequest.objects.filter(requester=sender).count() == 2


def test_the_events_request_limit_holds_when_requests_are_sent_at_once(brokerage):
    sender = brokerage.people[0]
    set_matchmaking_policy(
        brokerage.event,
        max_requests_per_participant=3,
        max_meetings_per_participant=None,
        request_expiry_hours=None,
    )
    recipients = register(brokerage.event, ATTEMPTS)

    outcomes = _race(lambda i: send_meeting_request(sender, recipient=recipients[i]))

    assert outcomes.count("ok") == 3
    assert MeetingRequest.objects.filter(requester=sender).count() == 3
