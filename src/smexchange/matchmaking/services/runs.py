"""Schedule runs: the scheduling engine as a background job that writes a draft schedule."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smexchange.common.exceptions import DomainError
from smexchange.common.jobs import enqueue
from smexchange.events.models import Event
from smexchange.matchmaking.enums import RunStatus, ScheduleStatus
from smexchange.matchmaking.models import Meeting, MeetingSeat, Schedule, ScheduleRun
from smexchange.matchmaking.services.instances import EventInstance, build_event_instance
from smexchange.scheduling.solve import Progress, schedule_meetings
from smexchange.scheduling.types import Solution
from smexchange.scheduling.validate import validate

logger = logging.getLogger(__name__)

MAX_TIME_LIMIT = 600
# A running run gets its time limit plus this long to build its instance and write its draft; after
# that its worker is taken to have died (killed, out of memory, the web process restarted).
STALE_GRACE = dt.timedelta(minutes=5)
# A queued run no worker picked up in this time is taken to be lost with its message.
QUEUE_TIMEOUT = dt.timedelta(hours=1)


class StaleRunError(RuntimeError):
    """The run was marked failed (its worker taken for dead) before it finished: its result is dropped."""


def _new_run(
    event: Event, *, time_limit: int, seed: int, lock_published: bool, retry_of: ScheduleRun | None = None
) -> ScheduleRun:
    if not 1 <= time_limit <= MAX_TIME_LIMIT:
        raise DomainError(
            _("The time limit must be between 1 and %(max)s seconds.") % {"max": MAX_TIME_LIMIT}
        )
    if not event.matchmaking_sessions.filter(slots__isnull=False).exists():
        raise DomainError(_("The event has no matchmaking session with time slots."))
    return ScheduleRun.objects.create(
        event=event, time_limit=time_limit, seed=seed, lock_published=lock_published, retry_of=retry_of
    )


@transaction.atomic
def start_schedule_run(
    event: Event,
    *,
    time_limit: int = 30,
    seed: int = 0,
    lock_published: bool = False,
    retry_of: ScheduleRun | None = None,
) -> ScheduleRun:
    """Queue a schedule run; the job starts once this transaction commits (none if it rolls back)."""
    run = _new_run(event, time_limit=time_limit, seed=seed, lock_published=lock_published, retry_of=retry_of)
    # Inline: tasks.py imports this module to call the services.
    from smexchange.matchmaking.tasks import task_run_schedule

    enqueue(task_run_schedule, run_id=run.pk)
    return run


def _claim(run_id: int) -> ScheduleRun | None:
    """Mark a queued run as running; a run already claimed (a retried job) is left alone."""
    with transaction.atomic():
        run = ScheduleRun.objects.select_for_update().get(pk=run_id)
        if run.status != RunStatus.QUEUED:
            return None
        run.status, run.started_at = RunStatus.RUNNING, timezone.now()
        run.save(update_fields=["status", "started_at"])
        return run


def execute_schedule_run(run_id: int) -> ScheduleRun:
    """Solve the run's event and write the result as a draft schedule, all or nothing.

    A failure marks the run failed with its error and leaves every schedule untouched; running the
    same run twice does nothing the second time.
    """
    run = _claim(run_id)
    if run is None:
        return ScheduleRun.objects.get(pk=run_id)
    try:
        built = build_event_instance(run.event, lock_published=run.lock_published)
        solution = schedule_meetings(
            built.instance,
            time_limit=run.time_limit,
            seed=run.seed,
            progress=lambda p: _save_progress(run.pk, p),
        )
        violations = validate(built.instance, solution)
        if violations:
            raise RuntimeError(f"the engine's schedule breaks a rule: {violations[0]}")
        _write_draft(run, built, solution)
    except StaleRunError:
        logger.warning("schedule run %s finished after it was marked failed; its result is dropped", run.pk)
    except Exception as error:
        logger.exception("schedule run %s failed", run.pk)
        ScheduleRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(
            status=RunStatus.FAILED, error=f"{type(error).__name__}: {error}", finished_at=timezone.now()
        )
    run.refresh_from_db()
    return run


def _save_progress(run_id: int, progress: Progress) -> None:
    ScheduleRun.objects.filter(pk=run_id).update(
        phase=progress.phase,
        best_weight=progress.weight,
        weight_bound=progress.bound,
        idle_slots=progress.idle_slots,
    )


@transaction.atomic
def _write_draft(run: ScheduleRun, built: EventInstance, solution: Solution) -> Schedule:
    # Locked and checked first: a run marked failed meanwhile (and perhaps retried) writes nothing,
    # so a failed run never has a draft and a retry never makes a second result.
    if ScheduleRun.objects.select_for_update().get(pk=run.pk).status != RunStatus.RUNNING:
        raise StaleRunError(run.pk)
    schedule = Schedule.objects.create(event=run.event, run=run, status=ScheduleStatus.DRAFT)
    meetings = []
    for assignment in solution.assignments:
        request = built.requests[assignment.meeting]
        meetings.append(
            Meeting(
                schedule=schedule,
                request=request,
                a_id=request.requester_id,
                b_id=request.recipient_id,
                slot=built.slots[assignment.slot],
                table=built.tables.get(assignment.location),
                booth=built.booths.get(assignment.location),
                weight=built.weights[assignment.meeting],
            )
        )
    created = Meeting.objects.bulk_create(meetings)
    MeetingSeat.objects.bulk_create(
        MeetingSeat(meeting=meeting, schedule=schedule, registration_id=person, slot=meeting.slot)
        for meeting in created
        for person in (meeting.a_id, meeting.b_id)
    )
    stats = solution.stats
    ScheduleRun.objects.filter(pk=run.pk).update(
        status=RunStatus.SUCCEEDED,
        finished_at=timezone.now(),
        best_weight=stats.weight_scheduled,
        weight_bound=stats.weight_upper_bound,
        idle_slots=stats.idle_slots,
        stats={name: getattr(stats, name) for name in stats.__dataclass_fields__},
        unscheduled=[
            {"request": built.requests[item.meeting].pk, "reason": item.reason}
            for item in solution.unscheduled
        ],
    )
    return schedule


def retry_schedule_run(run: ScheduleRun) -> ScheduleRun:
    """A failed run is retried as a new run with the same settings, once: retrying it again (a
    second click, two organizers at once) returns that same retry instead of starting another."""
    if run.status != RunStatus.FAILED:
        raise DomainError(_("Only a failed run can be retried."))
    try:
        with transaction.atomic():
            return start_schedule_run(
                run.event,
                time_limit=run.time_limit,
                seed=run.seed,
                lock_published=run.lock_published,
                retry_of=run,
            )
    except IntegrityError:
        return ScheduleRun.objects.get(retry_of=run)


def fail_stale_schedule_runs(*, now: dt.datetime | None = None, event: Event | None = None) -> int:
    """Mark failed the runs whose worker died: running past their time limit and `STALE_GRACE`, or
    queued longer than `QUEUE_TIMEOUT`. Their published schedules were never touched, and each can
    be retried. Returns how many were marked."""
    now = now or timezone.now()
    runs = ScheduleRun.objects.filter(event=event) if event is not None else ScheduleRun.objects.all()
    marked = 0
    for run in runs.filter(status=RunStatus.RUNNING, started_at__lt=now - STALE_GRACE).only(
        "pk", "time_limit", "started_at"
    ):
        if run.started_at and run.started_at + dt.timedelta(seconds=run.time_limit) + STALE_GRACE < now:
            marked += ScheduleRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(
                status=RunStatus.FAILED,
                error=_("The worker stopped before the run finished (no result after its time limit)."),
                finished_at=now,
            )
    marked += runs.filter(status=RunStatus.QUEUED, created_at__lt=now - QUEUE_TIMEOUT).update(
        status=RunStatus.FAILED,
        error=_("No worker started the run within an hour."),
        finished_at=now,
    )
    return marked


def run_schedule_now(
    event: Event, *, time_limit: int = 30, seed: int = 0, lock_published: bool = False
) -> ScheduleRun:
    """Create and execute a run in this process, for commands (`smex demo`) rather than web requests."""
    run = _new_run(event, time_limit=time_limit, seed=seed, lock_published=lock_published)
    return execute_schedule_run(run.pk)
