"""A repeated POST with the same Idempotency-Key creates one row and returns the same answer (TRUST.md 16)."""

from __future__ import annotations

import datetime as dt
import io
import threading

import pytest
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from smexchange.api.models import IdempotencyRecord
from smexchange.matchmaking.models import MeetingRequest
from tests.api.conftest import build_world, client_for, user_of

pytestmark = [pytest.mark.integration]


def _send(client, world, key: str, recipient=None):
    return client.post(
        "/api/v1/meeting-requests/",
        {"event": "expo", "recipient": (recipient or world.alice).pk, "message": "Hello"},
        format="json",
        headers={"Idempotency-Key": key},
    )


@pytest.mark.django_db
def test_repeated_post_with_same_key_creates_one_row_and_replays_the_answer(world):
    client = client_for(user_of(world.carol))

    first = _send(client, world, "key-1")
    second = _send(client, world, "key-1")

    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert MeetingRequest.objects.filter(requester=world.carol, recipient=world.alice).count() == 1


@pytest.mark.django_db
def test_without_a_key_a_repeat_is_refused_by_the_rule(world):
    client = client_for(user_of(world.carol))

    first = client.post(
        "/api/v1/meeting-requests/", {"event": "expo", "recipient": world.alice.pk}, format="json"
    )
    second = client.post(
        "/api/v1/meeting-requests/", {"event": "expo", "recipient": world.alice.pk}, format="json"
    )

    assert (first.status_code, second.status_code) == (201, 409)


@pytest.mark.django_db
def test_same_key_with_another_body_is_a_422(world):
    client = client_for(user_of(world.carol))

    _send(client, world, "key-1")
    other = _send(client, world, "key-1", recipient=world.bob)

    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    assert MeetingRequest.objects.filter(requester=world.carol).count() == 2  # the world's one and key-1's


@pytest.mark.django_db
def test_keys_belong_to_one_user(world):
    carol, bob = client_for(user_of(world.carol)), client_for(user_of(world.bob))

    first = _send(carol, world, "shared")
    second = _send(bob, world, "shared")

    assert (first.status_code, second.status_code) == (201, 201)
    assert second.json()["requester"]["id"] == world.bob.pk


@pytest.mark.django_db
def test_an_action_replays_too(world):
    client = client_for(user_of(world.bob))
    url = f"/api/v1/meeting-requests/{world.pending.pk}/accept/"

    first = client.post(url, headers={"Idempotency-Key": "accept-1"})
    second = client.post(url, headers={"Idempotency-Key": "accept-1"})
    third = client.post(url, headers={"Idempotency-Key": "accept-2"})

    assert (first.status_code, second.status_code, third.status_code) == (200, 200, 409)
    assert first.json() == second.json()


@pytest.mark.django_db
def test_a_refusal_is_not_stored_so_a_retry_acts_again(world):
    client = client_for(user_of(world.bob))
    url = f"/api/v1/meeting-requests/{world.accepted.pk}/accept/"

    refused = client.post(url, headers={"Idempotency-Key": "k"})

    assert refused.status_code == 409
    assert not IdempotencyRecord.objects.filter(key="k").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["", "x" * 256, "with space", "ünïcode"])
def test_malformed_key_is_a_400(world, key):
    response = _send(client_for(user_of(world.carol)), world, key)

    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["Idempotency-Key"]
    assert MeetingRequest.objects.filter(requester=world.carol, recipient=world.alice).count() == 0


CONCURRENT = 12


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_number", range(3))
def test_concurrent_posts_with_same_key_create_one_row(round_number):
    world = build_world()
    barrier = threading.Barrier(CONCURRENT)
    answers: list = [None] * CONCURRENT

    def post(index: int) -> None:
        try:
            barrier.wait()
            answers[index] = _send(clients[index], world, f"race-{round_number}")
        finally:
            connections.close_all()

    clients = [client_for(user_of(world.carol)) for _ in range(CONCURRENT)]
    threads = [threading.Thread(target=post, args=(index,)) for index in range(CONCURRENT)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [answer.status_code for answer in answers] == [201] * CONCURRENT
    assert len({answer.content for answer in answers}) == 1
    assert MeetingRequest.objects.filter(requester=world.carol, recipient=world.alice).count() == 1
    assert IdempotencyRecord.objects.filter(key=f"race-{round_number}").count() == 1


@pytest.mark.django_db
def test_purge_forgets_old_keys_only(world):
    client = client_for(user_of(world.carol))
    _send(client, world, "old")
    IdempotencyRecord.objects.filter(key="old").update(created_at=timezone.now() - dt.timedelta(hours=25))
    client.post(f"/api/v1/meeting-requests/{world.accepted.pk}/withdraw/", headers={"Idempotency-Key": "new"})
    out = io.StringIO()

    call_command("purge_idempotency_keys", "--hours", "24", stdout=out)

    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["new"]
    assert out.getvalue() == "forgot 1 idempotency keys older than 24 hours\n"
