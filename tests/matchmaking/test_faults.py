"""TRUST 17: schedule runs that die half-way, stale runs, retries, jobs on commit, a dropped connection.

Every test goes through the real job path (`start_schedule_run` -> `enqueue` -> the task ->
`execute_schedule_run`); the PostgreSQL ones kill a real worker process and terminate a real backend.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from smexchange.common import jobs
from smexchange.common.exceptions import DomainError
from smexchange.events.services import add_organizer
from smexchange.matchmaking.enums import RunStatus, ScheduleStatus
from smexchange.matchmaking.models import Meeting, MeetingSeat, Schedule, ScheduleRun
from smexchange.matchmaking.services import runs
from smexchange.matchmaking.services.publishing import publish_schedule
from smexchange.matchmaking.services.runs import (
    STALE_GRACE,
    fail_stale_schedule_runs,
    retry_schedule_run,
    start_schedule_run,
)
from tests.matchmaking.conftest import accepted

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _published(brokerage) -> tuple[Schedule, list[tuple[int, int, int]]]:
    accepted(*brokerage.people[:2])
    accepted(*brokerage.people[2:4])
    run = start_schedule_run(brokerage.event, time_limit=5)
    run.refresh_from_db()
    schedule = publish_schedule(run.schedule)
    return schedule, _meetings(schedule)


def _meetings(schedule: Schedule) -> list[tuple[int, int, int]]:
    return sorted(schedule.meetings.values_list("a_id", "b_id", "slot_id"))


def _after_the_grace(run: ScheduleRun) -> dt.datetime:
    return timezone.now() + dt.timedelta(seconds=run.time_limit) + STALE_GRACE + dt.timedelta(seconds=1)


def test_run_dying_half_way_through_writing_its_draft_leaves_no_draft_and_the_published_schedule(
    brokerage, monkeypatch
):
    published, before = _published(brokerage)
    real = MeetingSeat.objects.bulk_create

    def die_after_the_meetings(*args, **kwargs):
        assert Meeting.objects.filter(schedule__status=ScheduleStatus.DRAFT).exists()  # half-way indeed
        raise MemoryError("worker ran out of memory while writing seats")

    monkeypatch.setattr(MeetingSeat.objects, "bulk_create", die_after_the_meetings)
    failed = start_schedule_run(brokerage.event, time_limit=5)
    monkeypatch.setattr(MeetingSeat.objects, "bulk_create", real)

    failed.refresh_from_db()
    assert (failed.status, failed.error) == (
        RunStatus.FAILED,
        "MemoryError: worker ran out of memory while writing seats",
    )
    assert list(Schedule.objects.values_list("status", flat=True)) == [ScheduleStatus.PUBLISHED]
    assert _meetings(published) == before


def test_retrying_a_failed_run_twice_starts_one_retry_with_exactly_one_result(brokerage, monkeypatch):
    published, before = _published(brokerage)
    monkeypatch.setattr(
        runs, "schedule_meetings", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("killed"))
    )
    failed = start_schedule_run(brokerage.event, time_limit=5)
    monkeypatch.undo()
    failed.refresh_from_db()

    first = retry_schedule_run(failed)
    second = retry_schedule_run(failed)

    assert first.pk == second.pk
    assert ScheduleRun.objects.filter(retry_of=failed).count() == 1
    first.refresh_from_db()
    assert first.status == RunStatus.SUCCEEDED
    assert sorted(Schedule.objects.values_list("status", flat=True)) == [
        ScheduleStatus.DRAFT,
        ScheduleStatus.PUBLISHED,
    ]
    assert _meetings(published) == before
    with pytest.raises(DomainError, match="Only a failed run can be retried"):
        retry_schedule_run(first)


def test_running_the_same_job_twice_gives_one_result(brokerage):
    accepted(*brokerage.people[:2])
    run = start_schedule_run(brokerage.event, time_limit=5)

    runs.execute_schedule_run(run.pk)  # a redelivered message (acks late, the worker died after finishing)

    assert Schedule.objects.filter(run=run).count() == 1


def test_stale_running_run_is_marked_failed_and_a_late_finish_writes_nothing(brokerage, monkeypatch):
    published, before = _published(brokerage)
    real = runs.schedule_meetings

    def slow_solver(instance, **kwargs):
        # While this worker solves, the stale check decides it died (it took too long) ...
        assert (
            fail_stale_schedule_runs(now=_after_the_grace(ScheduleRun.objects.get(status=RunStatus.RUNNING)))
            == 1
        )
        return real(instance, **kwargs)  # ... and then it finishes after all.

    monkeypatch.setattr(runs, "schedule_meetings", slow_solver)
    late = start_schedule_run(brokerage.event, time_limit=5)

    late.refresh_from_db()
    assert (late.status, late.error) == (
        RunStatus.FAILED,
        "The worker stopped before the run finished (no result after its time limit).",
    )
    assert Schedule.objects.filter(run=late).count() == 0
    assert _meetings(published) == before


def test_runs_still_within_their_time_or_queue_window_are_not_stale(brokerage):
    accepted(*brokerage.people[:2])
    ScheduleRun.objects.create(
        event=brokerage.event, status=RunStatus.RUNNING, started_at=timezone.now(), time_limit=60
    )
    queued = ScheduleRun.objects.create(event=brokerage.event, status=RunStatus.QUEUED)
    ScheduleRun.objects.filter(pk=queued.pk).update(created_at=timezone.now() - dt.timedelta(minutes=50))

    marked = fail_stale_schedule_runs(
        now=timezone.now() + dt.timedelta(seconds=60) + STALE_GRACE - dt.timedelta(seconds=5)
    )

    assert marked == 0
    assert sorted(ScheduleRun.objects.values_list("status", flat=True)) == [
        RunStatus.QUEUED,
        RunStatus.RUNNING,
    ]


def test_lost_queued_run_is_marked_failed_by_the_command(brokerage, capsys):
    queued = ScheduleRun.objects.create(event=brokerage.event, status=RunStatus.QUEUED)
    ScheduleRun.objects.filter(pk=queued.pk).update(created_at=timezone.now() - dt.timedelta(hours=2))

    call_command("fail_stale_runs")

    queued.refresh_from_db()
    assert (queued.status, queued.error) == (RunStatus.FAILED, "No worker started the run within an hour.")
    assert capsys.readouterr().out == "1 stale schedule run(s) marked failed\n"


def test_organizer_page_shows_a_dead_run_as_failed_and_retryable(brokerage, client):
    organizer = get_user_model().objects.create_user(username="org", email="org@example.org", password="x")
    add_organizer(brokerage.event, user=organizer)
    dead = ScheduleRun.objects.create(
        event=brokerage.event,
        status=RunStatus.RUNNING,
        time_limit=5,
        started_at=timezone.now() - dt.timedelta(hours=1),
    )
    client.force_login(organizer)

    client.get(reverse("matchmaking:organizer", args=[brokerage.event.slug]))

    dead.refresh_from_db()
    assert dead.status == RunStatus.FAILED


def test_rolled_back_transaction_starts_no_run_and_sends_no_mail(brokerage):
    accepted(*brokerage.people[:2])

    def notify(**kwargs: object) -> None:
        mail.send_mail("Your schedule", "It is ready.", None, ["org@example.org"])

    def failing_request() -> None:
        with transaction.atomic():
            start_schedule_run(brokerage.event, time_limit=5)
            jobs.enqueue(notify)
            raise RuntimeError("the request failed after queueing its jobs")

    with pytest.raises(RuntimeError):
        failing_request()

    assert (ScheduleRun.objects.count(), Schedule.objects.count(), len(mail.outbox)) == (0, 0, 0)

    with transaction.atomic():
        start_schedule_run(brokerage.event, time_limit=5)
        jobs.enqueue(notify)
        assert (Schedule.objects.count(), len(mail.outbox)) == (0, 0)  # nothing before the commit

    assert (Schedule.objects.count(), len(mail.outbox)) == (1, 1)


WORKER = textwrap.dedent(
    """
    import sys, time
    import django
    django.setup()
    from smexchange.matchmaking.services import runs
    from smexchange.matchmaking.tasks import task_run_schedule

    def stuck(*args, **kwargs):
        print("solving", flush=True)
        time.sleep(600)

    runs.schedule_meetings = stuck
    task_run_schedule(run_id=int(sys.argv[1]))
    """
)


def _database_url() -> str:
    settings = connection.settings_dict
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{settings['USER']}{password}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"


@pytest.mark.postgres
def test_worker_process_killed_mid_run_leaves_the_published_schedule_then_fails_stale_and_retries(brokerage):
    published, before = _published(brokerage)
    run = ScheduleRun.objects.create(event=brokerage.event, time_limit=5)
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "smexchange.settings_test",
    }
    with subprocess.Popen(
        [sys.executable, "-c", WORKER, str(run.pk)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as worker:
        try:
            assert worker.stdout is not None
            assert worker.stdout.readline() == "solving\n"
        finally:
            worker.kill()  # SIGKILL: no handler runs, no status is written
            worker.wait(timeout=30)

    run.refresh_from_db()
    assert (worker.returncode, run.status) == (-9, RunStatus.RUNNING)
    assert _meetings(published) == before
    assert fail_stale_schedule_runs(now=_after_the_grace(run)) == 1
    run.refresh_from_db()
    retried = retry_schedule_run(run)
    assert retry_schedule_run(run).pk == retried.pk
    retried.refresh_from_db()
    assert (run.status, retried.status) == (RunStatus.FAILED, RunStatus.SUCCEEDED)
    assert Schedule.objects.filter(status=ScheduleStatus.DRAFT).count() == 1
    assert Schedule.objects.get(status=ScheduleStatus.PUBLISHED).pk == published.pk


@pytest.mark.postgres
def test_connection_terminated_mid_request_gives_the_error_page_and_keeps_the_published_schedule(brokerage):
    published, before = _published(brokerage)
    draft_run = start_schedule_run(brokerage.event, time_limit=5, seed=3)
    draft_run.refresh_from_db()
    draft = draft_run.schedule
    organizer = get_user_model().objects.create_user(username="org", email="org@example.org", password="x")
    add_organizer(brokerage.event, user=organizer)
    client = Client(raise_request_exception=False)
    client.force_login(organizer)
    schedule_updates = []

    def terminate_before_the_second_update(execute, sql, params, many, context):
        if sql.startswith('UPDATE "matchmaking_schedule"'):
            schedule_updates.append(sql)
            if len(schedule_updates) == 2:  # the old one is superseded, the new one not yet published
                pid = context["connection"].connection.info.backend_pid
                with psycopg.connect(
                    _database_url().replace("postgres://", "postgresql://"), autocommit=True
                ) as admin:
                    admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(terminate_before_the_second_update):
        response = client.post(reverse("matchmaking:publish", args=[brokerage.event.slug, draft.pk]))
    connection.close()

    assert (response.status_code, len(schedule_updates)) == (500, 2)
    assert "Something went wrong" in response.content.decode()
    statuses = dict(Schedule.objects.values_list("pk", "status"))
    assert statuses == {published.pk: ScheduleStatus.PUBLISHED, draft.pk: ScheduleStatus.DRAFT}
    assert _meetings(published) == before
