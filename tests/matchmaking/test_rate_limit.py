"""Meeting-request creation is rate-limited per participant (TRUST 9), for the web and the API alike."""

import pytest

from smexchange.common.exceptions import RateLimitError
from smexchange.matchmaking.enums import RequestOrigin
from smexchange.matchmaking.models import MeetingRequest
from smexchange.matchmaking.services.requests import send_meeting_request, withdraw_meeting_request

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_a_participant_over_the_rate_gets_a_rate_limit_error(brokerage, settings):
    settings.SMEX_MEETING_REQUEST_RATE = (2, 600)
    alice, bob, carol, dan = brokerage.people[:4]
    first = send_meeting_request(alice, recipient=bob)
    withdraw_meeting_request(first, by=alice)  # withdrawing makes no room
    send_meeting_request(alice, recipient=carol)

    with pytest.raises(RateLimitError) as refused:
        send_meeting_request(alice, recipient=dan)

    assert 0 < refused.value.retry_after <= 601
    assert MeetingRequest.objects.filter(requester=alice).count() == 2


def test_the_rate_is_per_participant_and_spares_organizer_proposals(brokerage, settings):
    settings.SMEX_MEETING_REQUEST_RATE = (1, 600)
    alice, bob, carol, dan = brokerage.people[:4]
    send_meeting_request(alice, recipient=bob)

    send_meeting_request(carol, recipient=dan)
    send_meeting_request(alice, recipient=carol, origin=RequestOrigin.ORGANIZER)

    assert MeetingRequest.objects.count() == 3


def test_the_page_shows_the_rate_limit_as_a_message(client, brokerage, settings):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    settings.SMEX_MEETING_REQUEST_RATE = (1, 600)
    alice, bob, carol = brokerage.people[:3]
    user = get_user_model().objects.create_user(username="alice", email="alice@example.org", password="x")
    alice.person.user = user
    alice.person.save(update_fields=["user"])
    client.force_login(user)
    url = reverse("matchmaking:send_request", args=[brokerage.event.slug])
    client.post(url, {"recipient": bob.pk})

    response = client.post(url, {"recipient": carol.pk}, follow=True)

    assert "please wait" in response.content.decode()
    assert MeetingRequest.objects.filter(requester=alice).count() == 1
