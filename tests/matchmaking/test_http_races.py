"""Races over HTTP on PostgreSQL (TRUST 14, 15): many browsers at once against the live server.

Every client connects first, then all send their request at the same instant. The database
constraints pick one winner; the others get a clean 409, never a 500. A control run with the
constraints dropped shows that the same clients do double-book, so the test can see a race.
"""

from __future__ import annotations

import http.client
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import reverse

from smexchange.events.models import Event, TimeSlot
from smexchange.events.services import add_organizer, add_tables
from smexchange.matchmaking.enums import RequestStatus, ScheduleStatus
from smexchange.matchmaking.models import Meeting, MeetingRequest, MeetingSeat, Schedule
from smexchange.matchmaking.services.requests import send_meeting_request
from tests.matchmaking.conftest import accepted, register

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CLIENTS = 50
ROUNDS = 4
CSRF = "loadtestcsrfsecret0123456789abcd"  # 32 characters: a valid CSRF cookie secret, echoed in the header
BOOKED = "The meeting was booked."


@dataclass(frozen=True)
class Browser:
    """A signed-in user's cookies, to send from any thread."""

    cookie: str

    @classmethod
    def of(cls, user) -> Browser:
        client = Client()
        client.force_login(user)
        return cls(f"sessionid={client.cookies['sessionid'].value}; csrftoken={CSRF}")


def _user(email: str, registration=None):
    user = get_user_model().objects.create_user(username=email, email=email, password="x")
    if registration is not None:
        registration.person.user = user
        registration.person.save(update_fields=["user"])
    return user


