"""Reusable reads of outcomes: a participant's deals, an event's follow-ups, deals and figures."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from smexchange.events.models import Event
from smexchange.matchmaking.enums import MeetingStatus, ScheduleStatus
from smexchange.matchmaking.models import Meeting
from smexchange.outcomes.enums import DealStage, FollowUpResult
from smexchange.outcomes.models import Deal, MeetingFollowUp


def deals_of(organization_ids: set[int]) -> QuerySet[Deal]:
    return Deal.objects.filter(deal_parties__organization_id__in=organization_ids).distinct().for_listing()


def follow_ups_by_meeting(meetings: list[Meeting], organization_id: int) -> dict[int, MeetingFollowUp]:
    rows = MeetingFollowUp.objects.filter(meeting__in=meetings, organization_id=organization_id)
    return {row.meeting_id: row for row in rows}


def follow_ups_of_event(event: Event) -> QuerySet[MeetingFollowUp]:
    return MeetingFollowUp.objects.filter(event=event).for_listing().order_by("-recorded_at", "-id")


def deals_of_event(event: Event) -> QuerySet[Deal]:
    return Deal.objects.filter(event=event).for_listing()


def held_meetings(event: Event) -> QuerySet[Meeting]:
    """Meetings of the published schedule that were not cancelled, with how many sides followed up."""
    return (
        Meeting.objects.filter(schedule__event=event, schedule__status=ScheduleStatus.PUBLISHED)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("slot", "a__person", "b__person", "a__organization", "b__organization")
        .annotate(follow_up_count=Count("follow_ups"))
        .order_by("slot__starts_at", "id")
    )


def outcome_figures(event: Event) -> dict[str, Any]:
    results = Counter(
        dict(MeetingFollowUp.objects.filter(event=event).values_list("result").annotate(n=Count("id")))
    )
    stages = Counter(dict(Deal.objects.filter(event=event).values_list("stage").annotate(n=Count("id"))))
    signed_values = (
        Deal.objects.filter(event=event, stage=DealStage.SIGNED, value__isnull=False)
        .values_list("currency")
        .annotate(total=Sum("value"))
        .order_by("currency")
    )
    meetings = held_meetings(event)
    return {
        "meetings": meetings.count(),
        "without_follow_up": meetings.filter(follow_up_count=0).count(),
        "results": [(label, results.get(value, 0)) for value, label in FollowUpResult.choices],
        "stages": [(label, stages.get(value, 0)) for value, label in DealStage.choices],
        "no_shows": results.get(FollowUpResult.NO_SHOW, 0)
        + meetings.filter(
            Q(status=MeetingStatus.NO_SHOW), ~Q(follow_ups__result=FollowUpResult.NO_SHOW)
        ).count(),
        "signed_value": [(currency, Decimal(total)) for currency, total in signed_values],
    }
