"""The organizer's matchmaking: groups and rules, schedule runs with progress, review, moves, publishing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from smexchange.common.feedback import errors_as_messages
from smexchange.common.pagination import paginate, query_without_page
from smexchange.events.access import access_event_as_organizer
from smexchange.events.enums import ParticipantRole
from smexchange.events.models import Event
from smexchange.events.services import set_table_count
from smexchange.matchmaking import queries
from smexchange.matchmaking.enums import RunStatus, ScheduleStatus
from smexchange.matchmaking.forms import (
    BookMeetingForm,
    GroupMembersForm,
    MatchmakingSetupForm,
    MeetingRuleForm,
    MoveMeetingForm,
    ParticipantGroupForm,
    ScheduleRunForm,
)
from smexchange.matchmaking.models import MeetingRule, ParticipantGroup, Schedule, ScheduleRun
from smexchange.matchmaking.services.groups import (
    allow_group_pair,
    assign_group_members,
    create_participant_group,
    delete_participant_group,
    disallow_group_pair,
)
from smexchange.matchmaking.services.proposals import propose_recommended_meetings
from smexchange.matchmaking.services.publishing import book_meeting, move_meeting, publish_schedule
from smexchange.matchmaking.services.requests import policy_of, set_matchmaking_policy
from smexchange.matchmaking.services.runs import (
    fail_stale_schedule_runs,
    retry_schedule_run,
    start_schedule_run,
)


def _back(slug: str) -> HttpResponse:
    return redirect("matchmaking:organizer", slug=slug)


@login_required
def organizer_home(request: HttpRequest, slug: str) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    # On access, not only from `smex fail_stale_runs`: a run whose worker died shows as failed, retryable.
    fail_stale_schedule_runs(event=event)
    runs = list(event.schedule_runs.order_by("-created_at", "-id")[:5])
    draft = (
        Schedule.objects.filter(event=event, status=ScheduleStatus.DRAFT)
        .select_related("run")
        .order_by("-id")
        .first()
    )
    context = {
        "event": event,
        "overview": queries.schedule_overview(event),
        "runs": runs,
        "in_progress": any(run.status in (RunStatus.QUEUED, RunStatus.RUNNING) for run in runs),
        "run_form": ScheduleRunForm(),
        "setup_form": _setup_form(event),
        "draft": draft,
        "draft_meetings": draft.meetings.select_related("slot", "table", "booth", "a__person", "b__person")
        if draft
        else [],
        "move_form": MoveMeetingForm(schedule=draft) if draft else None,
        "book_form": BookMeetingForm(schedule=draft) if draft else None,
        "published": queries.published_schedule(event),
        **_groups_context(event, role=request.GET.get("role", "")),
    }
    return render(request, "matchmaking/organizer.html", context)


def _groups_context(event: Event, *, role: str) -> dict[str, object]:
    return {
        "groups": ParticipantGroup.objects.filter(event=event)
        .prefetch_related("members__registration__person")
        .order_by("name"),
        "rules": MeetingRule.objects.filter(event=event).select_related("group_a", "group_b"),
        "group_form": ParticipantGroupForm(),
        "members_form": GroupMembersForm(event=event, role=role),
        "rule_form": MeetingRuleForm(event=event),
        "roles": ParticipantRole.choices,
        "role": role,
    }


def _setup_form(event: Event) -> MatchmakingSetupForm:
    policy = policy_of(event)
    return MatchmakingSetupForm(
        initial={
            "tables": event.tables.count(),
            "max_requests_per_participant": policy.max_requests_per_participant,
            "max_meetings_per_participant": policy.max_meetings_per_participant,
            "request_expiry_hours": policy.request_expiry_hours,
        }
    )


@login_required
@require_POST
def start_run(request: HttpRequest, slug: str) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    form = ScheduleRunForm(request.POST)
    if form.is_valid():
        with errors_as_messages(request):
            start_schedule_run(event, **form.cleaned_data)
            messages.success(request, _("The schedule run has started."))
    return _back(slug)


@login_required
@require_POST
def retry_run(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    run = get_object_or_404(ScheduleRun, event=event, pk=pk)
    with errors_as_messages(request):
        retry_schedule_run(run)
    return _back(slug)


@login_required
@require_POST
def move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    schedule = get_object_or_404(Schedule, event=event, pk=pk)
    form = MoveMeetingForm(request.POST, schedule=schedule)
    if form.is_valid():
        with errors_as_messages(request):
            move_meeting(
                form.cleaned_data["meeting"], slot=form.cleaned_data["slot"], table=form.cleaned_data["table"]
            )
            messages.success(request, _("The meeting was moved."))
    return _back(slug)


@login_required
@require_POST
def book(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Book one accepted request into a slot of a draft; a booking that loses a race answers 409."""
    event = access_event_as_organizer(request.user, slug)
    schedule = get_object_or_404(Schedule.objects.select_related("event"), event=event, pk=pk)
    form = BookMeetingForm(request.POST, schedule=schedule)
    if not form.is_valid():
        messages.error(request, _("Choose an accepted request, a slot and a table or a booth."))
        return _back(slug)
    with errors_as_messages(request):
        book_meeting(schedule, **form.cleaned_data)
        messages.success(request, _("The meeting was booked."))
    return _back(slug)


