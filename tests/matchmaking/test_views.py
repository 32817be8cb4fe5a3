import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from smexchange.events.services import add_organizer, remove_organizer
from smexchange.matchmaking.enums import RequestStatus, ScheduleStatus
from smexchange.matchmaking.models import MeetingRequest, Schedule
from smexchange.matchmaking.services.requests import send_meeting_request
from tests.factories.events import EventFactory
from tests.matchmaking.conftest import accepted, register

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _user_for(registration, email):
    user = get_user_model().objects.create_user(username=email, email=email, password="correct horse battery")
    registration.person.user = user
    registration.person.save(update_fields=["user"])
    return user


@pytest.fixture
def organizer(brokerage):
    user = get_user_model().objects.create_user(username="org", email="org@example.org", password="x")
    add_organizer(brokerage.event, user=user)
    return user


def test_participant_page_needs_login(client, brokerage):
    url = reverse("matchmaking:participant", args=[brokerage.event.slug])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_participant_page_is_404_for_someone_not_registered(client, brokerage):
    (stranger,) = register(EventFactory(is_published=True), 1)
    client.force_login(_user_for(stranger, "stranger@example.org"))

    assert client.get(reverse("matchmaking:participant", args=[brokerage.event.slug])).status_code == 404


def test_participant_sends_and_recipient_accepts_through_the_pages(client, brokerage):
    alice, bob = brokerage.people[:2]
    client.force_login(_user_for(alice, "alice@example.org"))

    client.post(
        reverse("matchmaking:send_request", args=[brokerage.event.slug]),
        {"recipient": bob.pk, "message": "Hello"},
    )
    request = MeetingRequest.objects.get()
    client.force_login(_user_for(bob, "bob@example.org"))
    client.post(reverse("matchmaking:answer_request", args=[brokerage.event.slug, request.pk, "accept"]))

    request.refresh_from_db()
    assert (request.requester, request.recipient, request.message, request.status) == (
        alice, bob, "Hello", RequestStatus.ACCEPTED,
    )  # fmt: skip


def test_third_participant_cannot_touch_a_request_of_others(client, brokerage):
    alice, bob, carol = brokerage.people[:3]
    request = send_meeting_request(alice, recipient=bob)
    client.force_login(_user_for(carol, "carol@example.org"))

    response = client.post(
        reverse("matchmaking:answer_request", args=[brokerage.event.slug, request.pk, "accept"])
    )

    assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING


def test_participant_page_lists_requests_and_candidates(client, brokerage):
    alice, bob = brokerage.people[:2]
    send_meeting_request(bob, recipient=alice, message="We make pencils")
    client.force_login(_user_for(alice, "alice@example.org"))

    response = client.get(reverse("matchmaking:participant", args=[brokerage.event.slug]))

    assert response.status_code == 200
    assert "We make pencils" in response.text
    assert len(response.context["candidates"]) == 5


def test_organizer_runs_and_publishes_a_schedule(client, brokerage, organizer):
    alice, bob = brokerage.people[:2]
    accepted(alice, bob)
    client.force_login(organizer)
    slug = brokerage.event.slug

    client.post(reverse("matchmaking:start_run", args=[slug]), {"time_limit": 5, "seed": 0})
    draft = Schedule.objects.get()
    page = client.get(reverse("matchmaking:organizer", args=[slug]))
    client.post(reverse("matchmaking:publish", args=[slug, draft.pk]))

    draft.refresh_from_db()
    assert page.context["draft"] == draft
    assert draft.status == ScheduleStatus.PUBLISHED
    client.force_login(_user_for(alice, "alice@example.org"))
    ics = client.get(reverse("matchmaking:agenda_ics", args=[slug]))
    assert ics["Content-Type"] == "text/calendar; charset=utf-8"
    assert ics.content.count(b"BEGIN:VEVENT") == 1


def test_organizer_pages_are_404_for_another_events_organizer(client, brokerage):
    other = get_user_model().objects.create_user(username="other", email="other@example.org", password="x")
    add_organizer(EventFactory(), user=other)
    client.force_login(other)

    assert client.get(reverse("matchmaking:organizer", args=[brokerage.event.slug])).status_code == 404
    assert (
        client.post(
            reverse("matchmaking:start_run", args=[brokerage.event.slug]), {"time_limit": 5, "seed": 0}
        ).status_code
        == 404
    )


def test_removed_organizer_is_refused_on_the_next_request(client, brokerage, organizer):
    client.force_login(organizer)
    url = reverse("matchmaking:organizer", args=[brokerage.event.slug])
    assert client.get(url).status_code == 200

    remove_organizer(brokerage.event, user=organizer)

    assert client.get(url).status_code == 404


def test_organizer_sets_tables_and_meeting_limit_used_by_the_next_run(client, brokerage, organizer):
    alice, bob, carol = brokerage.people[:3]
    accepted(alice, bob)
    accepted(alice, carol)
    client.force_login(organizer)
    slug = brokerage.event.slug

    client.post(
        reverse("matchmaking:setup", args=[slug]),
        {
            "tables": 5,
            "max_meetings_per_participant": 1,
            "max_requests_per_participant": "",
            "request_expiry_hours": "",
        },
    )
    client.post(reverse("matchmaking:start_run", args=[slug]), {"time_limit": 5, "seed": 0})

    assert brokerage.event.tables.count() == 5
    assert Schedule.objects.get().meetings.count() == 1


def test_a_running_schedule_run_is_polled_for_its_progress(client, brokerage, organizer):
    from smexchange.matchmaking.enums import RunStatus
    from smexchange.matchmaking.models import ScheduleRun

    run = ScheduleRun.objects.create(
        event=brokerage.event,
        status=RunStatus.RUNNING,
        phase="search",
        best_weight=40,
        weight_bound=50,
        idle_slots=3,
    )
    slug = brokerage.event.slug
    client.force_login(organizer)

    page = client.get(reverse("matchmaking:organizer", args=[slug])).content.decode()
    progress = client.get(reverse("matchmaking:run_progress", args=[slug, run.pk])).json()

    assert f'data-run-progress-url="{reverse("matchmaking:run_progress", args=[slug, run.pk])}"' in page
    assert "smexchange/js/run-progress.js" in page
    assert progress == {
        "id": run.pk,
        "status": "running",
        "status_label": "Running",
        "phase": "search",
        "best_weight": 40,
        "weight_bound": 50,
        "idle_slots": 3,
        "finished": False,
    }
    run.status = RunStatus.SUCCEEDED
    run.save(update_fields=["status"])
    assert client.get(reverse("matchmaking:run_progress", args=[slug, run.pk])).json()["finished"] is True
    assert "run-progress.js" not in client.get(reverse("matchmaking:organizer", args=[slug])).content.decode()


def test_another_events_organizer_cannot_poll_a_run(client, brokerage):
    from smexchange.matchmaking.models import ScheduleRun

    run = ScheduleRun.objects.create(event=brokerage.event)
    other = get_user_model().objects.create_user(username="other", email="other@example.org", password="x")
    add_organizer(EventFactory(), user=other)
    client.force_login(other)

    assert (
        client.get(reverse("matchmaking:run_progress", args=[brokerage.event.slug, run.pk])).status_code
        == 404
    )
