"""Lost races and lock waits answer 409 and 503 (with Retry-After), pages and JSON alike."""

import json

import psycopg.errors
import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, OperationalError
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from smexchange.common.exceptions import ConflictError, DomainError
from smexchange.common.middleware import ConflictMiddleware

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _handle(exception: Exception, **headers: str) -> HttpResponse | None:
    request = RequestFactory().post("/events/x/organize/matchmaking/schedules/1/book/", headers=headers)
    request.user = AnonymousUser()
    return ConflictMiddleware(lambda r: HttpResponse()).process_exception(request, exception)


def _driver_error(wrapper: type[Exception], cause: Exception) -> Exception:
    """A database error as Django raises it: its wrapper around the driver's exception."""
    error = wrapper(str(cause))
    error.__cause__ = cause
    return error


def test_a_conflict_is_a_409_page_with_the_services_words():
    response = _handle(ConflictError("That slot is taken."))

    assert response.status_code == 409
    assert "That slot is taken." in response.content.decode()
    assert "Someone was quicker" in response.content.decode()


def test_a_conflict_page_is_in_chinese_for_a_chinese_reader():
    with translation.override("zh-hans"):
        response = _handle(ConflictError("That slot is taken."))

    assert response.status_code == 409
    assert "有人抢先了" in response.content.decode()


def test_a_conflict_answers_json_to_a_client_that_asks_for_it():
    response = _handle(ConflictError("That slot is taken."), Accept="application/json")

    assert (response.status_code, json.loads(response.content)) == (
        409,
        {"detail": "That slot is taken.", "code": "conflict"},
    )


def test_an_integrity_error_from_a_race_is_a_409():
    error = _driver_error(IntegrityError, psycopg.errors.UniqueViolation("duplicate key"))

    response = _handle(error, Accept="application/json")

    assert (response.status_code, json.loads(response.content)["code"]) == (409, "conflict")


@pytest.mark.parametrize(
    "cause",
    [
        psycopg.errors.LockNotAvailable("canceling statement due to lock timeout"),
        psycopg.errors.SerializationFailure("could not serialize access"),
        psycopg.errors.DeadlockDetected("deadlock detected"),
    ],
)
def test_a_lock_timeout_serialization_failure_or_deadlock_is_a_retryable_503(cause):
    response = _handle(_driver_error(OperationalError, cause))

    assert (response.status_code, response["Retry-After"]) == (503, "2")
    assert "Busy, please try again" in response.content.decode()


def test_a_locked_sqlite_database_is_a_retryable_503():
    response = _handle(OperationalError("database is locked"), Accept="application/json")

    assert (response.status_code, response["Retry-After"]) == (503, "2")


def test_other_errors_are_left_to_django():
    assert _handle(OperationalError("server closed the connection unexpectedly")) is None
    assert _handle(DomainError("a plain refusal")) is None
    assert _handle(ValueError("a bug")) is None
