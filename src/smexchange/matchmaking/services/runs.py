"""Schedule runs: the scheduling engine as a background job that writes a draft schedule."""

from __future__ import annotations

import logging

from django.db import transaction
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


def _new_run(event: Event, *, time_limit: int, seed: int, lock_published: bool) -> ScheduleRun:
    if not 1 <= time_limit <= MAX_TIME_LIMIT:
        raise DomainError(
            _("The time limit must be between 1 and %(max)s seconds.") % {"max": MAX_TIME_LIMIT}
        )
    if not event.matchmaking_sessions.filter(slots__isnull=False).exists():
        raise DomainError(_("The event has no matchmaking session with time slots."))
    return ScheduleRun.objects.create(
        event=event, time_limit=time_limit, seed=seed, lock_published=lock_published
    )


@transaction.atomic
def start_schedule_run(
    event: Event, *, time_limit: int = 30, seed: int = 0, lock_published: bool = False
) -> ScheduleRun:
    """Queue a schedule run; the job starts once this transaction commits."""
    run = _new_run(event, time_limit=time_limit, seed=seed, lock_published=lock_published)
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
    except Exception as error:
        logger.exception("schedule run %s failed", run.pk)
        ScheduleRun.objects.filter(pk=run.pk).update(
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
    """A failed run is retried as a new run with the same settings."""
    if run.status != RunStatus.FAILED:
        raise DomainError(_("Only a failed run can be retried."))
    return start_schedule_run(
        run.event, time_limit=run.time_limit, seed=run.seed, lock_published=run.lock_published
    )


def run_schedule_now(
    event: Event, *, time_limit: int = 30, seed: int = 0, lock_published: bool = False
) -> ScheduleRun:
    """Create and execute a run in this process, for commands (`smex demo`) rather than web requests."""
    run = _new_run(event, time_limit=time_limit, seed=seed, lock_published=lock_published)
    return execute_schedule_run(run.pk)
