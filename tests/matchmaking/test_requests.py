import datetime as dt

import pytest
from django.utils import timezone

from smexchange.common.exceptions import DomainError
from smexchange.events.enums import RegistrationStatus
from smexchange.matchmaking.enums import RequestStatus
from smexchange.matchmaking.models import MeetingRequest
from smexchange.matchmaking.services.requests import (
    accept_meeting_request,
    decline_meeting_request,
    expire_meeting_requests,
    send_meeting_request,
    set_matchmaking_policy,
    set_unavailable_slots,
    withdraw_meeting_request,
)
from tests.factories.events import EventFactory, RegistrationFactory, TimeSlotFactory
from tests.matchmaking.conftest import register

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_send_meeting_request_creates_pending_request(brokerage):
    alice, bob = brokerage.people[:2]

    request = send_meeting_request(alice, recipient=bob, message="Let us talk about stationery.")

    assert (request.status, request.requester, request.recipient) == (RequestStatus.PENDING, alice, bob)


def test_send_meeting_request_twice_is_refused(brokerage):
    alice, bob = brokerage.people[:2]
    send_meeting_request(alice, recipient=bob)

    with pytest.raises(DomainError, match="already asked"):
        send_meeting_request(alice, recipient=bob)
    assert MeetingRequest.objects.count() == 1


def test_send_meeting_request_across_events_is_refused(brokerage):
    other_event = EventFactory()
    (stranger,) = register(other_event, 1)

    with pytest.raises(DomainError, match="same event"):
        send_meeting_request(brokerage.people[0], recipient=stranger)


def test_send_meeting_request_to_unconfirmed_participant_is_refused(brokerage):
    pending = RegistrationFactory(event=brokerage.event, status=RegistrationStatus.PENDING)

    with pytest.raises(DomainError, match="not a confirmed participant"):
        send_meeting_request(brokerage.people[0], recipient=pending)


def test_accept_only_by_recipient_and_only_once(brokerage):
    alice, bob = brokerage.people[:2]
    request = send_meeting_request(alice, recipient=bob)

    with pytest.raises(DomainError, match="Only the recipient"):
        accept_meeting_request(request, by=alice)
    accept_meeting_request(request, by=bob)
    with pytest.raises(DomainError, match="no longer be accepted"):
        accept_meeting_request(request, by=bob)
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED
    assert request.responded_at is not None


def test_decline_then_withdraw_is_refused(brokerage):
    alice, bob = brokerage.people[:2]
    request = send_meeting_request(alice, recipient=bob)
    decline_meeting_request(request, by=bob)

    with pytest.raises(DomainError, match="no longer be withdrawn"):
        withdraw_meeting_request(request, by=alice)


def test_withdraw_accepted_request_frees_the_pair_for_a_new_request(brokerage):
    alice, bob = brokerage.people[:2]
    request = send_meeting_request(alice, recipient=bob)
    accept_meeting_request(request, by=bob)

    withdraw_meeting_request(request, by=alice)
    again = send_meeting_request(alice, recipient=bob)

    assert list(MeetingRequest.objects.order_by("id").values_list("status", flat=True)) == [
        "withdrawn",
        "pending",
    ]
    assert again.pk != request.pk


def test_expire_meeting_requests_only_past_pending(brokerage):
    alice, bob, carol = brokerage.people[:3]
    now = timezone.now()
    old = send_meeting_request(alice, recipient=bob, expires_at=now - dt.timedelta(hours=1))
    fresh = send_meeting_request(alice, recipient=carol, expires_at=now + dt.timedelta(hours=1))

    assert expire_meeting_requests(now=now) == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.status, fresh.status) == (RequestStatus.EXPIRED, RequestStatus.PENDING)


def test_set_unavailable_slots_refuses_slots_of_another_event(brokerage):
    foreign_slot = TimeSlotFactory()

    with pytest.raises(DomainError, match="another event"):
        set_unavailable_slots(brokerage.people[0], slots=[foreign_slot])


def test_request_limit_of_the_policy_is_enforced(brokerage):
    alice, bob, carol = brokerage.people[:3]
    set_matchmaking_policy(
        brokerage.event,
        max_requests_per_participant=1,
        max_meetings_per_participant=None,
        request_expiry_hours=None,
    )
    send_meeting_request(alice, recipient=bob)

    with pytest.raises(DomainError, match="limit of 1 open requests"):
        send_meeting_request(alice, recipient=carol)


def test_policy_expiry_sets_a_deadline_on_new_requests(brokerage):
    alice, bob = brokerage.people[:2]
    set_matchmaking_policy(
        brokerage.event,
        max_requests_per_participant=None,
        max_meetings_per_participant=None,
        request_expiry_hours=48,
    )
    before = timezone.now()

    request = send_meeting_request(alice, recipient=bob)

    assert before + dt.timedelta(hours=48) <= request.expires_at <= timezone.now() + dt.timedelta(hours=48)
