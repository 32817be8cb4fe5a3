"""The pages the load benchmark drives make as many queries with a little data as with more.

Each test measures one request, grows the data (participants, meetings, requests,
recommendations, search hits), measures again, and wants the same count: no query per row.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from smexchange.events.models import Registration, TimeSlot
from smexchange.events.queries import headline_figures
from smexchange.events.services import add_booth, add_tables
from smexchange.matchmaking.enums import ScheduleStatus
from smexchange.matchmaking.models import PartnerRecommendation, Schedule
from smexchange.matchmaking.services.publishing import book_meeting, publish_schedule
from smexchange.matchmaking.services.requests import send_meeting_request
from tests.matchmaking.conftest import Brokerage, accepted, register

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _count(request: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = request()
    assert response.status_code in (200, 302), response.status_code
    return len(queries.captured_queries)


@pytest.fixture
def alice(brokerage: Brokerage) -> Registration:
    me = brokerage.people[0]
    user = get_user_model().objects.create_user(username="alice", email="alice@example.org", password="x")
    me.person.user = user
    me.person.save(update_fields=["user"])
    return me


@pytest.fixture
def signed_in(client: Client, alice: Registration) -> Client:
    client.force_login(alice.person.user)
    return client


def _grow(brokerage: Brokerage, alice: Registration, size: int) -> None:
    """`size` more of everything around Alice: participants, requests both ways, recommendations."""
    others = register(brokerage.event, size, country="BR")
    for other in others:
        send_meeting_request(other, recipient=alice)
        send_meeting_request(alice, recipient=register(brokerage.event, 1, country="DE")[0])
        rank = PartnerRecommendation.objects.filter(organization=alice.organization).count() + 1
        for event in (None, brokerage.event):
            PartnerRecommendation.objects.create(
                organization=alice.organization,
                partner=other.organization,
                event=event,
                rank=rank,
                score=0.5,
                reasons=[{"code": "targets", "who": "they", "country": "CN", "text": "They target China"}],
            )


def _meetings(brokerage: Brokerage, alice: Registration, count: int) -> None:
    """A published schedule with `count` meetings for Alice, each in its own slot."""
    draft = Schedule.objects.create(event=brokerage.event, status=ScheduleStatus.DRAFT)
    slots = (
        TimeSlot.objects.filter(session__event=brokerage.event)
        .select_related("session")
        .order_by("starts_at")
    )
    table = brokerage.event.tables.first()
    for slot, guest in zip(slots, register(brokerage.event, count), strict=False):
        book_meeting(draft, request=accepted(guest, alice), slot=slot, table=table)
    Schedule.objects.filter(event=brokerage.event, status=ScheduleStatus.PUBLISHED).delete()
    publish_schedule(draft)


def test_participant_agenda_page_queries_do_not_grow(brokerage, alice, signed_in):
    url = f"/events/{brokerage.event.slug}/matchmaking/"
    _grow(brokerage, alice, 1)
    _meetings(brokerage, alice, 1)
    small = _count(lambda: signed_in.get(url))

    _grow(brokerage, alice, 3)
    _meetings(brokerage, alice, 3)

    assert _count(lambda: signed_in.get(url)) == small


def test_recommendations_page_queries_do_not_grow(brokerage, alice, signed_in):
    _grow(brokerage, alice, 1)
    small = _count(lambda: signed_in.get("/directory/recommended/"))

    _grow(brokerage, alice, 4)

    assert _count(lambda: signed_in.get("/directory/recommended/")) == small


def test_sending_a_request_queries_do_not_grow(brokerage, alice, signed_in):
    url = f"/events/{brokerage.event.slug}/matchmaking/requests/"
    _grow(brokerage, alice, 1)
    first, second = register(brokerage.event, 2, country="US")
    small = _count(lambda: signed_in.post(url, {"recipient": first.pk, "message": "Hello"}))

    _grow(brokerage, alice, 4)

    assert _count(lambda: signed_in.post(url, {"recipient": second.pk, "message": "Hello"})) == small
    assert alice.sent_requests.filter(recipient__in=[first, second]).count() == 2


def test_event_page_queries_do_not_grow_with_participants_and_booths(client, brokerage, alice):
    url = f"/events/{brokerage.event.slug}/"
    small = _count(lambda: client.get(url))

    _grow(brokerage, alice, 4)
    for n, other in enumerate(register(brokerage.event, 3)):
        add_booth(brokerage.event, code=f"B{n}", host=other.organization)

    assert _count(lambda: client.get(url)) == small


def test_directory_search_queries_do_not_grow_with_hits(client, brokerage):
    # Every organization the factories make is called "Organization <n>": all are hits.
    small = _count(lambda: client.get("/directory/", {"q": "organization"}))

    register(brokerage.event, 8)

    response = client.get("/directory/", {"q": "organization"})
    assert response.context["page"].paginator.count == 6 + 8
    assert _count(lambda: client.get("/directory/", {"q": "organization"})) == small


def test_event_page_figures_count_booths_tables_and_slots_each_once(brokerage):
    event = brokerage.event  # four slots, two tables, six participants in China
    for n, registration in enumerate(brokerage.people[:3]):
        add_booth(event, code=f"B{n}", host=registration.organization)
    add_tables(event, count=3)
    register(event, 2, country="BR")

    figures = headline_figures(event)

    counted = (figures.participants, figures.countries, figures.booths, figures.tables, figures.meeting_slots)
    assert counted == (8, 2, 3, 5, 4)
