"""Background jobs: sent after commit, on a real Celery worker with Redis when a broker is configured."""

import socket
import time

import pytest
from celery.signals import task_postrun
from django.db import connections, transaction
from django.test import override_settings

from smexchange.celery import app as celery_app
from smexchange.common import jobs
from smexchange.matchmaking.enums import RunStatus
from smexchange.matchmaking.models import ScheduleRun
from smexchange.matchmaking.services.runs import start_schedule_run
from tests.matchmaking.conftest import accepted, brokerage  # noqa: F401  (fixture)

REDIS_URL = "redis://127.0.0.1:6379/15"


def _close_connections(**kwargs: object) -> None:
    connections.close_all()


def _redis_is_up() -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", 6379)) == 0


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_job_is_not_sent_when_the_transaction_rolls_back():
    ran = []

    def failing_request() -> None:
        with transaction.atomic():
            jobs.enqueue(lambda **kwargs: ran.append(kwargs), run_id=1)
            raise RuntimeError("the request failed after queueing")

    with pytest.raises(RuntimeError):
        failing_request()

    assert ran == []


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_job_runs_after_commit_in_process():
    ran = []

    with transaction.atomic():
        jobs.enqueue(lambda **kwargs: ran.append(kwargs), run_id=7)
        assert ran == []

    assert ran == [{"run_id": 7}]


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_schedule_run_on_a_celery_worker_with_redis(brokerage):  # noqa: F811
    if not _redis_is_up():
        pytest.skip("needs Redis on 127.0.0.1:6379 (started on this machine kind before the session and CI)")
    from celery.contrib.testing.worker import start_worker  # only this test starts a worker

    accepted(*brokerage.people[:2])
    celery_app.conf.update(broker_url=REDIS_URL, result_backend=None, task_always_eager=False)
    # The worker thread opens its own database connection; close it after each task, as a real
    # worker's Django integration does, so that the test database can be dropped afterwards.
    close_connections = _close_connections
    task_postrun.connect(close_connections, weak=False)
    with (
        override_settings(CELERY_BROKER_URL=REDIS_URL),
        start_worker(celery_app, perform_ping_check=False, pool="solo"),
    ):
        run = start_schedule_run(brokerage.event, time_limit=5)
        for _ in range(300):
            run.refresh_from_db()
            if run.status in (RunStatus.SUCCEEDED, RunStatus.FAILED):
                break
            time.sleep(0.1)

    task_postrun.disconnect(close_connections)
    assert (run.status, run.error) == (RunStatus.SUCCEEDED, "")
    assert ScheduleRun.objects.get().schedule.meetings.count() == 1