def _post_all(base: str, posts: list[tuple[Browser, str, dict[str, object]]]) -> list[str]:
    """Send every POST at once, one connection each; return 'ok', 'conflict', 'retry' or the oddity."""
    host = urlsplit(base)
    barrier = threading.Barrier(len(posts))
    outcomes = [""] * len(posts)

    def send(index: int) -> None:
        browser, path, data = posts[index]
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
        conn.connect()  # connected before the barrier: all requests then arrive together
        headers = {
            "Cookie": browser.cookie,
            "X-CSRFToken": CSRF,
            "Content-Type": "application/x-www-form-urlencoded",
        }
        try:
            barrier.wait()
            conn.request("POST", path, urlencode(data), headers)
            response = conn.getresponse()
            response.read()
            outcomes[index] = _classify(host, browser, response)
        except OSError as error:  # counted, so the assertion shows it
            outcomes[index] = f"{type(error).__name__}"
        finally:
            conn.close()

    threads = [threading.Thread(target=send, args=(index,)) for index in range(len(posts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def _classify(host, browser: Browser, response: http.client.HTTPResponse) -> str:
    if response.status == 409:
        return "conflict"
    if response.status == 503:
        return "retry"
    if response.status != 302:
        return f"status {response.status}"
    # A form post that passed redirects to the page, which shows what happened: follow it, with
    # the message cookie the answer set.
    cookies = [browser.cookie] + [
        value.split(";", 1)[0] for name, value in response.getheaders() if name.lower() == "set-cookie"
    ]
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    try:
        conn.request("GET", response.headers["Location"], headers={"Cookie": "; ".join(cookies)})
        page = conn.getresponse()
        body = page.read().decode()
    finally:
        conn.close()
    if page.status != 200:
        return f"followed to {page.status}"
    return "refused" if 'class="message-error"' in body else "ok"


@pytest.fixture
def organizer(brokerage) -> Browser:
    user = _user("organizer@example.org")
    add_organizer(brokerage.event, user=user)
    return Browser.of(user)


def _book_url(event: Event, schedule: Schedule) -> str:
    return reverse("matchmaking:book", args=[event.slug, schedule.pk])


def _book_rounds(
    live_server, event, organizer, requests, place, *, rounds: int = ROUNDS
) -> list[tuple[list[str], Schedule]]:
    """Each round: a fresh draft, CLIENTS bookings of the same slot, all at once."""
    slot = TimeSlot.objects.filter(session__event=event).order_by("starts_at").first()
    results = []
    for _ in range(rounds):
        schedule = Schedule.objects.create(event=event, status=ScheduleStatus.DRAFT)
        posts = [
            (organizer, _book_url(event, schedule), {"request": r.pk, "slot": slot.pk, **place(i)})
            for i, r in enumerate(requests)
        ]
        results.append((_post_all(live_server.url, posts), schedule))
    return results


@pytest.fixture
def star_requests(brokerage):
    """CLIENTS accepted requests to one participant, and a table for each booking."""
    star = brokerage.people[0]
    requests = [accepted(guest, star) for guest in register(brokerage.event, CLIENTS)]
    tables = add_tables(brokerage.event, count=CLIENTS)
    return star, requests, tables


@pytest.fixture
def pair_requests(brokerage):
    """CLIENTS accepted requests between distinct pairs, all to be booked at one table."""
    hosts, guests = register(brokerage.event, CLIENTS), register(brokerage.event, CLIENTS)
    return [accepted(g, h) for g, h in zip(guests, hosts, strict=True)], brokerage.event.tables.first()


def test_fifty_bookings_of_one_participant_and_slot_give_one_meeting(
    live_server, brokerage, organizer, star_requests
):
    star, requests, tables = star_requests

    rounds = _book_rounds(
        live_server, brokerage.event, organizer, requests, lambda i: {"table": tables[i].pk}
    )

    for outcomes, schedule in rounds:
        assert Counter(outcomes) == {"conflict": CLIENTS - 1, "ok": 1}
        assert MeetingSeat.objects.filter(schedule=schedule, registration=star).count() == 1
        assert Meeting.objects.filter(schedule=schedule).count() == 1


def test_fifty_bookings_of_one_table_and_slot_give_one_meeting(
    live_server, brokerage, organizer, pair_requests
):
    requests, table = pair_requests

    rounds = _book_rounds(live_server, brokerage.event, organizer, requests, lambda i: {"table": table.pk})

    for outcomes, schedule in rounds:
        assert Counter(outcomes) == {"conflict": CLIENTS - 1, "ok": 1}
        assert Meeting.objects.filter(schedule=schedule, table=table).count() == 1


def _without_constraints(names: list[str], run: Callable[[], list[tuple[list[str], Schedule]]]):
    """The control: the same clients with the guarding constraints dropped, then put back."""
    constraints = {
        c.name: (model, c)
        for model in (Meeting, MeetingSeat)
        for c in model._meta.constraints
        if c.name in names
    }
    with connection.schema_editor() as editor:
        for model, constraint in constraints.values():
            editor.remove_constraint(model, constraint)
    try:
        return run()
    finally:
        Meeting.objects.all().delete()
        with connection.schema_editor() as editor:
            for model, constraint in constraints.values():
                editor.add_constraint(model, constraint)


def test_control_without_the_seat_constraint_double_books_a_participant(
    live_server, brokerage, organizer, star_requests
):
    star, requests, tables = star_requests

    rounds = _without_constraints(
        ["participant_once_per_slot"],
        lambda: [
            (outcomes, MeetingSeat.objects.filter(schedule=schedule, registration=star).count())
            for outcomes, schedule in _book_rounds(
                live_server, brokerage.event, organizer, requests, lambda i: {"table": tables[i].pk}, rounds=2
            )
        ],
    )

    # The check before the insert alone lets several bookings through: the race the constraint stops.
    assert max(seats for _outcomes, seats in rounds) > 1
    assert all(outcomes.count("ok") == seats for outcomes, seats in rounds)


def test_control_without_the_table_constraint_double_books_a_table(
    live_server, brokerage, organizer, pair_requests
):
    requests, table = pair_requests

    rounds = _without_constraints(
        ["table_once_per_slot"],
        lambda: [
            (outcomes, Meeting.objects.filter(schedule=schedule, table=table).count())
            for outcomes, schedule in _book_rounds(
                live_server, brokerage.event, organizer, requests, lambda i: {"table": table.pk}, rounds=2
            )
        ],
    )

    assert max(meetings for _outcomes, meetings in rounds) > 1


def _answer_url(event: Event, request: MeetingRequest, action: str) -> str:
    return reverse("matchmaking:answer_request", args=[event.slug, request.pk, action])


def test_accept_and_withdraw_at_once_end_withdrawn(live_server, brokerage):
    alice, bob = brokerage.people[:2]
    requester, recipient = (
        Browser.of(_user("alice@example.org", alice)),
        Browser.of(_user("bob@example.org", bob)),
    )

    for _ in range(ROUNDS * 3):
        request = send_meeting_request(alice, recipient=bob)
        outcomes = _post_all(
            live_server.url,
            [
                (recipient, _answer_url(brokerage.event, request, "accept"), {}),
                (requester, _answer_url(brokerage.event, request, "withdraw"), {}),
            ],
        )

        request.refresh_from_db()
        # Accepted then withdrawn (both pass), or withdrawn first and the acceptance a conflict.
        accept, withdraw = outcomes
        assert (accept in ("ok", "conflict"), withdraw) == (True, "ok")
        assert request.status == RequestStatus.WITHDRAWN
        assert (request.responded_at is not None) == (outcomes[0] == "ok")


def test_decline_and_withdraw_at_once_one_wins(live_server, brokerage):
    alice, bob = brokerage.people[:2]
    requester, recipient = (
        Browser.of(_user("alice@example.org", alice)),
        Browser.of(_user("bob@example.org", bob)),
    )

    for _ in range(ROUNDS * 3):
        request = send_meeting_request(alice, recipient=bob)
        outcomes = _post_all(
            live_server.url,
            [
                (recipient, _answer_url(brokerage.event, request, "decline"), {}),
                (requester, _answer_url(brokerage.event, request, "withdraw"), {}),
            ],
        )

        request.refresh_from_db()
        assert sorted(outcomes) == ["conflict", "ok"]
        winner = RequestStatus.DECLINED if outcomes[0] == "ok" else RequestStatus.WITHDRAWN
        assert request.status == winner


def _publish_url(event: Event, schedule: Schedule) -> str:
    return reverse("matchmaking:publish", args=[event.slug, schedule.pk])


def test_two_organizers_publishing_at_once_leave_one_published_schedule(live_server, brokerage, organizer):
    other = _user("other-organizer@example.org")
    add_organizer(brokerage.event, user=other)
    second = Browser.of(other)
    event = brokerage.event

    for _ in range(ROUNDS * 2):
        same = Schedule.objects.create(event=event, status=ScheduleStatus.DRAFT)
        same_outcomes = _post_all(
            live_server.url,
            [(organizer, _publish_url(event, same), {}), (second, _publish_url(event, same), {})],
        )
        drafts = [Schedule.objects.create(event=event, status=ScheduleStatus.DRAFT) for _ in range(2)]
        both_outcomes = _post_all(
            live_server.url,
            [(organizer, _publish_url(event, drafts[0]), {}), (second, _publish_url(event, drafts[1]), {})],
        )

        # The same draft: one publishes it, the other is told it is no longer a draft.
        assert sorted(same_outcomes) == ["conflict", "ok"]
        # Two drafts: serialized on the event's row; the later one supersedes the earlier.
        assert both_outcomes == ["ok", "ok"]
        published = list(Schedule.objects.filter(event=event, status=ScheduleStatus.PUBLISHED))
        assert len(published) == 1
        assert published[0] in drafts


@override_settings(LOCK_TIMEOUT_MS=200)
def test_an_answer_stuck_behind_a_lock_is_a_retryable_503(live_server, brokerage):
    alice, bob = brokerage.people[:2]
    recipient = Browser.of(_user("bob@example.org", bob))
    request = send_meeting_request(alice, recipient=bob)

    with transaction.atomic():
        MeetingRequest.objects.select_for_update().get(pk=request.pk)  # a long transaction holds the row
        status, retry_after, body = _post_once(
            live_server.url, recipient, _answer_url(brokerage.event, request, "accept")
        )

    request.refresh_from_db()
    assert (status, retry_after, request.status) == (503, "2", RequestStatus.PENDING)
    assert "Busy, please try again" in body


@override_settings(LOCK_TIMEOUT_MS=200)
def test_a_publish_stuck_behind_another_is_a_retryable_503(live_server, brokerage, organizer):
    draft = Schedule.objects.create(event=brokerage.event, status=ScheduleStatus.DRAFT)

    with transaction.atomic():
        Event.objects.select_for_update().get(pk=brokerage.event.pk)  # another publish in progress
        status, retry_after, _body = _post_once(
            live_server.url, organizer, _publish_url(brokerage.event, draft)
        )

    draft.refresh_from_db()
    assert (status, retry_after, draft.status) == (503, "2", ScheduleStatus.DRAFT)


def _post_once(base: str, browser: Browser, path: str) -> tuple[int, str | None, str]:
    host = urlsplit(base)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    try:
        conn.request(
            "POST",
            path,
            "",
            {
                "Cookie": browser.cookie,
                "X-CSRFToken": CSRF,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        response = conn.getresponse()
        return response.status, response.headers.get("Retry-After"), response.read().decode()
    finally:
        conn.close()
