"""One error format for every error: {"error": {"code", "message", "fields"}}."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from smexchange.api.errors import api_exception_handler
from smexchange.common.exceptions import ConflictError, RateLimitError
from tests.api.conftest import client_for, user_of

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _error(response) -> dict:
    body = response.json()
    assert list(body) == ["error"]
    assert sorted(body["error"]) == ["code", "fields", "message"]
    return body["error"]


def test_unknown_path_is_a_404_in_the_format(world):
    response = APIClient().get("/api/v1/no-such-thing/")

    assert response.status_code == 404
    assert _error(response)["code"] == "not_found"


def test_unknown_object_is_a_404_in_the_format(world):
    response = APIClient().get("/api/v1/events/no-such-event/")

    assert response.status_code == 404
    assert _error(response)["code"] == "not_found"


def test_page_out_of_range_is_a_404_in_the_format(world):
    response = APIClient().get("/api/v1/events/", {"page": 99})

    assert response.status_code == 404
    assert _error(response)["code"] == "not_found"


def test_method_not_allowed_is_a_405_in_the_format(world):
    response = APIClient().delete("/api/v1/events/expo/")

    assert response.status_code == 405
    assert _error(response)["code"] == "method_not_allowed"


def test_malformed_json_is_a_400_in_the_format(world):
    client = client_for(user_of(world.carol))

    response = client.post("/api/v1/meeting-requests/", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert _error(response)["code"] == "parse_error"


def test_missing_fields_are_named(world):
    response = client_for(user_of(world.carol)).post("/api/v1/meeting-requests/", {}, format="json")

    error = _error(response)
    assert response.status_code == 400
    assert sorted(error["fields"]) == ["event", "recipient"]


def test_unexpected_exception_is_a_500_in_the_format():
    response = api_exception_handler(RuntimeError("boom"), {})

    assert response.status_code == 500
    assert response.data["error"]["code"] == "server_error"
    assert "boom" not in str(response.data)


def test_error_message_follows_accept_language(world):
    client = client_for(user_of(world.carol))

    response = client.post(
        "/api/v1/meeting-requests/",
        {"event": "hidden", "recipient": 1},
        format="json",
        headers={"Accept-Language": "zh-hans"},
    )

    assert response.status_code == 400
    assert response.json()["error"]["fields"]["event"] == ["您没有报名参加此活动。"]


def test_a_rate_limited_refusal_is_a_429_with_retry_after():
    response = api_exception_handler(RateLimitError("Slow down.", retry_after=90), {})

    assert response.status_code == 429
    assert response["Retry-After"] == "90"
    assert response.data["error"]["code"] == "throttled"
    assert response.data["error"]["message"].startswith("Slow down.")


def test_a_lock_wait_that_timed_out_is_a_retryable_503():
    import psycopg.errors
    from django.db import OperationalError

    error = OperationalError("canceling statement due to lock timeout")
    error.__cause__ = psycopg.errors.LockNotAvailable("canceling statement due to lock timeout")

    response = api_exception_handler(error, {})

    assert (response.status_code, response["Retry-After"]) == (503, "2")
    assert response.data["error"]["code"] == "retry"


def test_a_lost_race_is_a_409_conflict():
    response = api_exception_handler(ConflictError("The slot was taken meanwhile."), {})

    assert response.status_code == 409
    assert response.data["error"] == {
        "code": "conflict",
        "message": "The slot was taken meanwhile.",
        "fields": {},
    }


def test_sending_too_many_requests_is_a_429_with_retry_after(world, settings):
    settings.SMEX_MEETING_REQUEST_RATE = (1, 600)
    client = client_for(user_of(world.bob))

    first = client.post(
        "/api/v1/meeting-requests/", {"event": "expo", "recipient": world.carol.pk}, format="json"
    )
    second = client.post(
        "/api/v1/meeting-requests/", {"event": "expo", "recipient": world.alice.pk}, format="json"
    )

    assert first.status_code == 201
    assert second.status_code == 429
    assert 1 <= int(second["Retry-After"]) <= 601
    assert second.json()["error"]["code"] == "throttled"
