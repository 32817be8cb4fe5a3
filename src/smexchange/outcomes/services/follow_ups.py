"""Meeting follow-ups: what each side says came of a meeting, recorded by itself or by the organizers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smexchange.directory.models import Organization
from smexchange.events.models import Event, Registration
from smexchange.matchmaking.enums import MeetingStatus, RequestStatus, ScheduleStatus
from smexchange.matchmaking.models import Meeting, MeetingRequest
from smexchange.outcomes.enums import RESULTS_WITH_VALUE, FollowUpResult
from smexchange.outcomes.models import MeetingFollowUp
from smexchange.outcomes.services.checks import (
    check_cooperation_type,
    clean_value,
    fail,
    meeting_label,
    request_label,
)


def _check_meeting(meeting: Meeting, *, result: str, now: dt.datetime) -> None:
    record = meeting_label(meeting)
    if meeting.schedule.status != ScheduleStatus.PUBLISHED:
        raise fail(record, _("only meetings of the published schedule have follow-ups."))
    if meeting.status == MeetingStatus.CANCELLED:
        raise fail(record, _("the meeting was cancelled."))
    if now < meeting.slot.starts_at:
        raise fail(record, _("a follow-up can be recorded once the meeting has started."))
    if meeting.status == MeetingStatus.NO_SHOW and result != FollowUpResult.NO_SHOW:
        raise fail(record, _("the meeting was recorded as a no-show."))


def _check_recorder(
    user: Any, event: Event, organization: Organization, *, on_behalf: bool, record: str
) -> None:
    if on_behalf:
        if not user.has_perm("events.organize_event", event):
            raise fail(record, _("only the event's organizers can record a follow-up on someone's behalf."))
        return
    attends = Registration.objects.filter(event=event, organization=organization, person__user=user).exists()
    if not attends:
        raise fail(
            record,
            _("you can record a follow-up only for your own organization (%(organization)s is not yours).")
            % {"organization": organization},
        )


@transaction.atomic
def record_follow_up(
    meeting: Meeting | None = None,
    *,
    request: MeetingRequest | None = None,
    organization: Organization,
    recorded_by: Any,
    result: str,
    cooperation_type: str = "",
    estimated_value: Decimal | None = None,
    currency: str = "",
    next_step: str = "",
    on_behalf: bool = False,
    now: dt.datetime | None = None,
) -> MeetingFollowUp:
    """Record (or correct) what `organization` says came of a meeting, or of a meeting request without one.

    A participant records for their own organization; an organizer may record for either side
    (`on_behalf`, on site). One follow-up per meeting and organization (a database constraint too):
    recording again corrects it. A prospective transaction needs a cooperation type; a value needs
    an ISO 4217 currency. Raises DomainError naming the meeting and the problem; nothing is saved then.
    """
    now = now or timezone.now()
    if (meeting is None) == (request is None):
        raise ValueError("pass a meeting or a meeting request")
    if result not in FollowUpResult.values:
        raise fail(_("follow-up"), _("“%(value)s” is not a follow-up result.") % {"value": result})
    if meeting is not None:
        meeting = Meeting.objects.select_related(
            "schedule__event", "slot", "a__organization", "b__organization"
        ).get(pk=meeting.pk)
        record = meeting_label(meeting)
        event = meeting.schedule.event
        sides = {meeting.a.organization_id, meeting.b.organization_id}
        request = meeting.request
        _check_meeting(meeting, result=result, now=now)
    else:
        assert request is not None
        request = MeetingRequest.objects.select_related(
            "event", "requester__organization", "recipient__organization"
        ).get(pk=request.pk)
        record = request_label(request)
        event = request.event
        sides = {request.requester.organization_id, request.recipient.organization_id}
        if request.status != RequestStatus.ACCEPTED:
            raise fail(record, _("only an accepted meeting request can have a follow-up."))
    if organization.pk not in sides:
        raise fail(record, _("%(organization)s is not a side of it.") % {"organization": organization})
    _check_recorder(recorded_by, event, organization, on_behalf=on_behalf, record=record)
    if result in RESULTS_WITH_VALUE:
        check_cooperation_type(record, cooperation_type, required=result == FollowUpResult.PROSPECTIVE)
        estimated_value, currency = clean_value(record, estimated_value, currency)
    elif cooperation_type or estimated_value is not None:
        raise fail(
            record, _("only further talks or a prospective transaction can have a cooperation type or value.")
        )
    else:
        currency = ""

    lookup = {"meeting": meeting} if meeting is not None else {"meeting": None, "request": request}
    existing = MeetingFollowUp.objects.select_for_update().filter(organization=organization, **lookup).first()
    if existing is not None and existing.result != result and existing.deals.exists():
        raise fail(record, _("a deal was already opened from this follow-up, so its result stays."))
    follow_up = existing or MeetingFollowUp(organization=organization, event=event, **lookup)
    if meeting is not None:
        follow_up.request = request
    follow_up.result = result
    follow_up.cooperation_type = cooperation_type
    follow_up.estimated_value = estimated_value
    follow_up.currency = currency
    follow_up.next_step = next_step.strip()
    follow_up.recorded_by = recorded_by if getattr(recorded_by, "pk", None) else None
    follow_up.recorded_on_behalf = on_behalf
    follow_up.recorded_at = now
    try:
        with transaction.atomic():
            follow_up.save()
    except IntegrityError:
        # Both delegates of one organization submitting at the same moment: the other one won.
        raise fail(
            record,
            _("%(organization)s has just recorded a follow-up; reload and correct it.")
            % {"organization": organization},
        ) from None
    return follow_up
