"""Public entry point: `schedule_meetings`."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from smexchange.scheduling.bound import relax_weight, solve_weight_mip
from smexchange.scheduling.compact import compact_gaps
from smexchange.scheduling.exact import solve_gaps_exact
from smexchange.scheduling.greedy import greedy_schedule, reserved_greedy
from smexchange.scheduling.lns import Change, improve_by_lns, replay, total_gaps
from smexchange.scheduling.locations import assign_tables
from smexchange.scheduling.problem import Problem, compile_problem
from smexchange.scheduling.state import FREE, ScheduleState
from smexchange.scheduling.types import Assignment, Instance, Solution, Stats, Status, Unscheduled
from smexchange.scheduling.validate import compute_stats, gap_counts

# Above this many (meeting, slot) pairs the MIP of the weight phase is too slow to help, and
# the large-neighbourhood search improves weight and gaps together.
MIP_VARIABLE_LIMIT = 250_000
# Above this many pairs the whole CP-SAT gap model is too slow to search in one piece, and the
# large-neighbourhood search minimizes the gaps at the weight already reached.
EXACT_VARIABLE_LIMIT = 12_000
# Up to this share of the time for the LP relaxation: on huge-5000 it takes 28-42 s depending
# on the machine, and cut short (at 0.3 of 120 s) it left only the trivial bound and an unguided
# start (58,357 instead of 59,271 of 59,317). On the real events it takes under a second.
RELAXATION_SHARE = 0.5
# Share of the time for making the start compact before the weight MIP is steered towards it.
PRE_COMPACT_SHARE = 0.1


@dataclass(frozen=True)
class Progress:
    """One progress report: the phase, the best weight so far, the proven bound, idle slots."""

    phase: str
    weight: int
    bound: int
    idle_slots: int
    breaks: int
    seconds: float


ProgressCallback = Callable[[Progress], None]


def schedule_meetings(
    instance: Instance,
    *,
    time_limit: float = 30.0,
    seed: int = 0,
    workers: int = 1,
    progress: ProgressCallback | None = None,
) -> Solution:
    """Schedule the meetings of a checked instance (see `io.parse_instance`).

    Guarantees every hard rule of CONTRACTS.md section 2 and every meeting in exactly one of
    `assignments` and `unscheduled`. Maximizes weight, then minimizes the instance's `minimize`
    count, then the other. Returns within about `time_limit` seconds (plus the time to build the
    output). With one worker (the default) the same instance and seed give the same schedule
    when no phase is cut short by the clock; more workers race CP-SAT's portfolio in the
    whole-model phases and solve that many local-search pieces at once (fewer idle slots on
    large events, not repeatable). `progress` is called from the solving thread after each
    phase.
    """
    started = time.perf_counter()
    deadline = started + time_limit
    problem = compile_problem(instance)

    def report(phase: str, state: ScheduleState, bound: int) -> None:
        if progress is not None:
            idle, breaks = gap_counts(instance, _busy(problem, state))
            progress(Progress(phase, state.weight(), bound, idle, breaks, time.perf_counter() - started))

    relaxation = relax_weight(problem, time_limit=max(1.0, time_limit * RELAXATION_SHARE))
    bound = relaxation.bound
    state = _better(
        problem, greedy_schedule(problem), greedy_schedule(problem, relaxation.chosen, relaxation.session)
    )
    report("greedy", state, bound)
    size, total = problem.feasible_pairs, problem.feasible_weight
    exact = size <= EXACT_VARIABLE_LIMIT
    # On the exact path a bound that allows every meeting is tried directly as "hold all".
    if state.weight() < bound and size <= MIP_VARIABLE_LIMIT and not (exact and bound == total):
        state, bound = _weight_by_mip(problem, state, bound, deadline, seed, workers)
        report("weight", state, bound)
    gaps_proven = False
    if exact:
        result = solve_gaps_exact(
            problem, state, deadline=deadline, seed=seed, workers=workers, bound=bound, report=report
        )
        state, gaps_proven, bound = result.state, result.gaps_proven, result.bound
    else:
        state = improve_by_lns(
            problem, state, deadline=deadline, seed=seed, workers=workers, report=report, bound=bound
        )
    proven = state.weight() == bound and gaps_proven
    return _solution(problem, state, bound, proven, time.perf_counter() - started)


def _idle(problem: Problem, state: ScheduleState) -> int:
    return total_gaps(problem, state)[0]


def _better(problem: Problem, first: ScheduleState, second: ScheduleState) -> ScheduleState:
    """The schedule of more weight, then of fewer idle slots."""

    def key(state: ScheduleState) -> tuple[int, int]:
        return state.weight(), -_idle(problem, state)

    return second if key(second) > key(first) else first


def _weight_by_mip(
    problem: Problem, state: ScheduleState, bound: int, deadline: float, seed: int, workers: int
) -> tuple[ScheduleState, int]:
    """The most weight, by the MIP, in up to half the remaining time; keeps `state` if better.

    The MIP ignores waiting time. It is steered towards the start made compact first (each of
    the start's placements it keeps breaks ties between schedules of the most weight), so it
    returns the compact start changed only where the weight needs it. Measured on real-300:
    idle slots of the MIP's schedule 1,009 unsteered, 211 steered, and the MIP itself twice as
    fast (the tie-break removes most of the LP's degeneracy).

    With more than one worker the local search works on a copy of the start meanwhile (HiGHS
    releases the GIL), and the pieces it kept are tried again on the MIP's schedule: most fit,
    as the MIP changes the start in a few places only.
    """
    compact_gaps(
        problem, state, deadline=time.perf_counter() + (deadline - time.perf_counter()) * PRE_COMPACT_SHARE
    )
    prefer = {m: s for m, s in enumerate(state.slot_of) if s != FREE}
    seconds = (deadline - time.perf_counter()) * 0.5
    kept: list[Change] = []
    shadow = state.copy() if workers > 1 else None
    with ThreadPoolExecutor(max_workers=1) as pool:
        job = pool.submit(solve_weight_mip, problem, time_limit=seconds, prefer=prefer)
        if shadow is not None:
            improve_by_lns(
                problem,
                shadow,
                deadline=deadline,
                seed=seed,
                workers=1,
                report=lambda *_: None,
                bound=bound,
                stop=job.done,
                kept=kept,
            )
        found = job.result()
    if shadow is not None:
        state = _better(problem, state, shadow)
    if found is None:
        return state, bound
    placed, proven, mip_bound = found
    candidate = ScheduleState(problem)
    for m, (s, i) in sorted(placed.items()):
        candidate.place(m, s, i)
    # Placing the MIP's meetings again, idle-aware, sometimes leaves fewer gaps still (each
    # only where it takes no other's planned place); the fewest idle slots at the weight wins.
    for compact in (greedy_schedule(problem, frozenset(placed)), reserved_greedy(problem, placed)):
        candidate = _better(problem, candidate, compact)
    if kept:
        replay(problem, candidate, kept)
    if mip_bound >= 0:
        bound = min(bound, max(mip_bound, candidate.weight()))
    if proven:
        bound = min(bound, candidate.weight())
    return (candidate, bound) if candidate.weight() > state.weight() else (state, bound)


def _busy(problem: Problem, state: ScheduleState) -> dict[str, set[str]]:
    busy: dict[str, set[str]] = {}
    for m, s in enumerate(state.slot_of):
        if s != FREE:
            for p in problem.ends[m]:
                busy.setdefault(problem.participant_ids[p], set()).add(problem.slot_ids[s])
    return busy


def _solution(problem: Problem, state: ScheduleState, bound: int, proven: bool, seconds: float) -> Solution:
    instance = problem.instance
    placed = {instance.meetings[m].id: problem.slot_ids[s] for m, s in enumerate(state.slot_of) if s != FREE}
    locations = assign_tables(instance, placed, problem.locked_table)
    if locations is None:  # table_capacity in every model makes this unreachable
        raise AssertionError("more table meetings than tables in a slot")
    interpreter_ids = [i.id for i in instance.interpreters]
    assignments = tuple(
        Assignment(
            meeting=meeting.id,
            slot=placed[meeting.id],
            location=locations[meeting.id],
            interpreter=interpreter_ids[state.interpreter_of[m]] if state.interpreter_of[m] != FREE else None,
        )
        for m, meeting in enumerate(instance.meetings)
        if meeting.id in placed
    )
    unscheduled = tuple(
        Unscheduled(meeting=meeting.id, reason=_reason(problem, state, m))
        for m, meeting in enumerate(instance.meetings)
        if meeting.id not in placed
    )
    figures = compute_stats(instance, assignments)
    bound = max(bound, figures["weight_scheduled"])
    status: Status = "OPTIMAL" if proven and figures["weight_scheduled"] == bound else "FEASIBLE"
    stats = Stats(**figures, weight_upper_bound=bound, status=status, solve_seconds=seconds)
    return Solution(assignments=assignments, unscheduled=unscheduled, stats=stats)


def _reason(problem: Problem, state: ScheduleState, m: int) -> str:
    if m in problem.reasons:
        return problem.reasons[m]
    for p in problem.ends[m]:
        limit = problem.max_meetings[p]
        if limit is not None and state.count[p] >= limit:
            return f"participant {problem.participant_ids[p]} reached max_meetings {limit}"
    return "every common slot is taken by meetings of more value (participants, tables or interpreters)"