@login_required
@require_POST
def publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    schedule = get_object_or_404(Schedule, event=event, pk=pk)
    with errors_as_messages(request):
        publish_schedule(schedule)
        messages.success(request, _("The schedule is published; participants see it in their agendas."))
    return _back(slug)


@login_required
@require_POST
def setup(request: HttpRequest, slug: str) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    form = MatchmakingSetupForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        tables = set_table_count(event, count=data.pop("tables"))
        set_matchmaking_policy(event, **data)
        messages.success(request, _("Saved: %(tables)s tables and the request rules.") % {"tables": tables})
    else:
        messages.error(request, _("Please correct the matchmaking settings."))
    return _back(slug)


def _back_to_groups(slug: str) -> HttpResponse:
    return redirect(reverse("matchmaking:organizer", args=[slug]) + "#groups")


@login_required
@require_POST
def create_group(request: HttpRequest, slug: str) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    form = ParticipantGroupForm(request.POST)
    if form.is_valid():
        with errors_as_messages(request):
            group = create_participant_group(event, **form.cleaned_data)
            messages.success(request, _("Group %(name)s created.") % {"name": group.name})
    else:
        messages.error(request, _("Please correct the participant group."))
    return _back_to_groups(slug)


@login_required
@require_POST
def delete_group(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    group = get_object_or_404(ParticipantGroup, event=event, pk=pk)
    with errors_as_messages(request):
        delete_participant_group(group)
        messages.success(request, _("Group %(name)s deleted.") % {"name": group.name})
    return _back_to_groups(slug)


@login_required
@require_POST
def assign_members(request: HttpRequest, slug: str) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    form = GroupMembersForm(request.POST, event=event)
    if form.is_valid():
        with errors_as_messages(request):
            group = form.cleaned_data["group"]
            assign_group_members(group, registrations=form.cleaned_data["registrations"])
            messages.success(
                request,
                _("%(count)s participants are now in %(name)s.")
                % {"count": len(form.cleaned_data["registrations"]), "name": group.name},
            )
    else:
        messages.error(request, _("Choose a group and at least one participant."))
    return _back_to_groups(slug)


@login_required
@require_POST
def allow_pair(request: HttpRequest, slug: str) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    form = MeetingRuleForm(request.POST, event=event)
    if form.is_valid():
        with errors_as_messages(request):
            rule = allow_group_pair(form.cleaned_data["group_a"], group_b=form.cleaned_data["group_b"])
            messages.success(
                request,
                _("Members of %(a)s and %(b)s may meet.") % {"a": rule.group_a.name, "b": rule.group_b.name},
            )
    else:
        messages.error(request, _("Choose two groups."))
    return _back_to_groups(slug)


@login_required
@require_POST
def remove_rule(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    rule = get_object_or_404(MeetingRule.objects.select_related("group_a", "group_b"), event=event, pk=pk)
    with errors_as_messages(request):
        disallow_group_pair(rule.group_a, group_b=rule.group_b)
        messages.success(
            request,
            _("Members of %(a)s and %(b)s no longer meet.")
            % {"a": rule.group_a.name, "b": rule.group_b.name},
        )
    return _back_to_groups(slug)


@login_required
def request_graph(request: HttpRequest, slug: str) -> HttpResponse:
    """Who asked whom: totals, the most requested, participants nobody asked and who asked nobody."""
    event = access_event_as_organizer(request.user, slug)
    context = {
        "event": event,
        "graph": queries.request_graph(event),
        "few_requests": queries.FEW_REQUESTS,
        "page": paginate(request, queries.requests_of_event(event), per_page=50),
        "query": query_without_page(request),
    }
    return render(request, "matchmaking/request_graph.html", context)


@login_required
@require_POST
def propose_meetings(request: HttpRequest, slug: str) -> HttpResponse:
    event = access_event_as_organizer(request.user, slug)
    with errors_as_messages(request):
        proposed = propose_recommended_meetings(event)
        messages.success(
            request,
            ngettext(
                "%(count)s recommended meeting was proposed.",
                "%(count)s recommended meetings were proposed.",
                proposed,
            )
            % {"count": proposed},
        )
    return redirect("matchmaking:request_graph", slug=slug)


@login_required
def run_progress(request: HttpRequest, slug: str, pk: int) -> JsonResponse:
    """A run's progress as JSON, polled by the organizer's page while the run works."""
    event = access_event_as_organizer(request.user, slug)
    run = get_object_or_404(ScheduleRun, event=event, pk=pk)
    return JsonResponse(
        {
            "id": run.pk,
            "status": run.status,
            "status_label": str(run.get_status_display()),
            "phase": run.phase,
            "best_weight": run.best_weight,
            "weight_bound": run.weight_bound,
            "idle_slots": run.idle_slots,
            "finished": run.status not in (RunStatus.QUEUED, RunStatus.RUNNING),
        }
    )
